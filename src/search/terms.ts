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

/** "Šimonytė" → "simonyte", "Suwałki" → "suwalki": users type without diacritics. */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ø/g, 'o')
    .replace(/ß/g, 'ss');
}
