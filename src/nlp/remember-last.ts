/**
 * Remembers a text analysis's result for the last input it saw. Enrichment runs several analyses over one article
 * body (quotes, reported speech, the summary), and each splits it into sentences, finds its quote marks and its names;
 * this keeps the second and third from redoing that work. Results are arrays of flat objects and every caller gets
 * fresh copies, so what one caller changes never reaches another.
 *
 * `copy` makes one such copy. Give each analysis its own (`(m) => ({ ...m })` written at the call site): the engine
 * then copies one kind of object at that site, which is several times faster than one shared copier that sees the
 * objects of every analysis.
 * @example export const splitSentences = rememberLast(splitSentencesUncached);
 */
export function rememberLast<T extends object, R extends unknown[]>(
  analyse: (text: string, ...rest: R) => T[],
  sameRest: (a: R, b: R) => boolean = () => true,
  copy: (item: T) => T = (item) => ({ ...item }),
): (text: string, ...rest: R) => T[] {
  let last: { text: string; rest: R; result: T[] } | undefined;
  return (text, ...rest) => {
    if (!last || last.text !== text || !sameRest(last.rest, rest)) {
      last = { text, rest, result: analyse(text, ...rest) };
    }
    return last.result.map(copy);
  };
}
