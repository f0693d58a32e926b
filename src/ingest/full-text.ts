import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { DEFAULT_FETCH_LIMITS, type FetchLimits, fetchWithLimits } from './fetch.ts';
import { htmlToParagraphs } from './html-text.ts';

/** Fewer characters than this is a teaser or a paywall stub, not the article: the feed's own text is kept. */
const MIN_TEXT_CHARS = 400;

/**
 * The main text of an article page as plain-text paragraphs: Mozilla Readability on a light DOM (linkedom). Returns
 * undefined when the page cannot be read or holds too little text, so the caller falls back to the feed's text.
 * @example const paragraphs = extractMainText(html, 'https://news.err.ee/1609…');
 */
export function extractMainText(html: string, url: string): string[] | undefined {
  try {
    const { document } = parseHTML(html);
    // Readability resolves relative links against the document URI; linkedom has no URL, so give it a <base>.
    if (document.head && !document.querySelector('base')) {
      const base = document.createElement('base');
      base.setAttribute('href', url);
      document.head.appendChild(base);
    }
    const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
      charThreshold: MIN_TEXT_CHARS,
    }).parse();
    if (!article?.content) return undefined;
    const paragraphs = htmlToParagraphs(article.content);
    const chars = paragraphs.reduce((n, p) => n + p.length, 0);
    return chars >= MIN_TEXT_CHARS ? paragraphs : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Fetches an article page within the same limits as feeds and extracts its main text; undefined on any failure.
 * @example const paragraphs = await fetchFullText('https://news.err.ee/1609…');
 */
export async function fetchFullText(
  url: string,
  limits: FetchLimits = DEFAULT_FETCH_LIMITS,
): Promise<string[] | undefined> {
  const page = await fetchWithLimits(url, {}, limits, 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5');
  if (!page.ok || !('body' in page)) return undefined;
  if (page.contentType && !/html|xml/i.test(page.contentType)) return undefined;
  const html = new TextDecoder('utf-8').decode(page.body);
  return extractMainText(html, page.url);
}
