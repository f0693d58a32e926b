import { contentTerms } from './tokens.ts';

/** How many body terms an article keeps for the search index: enough for recall, far smaller than the body. */
export const KEYWORDS_PER_ARTICLE = 40;

/**
 * The `count` most frequent content terms of a text, stemmed the way `contentTerms` stems a query: what an article is
 * about, small enough to index instead of the whole body. Ties go to the alphabetically first term (stable output).
 * @example topContentTerms('Troops. More troops arrive in Narva.', 2) // ['troop', 'arriv']
 */
export function topContentTerms(text: string, count: number): string[] {
  const freq = new Map<string, number>();
  for (const t of contentTerms(text)) freq.set(t, (freq.get(t) ?? 0) + 1);
  return [...freq.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, count)
    .map(([t]) => t);
}
