import { createHash } from 'node:crypto';
import { parseFeed as parseAnyFeed } from 'feedsmith';
import { parseArticleDate } from '../corpus/readers.ts';
import { htmlToLine, htmlToParagraphs } from './html-text.ts';

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

/** One feed entry, normalised across formats: plain text, an absolute link when there is one, an ISO date. */
export interface FeedItem {
  /** The feed's own id for the item (guid, Atom id, JSON id), else its link, else a hash of its content. */
  guid: string;
  title: string;
  link?: string;
  /** ISO instant; absent when the item has none (the caller decides what date to give it). */
  date?: string;
  /** The feed's text for the item, as plain-text paragraphs (full content when the feed has it, else the summary). */
  paragraphs: string[];
}

export interface ParsedFeed {
  format: FeedFormat;
  title: string;
  items: FeedItem[];
  /** Things wrong with the feed that did not stop it being read, e.g. invalid UTF-8 bytes replaced. */
  warnings: string[];
}

export type ParseResult = { ok: true; feed: ParsedFeed } | { ok: false; error: string };

/** Items read from one feed at most: a runaway feed must not flood the store. */
const MAX_ITEMS = 500;

/**
 * Reads an RSS 2.0, RSS 1.0 (RDF), Atom or JSON Feed document (through feedsmith, which never expands XML
 * entities). A document declaring its own entities is refused outright: that is how entity-expansion bombs are built
 * and no real feed needs it. Bytes that are not valid in the declared charset are replaced and reported as a warning.
 * @example const r = parseFeedBytes(bytes, 'https://news.err.ee/rss', 'application/rss+xml; charset=utf-8');
 */
export function parseFeedBytes(bytes: Uint8Array, baseUrl: string, contentType = ''): ParseResult {
  const warnings: string[] = [];
  const text = decode(bytes, contentType, warnings).replace(/^\uFEFF/, '');
  if (text.trim() === '') return { ok: false, error: 'empty document' };
  let input: unknown = text;
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    try {
      input = JSON.parse(trimmed);
    } catch {
      return { ok: false, error: 'malformed JSON feed' };
    }
  } else {
    // An internal DTD subset with <!ENTITY …> is the only way to define entities (and so to build a bomb).
    if (/<!DOCTYPE[^>]*\[[\s\S]*?<!ENTITY/i.test(text)) {
      return { ok: false, error: 'feed declares XML entities (refused: entity expansion)' };
    }
    input = text.replace(/<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/i, '');
  }
  let parsed: { format: FeedFormat; feed: unknown };
  try {
    parsed = parseAnyFeed(input) as { format: FeedFormat; feed: unknown };
  } catch (error) {
    return { ok: false, error: `not a feed: ${(error as Error).message}` };
  }
  const items = itemsOf(parsed.format, parsed.feed)
    .slice(0, MAX_ITEMS)
    .map((raw) => normaliseItem(raw, baseUrl));
  return {
    ok: true,
    feed: { format: parsed.format, title: feedTitle(parsed.feed), items, warnings },
  };
}

interface RawItem {
  guid?: string;
  title?: string;
  link?: string;
  date?: string;
  html?: string;
  summaryHtml?: string;
}

type Loose = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const textOf = (v: unknown): string | undefined => str(v) ?? str((v as Loose | undefined)?.value);

function feedTitle(feed: unknown): string {
  return htmlToLine(textOf((feed as Loose).title) ?? '');
}

function itemsOf(format: FeedFormat, feed: unknown): RawItem[] {
  const f = feed as Loose;
  switch (format) {
    case 'rss':
    case 'rdf':
      return ((f.items as Loose[] | undefined) ?? []).map((i) => ({
        guid: textOf(i.guid) ?? str((i.rdf as Loose | undefined)?.about),
        title: str(i.title),
        link: str(i.link),
        date:
          str(i.pubDate) ?? firstString((i.dc as Loose | undefined)?.dates) ?? str((i.dc as Loose | undefined)?.date),
        html: str((i.content as Loose | undefined)?.encoded),
        summaryHtml: str(i.description),
      }));
    case 'atom':
      return ((f.entries as Loose[] | undefined) ?? []).map((e) => {
        const links = (e.links as Loose[] | undefined) ?? [];
        const alternate = links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0];
        return {
          guid: str(e.id),
          title: textOf(e.title),
          link: str(alternate?.href),
          date: str(e.published) ?? str(e.updated),
          html: textOf(e.content),
          summaryHtml: textOf(e.summary),
        };
      });
    case 'json':
      return ((f.items as Loose[] | undefined) ?? []).map((i) => ({
        guid: str(i.id),
        title: str(i.title),
        link: str(i.url) ?? str(i.external_url),
        date: str(i.date_published) ?? str(i.date_modified),
        html: str(i.content_html) ?? escapeText(str(i.content_text)),
        summaryHtml: str(i.summary),
      }));
  }
}

function firstString(v: unknown): string | undefined {
  return Array.isArray(v) ? str(v[0]) : undefined;
}

function escapeText(text: string | undefined): string | undefined {
  return text?.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

function normaliseItem(raw: RawItem, baseUrl: string): FeedItem {
  const paragraphs = htmlToParagraphs(raw.html ?? raw.summaryHtml ?? '');
  const link = absoluteHttpUrl(raw.link, baseUrl);
  const date = raw.date ? parseFeedDate(raw.date) : undefined;
  const title = htmlToLine(raw.title ?? '');
  const guid =
    raw.guid?.trim() ??
    link ??
    `h-${createHash('sha256')
      .update(`${title}\u0000${raw.date ?? ''}\u0000${paragraphs.join('\n')}`)
      .digest('hex')
      .slice(0, 24)}`;
  return { guid, title, ...(link ? { link } : {}), ...(date ? { date } : {}), paragraphs };
}

function absoluteHttpUrl(link: string | undefined, base: string): string | undefined {
  if (!link) return undefined;
  try {
    const url = new URL(link.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** Feed dates: ISO 8601 and RFC 822/2822 strictly, then whatever `Date.parse` makes of it within sane years. */
export function parseFeedDate(input: string): string | undefined {
  const strict = parseArticleDate(input);
  if (strict) return strict;
  const t = Date.parse(input.trim());
  if (Number.isNaN(t)) return undefined;
  const year = new Date(t).getUTCFullYear();
  return year >= 1990 && year <= 2100 ? new Date(t).toISOString() : undefined;
}

/** Text in the charset the document or server declares (UTF-8 by default); invalid bytes replaced and reported. */
function decode(bytes: Uint8Array, contentType: string, warnings: string[]): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared =
    /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ?? /<\?xml[^>]*encoding=["']([\w-]+)["']/i.exec(head)?.[1];
  let label = (declared ?? 'utf-8').toLowerCase();
  try {
    new TextDecoder(label);
  } catch {
    warnings.push(`unknown charset "${label}", read as UTF-8`);
    label = 'utf-8';
  }
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    warnings.push(`invalid ${label} bytes replaced`);
    return new TextDecoder(label).decode(bytes);
  }
}
