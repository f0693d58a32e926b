import type { PayloadEmbed } from '../../src/bot/limits.ts';

/**
 * The characters Discord counts towards its 6,000 per message: titles, descriptions, footers, field names and
 * values. Written here, apart from src/bot/limits.ts, so a test of the limits does not trust the code it tests.
 */
export function embedCharacters(embeds: readonly PayloadEmbed[]): number {
  return embeds.reduce(
    (n, e) =>
      n +
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.fields ?? []).reduce((m, f) => m + f.name.length + f.value.length, 0),
    0,
  );
}
