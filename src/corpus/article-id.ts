import { createHash } from 'node:crypto';
import { collapseWhitespace } from './whitespace.ts';

/**
 * The body as compared for duplicates and hashed for ids: Unicode-compatibility normalised, lower-cased, every run
 * of whitespace one space. Two copies of a story that differ only in wrapping or capitalisation normalise equal.
 */
export function normaliseBody(body: string): string {
  return collapseWhitespace(body.normalize('NFKC').toLowerCase()).trim();
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/**
 * A stable article id: `u-` + 12 hex of sha256 of the canonical URL when there is one, else `a-` + 12 hex of sha256
 * of the normalised body. Re-reading the same article, from any file, gives the same id.
 * @example articleId({ canonicalUrl: 'https://news.err.ee/1', body: '…' }) // 'u-3f1c…'
 */
export function articleId(input: { canonicalUrl?: string | undefined; body: string }): string {
  return input.canonicalUrl ? `u-${shortHash(input.canonicalUrl)}` : `a-${shortHash(normaliseBody(input.body))}`;
}
