/**
 * An article as every module sees it once it has been read: plain data, no behaviour.
 * `date` is an ISO 8601 instant in UTC ("2024-03-14T00:00:00.000Z"); a date without a time means midnight UTC.
 */
export interface Article {
  /** Stable id: derived from the canonical URL when there is one, else from the normalised body. */
  id: string;
  title: string;
  date: string;
  /** The outlet, e.g. "MENAFN". */
  source: string;
  url?: string;
  body: string;
  /** The body's paragraphs, trimmed, in order; `body` is them joined by blank lines. */
  paragraphs: string[];
}
