import { shortenAtWord } from '../corpus/readers.ts';

/** Shortens text to one line of at most `max` characters, cut at a word boundary with "…" when something was cut. */
export function shorten(text: string, max: number): string {
  return shortenAtWord(text.replace(/\s+/g, ' ').trim(), max);
}

/** What a user typed, fit to be echoed back in a sentence: one line, at most 60 characters. */
export function echo(input: string): string {
  return shorten(input, 60);
}

/** “text” — Speaker, Role: how a quote reads everywhere. */
export function quoteLine(q: { text: string; speaker: string | null; role: string | null }): string {
  const who = q.speaker ? `${q.speaker}${q.role ? `, ${q.role}` : ''}` : 'unattributed';
  // A quote cut off by its attribution ("…consequences," Michal said) keeps its words, not the dangling comma.
  return `“${shorten(q.text, 400).replace(/[,;:]+$/, '')}” — ${who}`;
}
