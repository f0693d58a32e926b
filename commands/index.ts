import article from './article.ts';
import brief from './brief.ts';
import digest from './digest.ts';
import help from './help.ts';
import quote from './quote.ts';
import search from './search.ts';
import sources from './sources.ts';
import type { Command } from './types.ts';
import { validateCommandDefinitions } from './validate.ts';

/**
 * Every slash command, validated when this module loads: a malformed definition stops start-up with the reason
 * instead of being skipped (Discord would refuse the whole bulk registration anyway).
 */
export const commands: readonly Command[] = registerCommands([brief, quote, search, article, sources, digest, help]);

const byName = new Map(commands.map((c) => [c.data.name, c]));

export function getCommand(name: string): Command | undefined {
  return byName.get(name);
}

/** Checks the definitions and the handlers; throws `commands: …` naming every problem. */
export function registerCommands(list: Command[]): readonly Command[] {
  const problems = validateCommandDefinitions(list.map((c) => c.data));
  const names = new Set<string>();
  for (const c of list) {
    if (typeof c.execute !== 'function') problems.push(`/${c.data.name}: execute is not a function`);
    if (names.has(c.data.name)) problems.push(`/${c.data.name}: defined twice`);
    names.add(c.data.name);
    const wantsAutocomplete = JSON.stringify(c.data).includes('"autocomplete":true');
    if (wantsAutocomplete && typeof c.autocomplete !== 'function') {
      problems.push(`/${c.data.name}: an option autocompletes but the command has no autocomplete handler`);
    }
  }
  if (problems.length > 0) throw new Error(`commands: invalid definitions:\n  ${problems.join('\n  ')}`);
  return Object.freeze([...list]);
}
