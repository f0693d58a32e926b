/** A direct quotation found in a text, with who said it. */
export interface Quote {
  /** The quoted words without the quote marks: `text === source.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  /** The fullest name the text gives for the speaker (a person or an organisation), or null when it never names one. */
  speaker: string | null;
  /** The role or title the text gives the speaker ("Estonian Prime Minister"), or null. */
  role: string | null;
  /** How the text refers to the speaker at the quote ("she", "Kallas", "a police spokesman"), or null. */
  speakerDesc: string | null;
  /** The reporting verb or phrase ("said", "according to"), or null. */
  cue: string | null;
}

/**
 * Finds direct quotes and attributes each to a speaker. PLACEHOLDER: replaced by the real extractor.
 */
export function extractQuotes(text: string): Quote[] {
  const out: Quote[] = [];
  for (const m of text.matchAll(/[“"]([^”"]{3,})[”"]/g)) {
    const start = (m.index ?? 0) + 1;
    const inner = m[1] ?? '';
    out.push({ text: inner, start, end: start + inner.length, speaker: null, role: null, speakerDesc: null, cue: null });
  }
  return out;
}
