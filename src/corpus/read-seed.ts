import type { RawOutcome } from './readers.ts';

/**
 * The seed format: ` date YYYY-MM-DD (SOURCE) body…`, paragraphs separated by blank lines, no title. The leading
 * space and the date's time part are optional; "dateline" styles such as `date 2024-03-14 (ERR News)` are the norm.
 */
const SEED_HEADER = /^\s*date\s+(\S+)\s+\(([^)\n]{1,80})\)[ \t]*/i;

/**
 * Reads a seed `.txt` article into raw fields (the title is left for the builder to derive).
 * @example parseSeedArticle(' date 2024-03-14 (MENAFN) Estonian …') // { ok: true, raw: { date: '2024-03-14', … } }
 */
export function parseSeedArticle(text: string): RawOutcome {
  const header = SEED_HEADER.exec(text);
  if (!header) return { ok: false, reason: 'not in the seed format: expected " date YYYY-MM-DD (SOURCE) body"' };
  return {
    ok: true,
    raw: { date: header[1], source: header[2]?.trim(), body: text.slice(header[0].length) },
  };
}
