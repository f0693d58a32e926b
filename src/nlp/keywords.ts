import { countContentTerms } from './tokens.ts';

/** How many body terms an article keeps for the search index: enough for recall, far smaller than the body. */
export const KEYWORDS_PER_ARTICLE = 40;

/**
 * The `count` most frequent content terms of a text, stemmed the way `contentTerms` stems a query: what an article is
 * about, small enough to index instead of the whole body. Ties go to the alphabetically first term (stable output).
 * @example topContentTerms('Troops. More troops arrive in Narva.', 2) // ['troop', 'arriv']
 */
export function topContentTerms(text: string, count: number): string[] {
  // One text: its distinct terms are numbered in order, so `counts[id]` is how often term `id` occurs.
  const { terms, counts } = countContentTerms([text]);
  let maxFreq = 0;
  for (const f of counts) if (f > maxFreq) maxFreq = f;
  // Ranking is by frequency, then alphabetically: a total order, so instead of sorting every term (most occur once)
  // the terms are bucketed by frequency and only the buckets that reach the output are sorted.
  const byFreq: (string[] | undefined)[] = new Array(maxFreq + 1);
  for (let id = 0; id < terms.length; id++) {
    const f = counts[id]!;
    const bucket = byFreq[f] ?? [];
    bucket.push(terms[id]!);
    byFreq[f] = bucket;
  }
  const keep = keptLength(count, terms.length);
  const out: string[] = [];
  for (let f = maxFreq; f > 0 && out.length < keep; f--) {
    const bucket = byFreq[f];
    if (bucket === undefined) continue;
    // The default sort compares UTF-16 code units, as `<` on strings does.
    bucket.sort();
    for (let i = 0; i < bucket.length && out.length < keep; i++) out.push(bucket[i]!);
  }
  return out;
}

/** How many of `size` ranked items `slice(0, count)` keeps (a negative count drops from the end, as before). */
function keptLength(count: number, size: number): number {
  const n = Math.trunc(count) || 0;
  return n < 0 ? Math.max(size + n, 0) : Math.min(n, size);
}
