import { foldDiacritics } from '../nlp/gazetteer.ts';
import { porterStem, STOPWORDS } from '../nlp/tokens.ts';

/** Splits text into search words: letters and digits, hyphens and apostrophes end a word. */
export function searchWords(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The form a word takes in the index and in queries: lower case, diacritics folded ("Suwałki" → "suwalki"), stemmed
 * ("troops" → "troop"); stopwords and single letters are dropped (null).
 */
export function searchTerm(word: string): string | null {
  const folded = foldDiacritics(word.toLowerCase());
  if (folded.length < 2 || STOPWORDS.has(folded)) return null;
  return /^\d+$/.test(folded) ? folded : porterStem(folded);
}
