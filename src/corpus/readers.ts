import { extname } from 'node:path';
import { splitSentences } from '../nlp/sentences.ts';
import type { Article } from './article.ts';
import { articleId } from './article-id.ts';
import { canonicalUrl } from './canonical-url.ts';
import { parseJsonArticles, parseJsonlArticles } from './read-json.ts';
import { parseMarkdownArticle } from './read-markdown.ts';
import { parseSeedArticle } from './read-seed.ts';
import { collapseWhitespace } from './whitespace.ts';

/** Article fields as a file states them, before validation. */
export interface RawArticle {
  title?: string | undefined;
  date?: string | undefined;
  source?: string | undefined;
  url?: string | undefined;
  body: string;
  /** Set by readers that split paragraphs themselves (Markdown, JSON arrays); else `body` is split on blank lines. */
  paragraphs?: string[] | undefined;
}

/** Where in a file an article came from: the 1-based line (JSONL) or the 0-based array index (JSON arrays). */
interface RawPlace {
  line?: number;
  item?: number;
}

/** What a format parser found for one article: its raw fields, or why there is none. */
export type RawOutcome = ({ ok: true; raw: RawArticle } | { ok: false; reason: string }) & RawPlace;

/** A file (or one line of it) that could not be read as an article. */
export interface ReadProblem {
  path: string;
  reason: string;
  /** 1-based line, for line-oriented formats (JSONL). */
  line?: number;
}

export interface ReadResult {
  articles: Article[];
  problems: ReadProblem[];
}

export type ArticleFormat = 'seed' | 'markdown' | 'json' | 'jsonl';

const FORMAT_BY_EXTENSION: Record<string, ArticleFormat> = {
  '.txt': 'seed',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

/** The article format a path's extension announces, or undefined when we do not read that kind of file. */
export function formatOf(path: string): ArticleFormat | undefined {
  return FORMAT_BY_EXTENSION[extname(path).toLowerCase()];
}

const MAX_TITLE = 120;

function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * An article date as an ISO instant in UTC. Accepts `YYYY-MM-DD` (midnight UTC), ISO 8601 date-times with `Z` or an
 * offset (a missing offset means UTC), and RFC 2822 dates as feeds write them. Impossible dates give undefined.
 * @example parseArticleDate('2024-03-14T10:30:00+02:00') // '2024-03-14T08:30:00.000Z'
 */
export function parseArticleDate(input: string): string | undefined {
  const s = input.trim();
  const iso =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i.exec(
      s,
    );
  if (iso) {
    const [y, mo, d, h = 0, mi = 0, sec = 0] = iso.slice(1, 7).map((v) => (v === undefined ? undefined : Number(v)));
    if (y === undefined || mo === undefined || d === undefined || !isCalendarDate(y, mo, d)) return undefined;
    if (h > 23 || mi > 59 || sec > 60) return undefined;
    const ms = Math.round(Number(`0.${iso[7] ?? '0'}`) * 1000);
    let offsetMin = 0;
    const zone = iso[8];
    if (zone && zone.toUpperCase() !== 'Z') {
      const digits = zone.slice(1).replace(':', '');
      const oh = Number(digits.slice(0, 2));
      const om = Number(digits.slice(2) || '0');
      if (oh > 18 || om > 59) return undefined;
      offsetMin = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
    }
    return new Date(Date.UTC(y, mo - 1, d, h, mi, Math.min(sec, 59), ms) - offsetMin * 60_000).toISOString();
  }
  // RFC 2822 ("Thu, 14 Mar 2024 10:30:00 +0200"): strict shape first, because Date.parse accepts almost anything.
  if (
    /^(?:[A-Za-z]{3},?\s+)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[A-Z]{1,4}|[+-]\d{4})$/.test(s)
  ) {
    const t = Date.parse(s);
    return Number.isNaN(t) ? undefined : new Date(t).toISOString();
  }
  return undefined;
}

/**
 * Paragraphs of a plain-text body: blank lines separate them and single newlines inside are wrapping. A body with
 * no blank line but several lines (common in scraped text) has one paragraph per line.
 */
export function splitParagraphs(body: string): string[] {
  const text = body.replace(/\r\n?/g, '\n');
  const blocks = /\n[ \t\u00a0]*\n/.test(text) ? text.split(/\n[ \t\u00a0]*(?:\n[ \t\u00a0]*)+/) : text.split('\n');
  return blocks.map((p) => collapseWhitespace(p).trim()).filter((p) => p.length > 0);
}

/** Cuts text to at most `max` characters at a word boundary, marking the cut with "…". */
export function shortenAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  const head = space > max / 2 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s,;:.–—-]+$/, '')}…`;
}

/**
 * A title for an article that has none: its first sentence without the final full stop, at most 120 characters.
 * @example deriveTitle(['Estonia raised its defence budget. More follows.']) // 'Estonia raised its defence budget'
 */
export function deriveTitle(paragraphs: readonly string[]): string {
  const first = paragraphs[0] ?? '';
  const sentence = splitSentences(first)[0]?.text ?? first;
  return shortenAtWord(sentence.replace(/(?<!\.)\.$/, '').trim(), MAX_TITLE);
}

/** The outlet when a file does not name one: the URL's host without "www.", else "unknown". */
function sourceFromUrl(url: string | undefined): string {
  if (!url) return 'unknown';
  return new URL(url).hostname.replace(/^www\./, '');
}

/**
 * Validates raw fields and builds the Article: a valid date and a non-empty body are required; the title is derived
 * when missing; an unusable URL is dropped (the article stays, its id then comes from the body).
 */
export function buildArticle(raw: RawArticle): { ok: true; article: Article } | { ok: false; reason: string } {
  if (raw.date === undefined || raw.date.trim() === '') return { ok: false, reason: 'missing date' };
  const date = parseArticleDate(raw.date);
  if (!date) return { ok: false, reason: `invalid date "${raw.date.slice(0, 40)}"` };
  const paragraphs = (raw.paragraphs ?? splitParagraphs(raw.body))
    .map((p) => collapseWhitespace(p).trim())
    .filter((p) => p.length > 0);
  if (paragraphs.length === 0) return { ok: false, reason: 'empty body' };
  const body = paragraphs.join('\n\n');
  const url = raw.url ? canonicalUrl(raw.url) : undefined;
  const title = (raw.title && collapseWhitespace(raw.title).trim()) || deriveTitle(paragraphs);
  const source = (raw.source && collapseWhitespace(raw.source).trim()) || sourceFromUrl(url);
  const article: Article = { id: articleId({ canonicalUrl: url, body }), title, date, source, body, paragraphs };
  if (url) article.url = url;
  return { ok: true, article };
}

/**
 * Bytes → text, refusing what is not UTF-8 text (binary junk, NUL bytes). Strips a BOM and normalises line ends.
 */
export function decodeText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; reason: string } {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  if (bytes.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'not UTF-8 text' };
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') return { ok: false, reason: 'empty file' };
  return { ok: true, text };
}

function parse(format: ArticleFormat, text: string): RawOutcome[] {
  switch (format) {
    case 'seed':
      return [parseSeedArticle(text)];
    case 'markdown':
      return [parseMarkdownArticle(text)];
    case 'json':
      return parseJsonArticles(text);
    case 'jsonl':
      return parseJsonlArticles(text);
  }
}

/**
 * Reads the articles in one file's text, in the format its extension names (or `format`). Never throws: each
 * unreadable article becomes a problem naming the path (and line for JSONL).
 */
export function readArticleText(path: string, text: string, format = formatOf(path)): ReadResult {
  if (!format) return { articles: [], problems: [{ path, reason: `unknown format "${extname(path) || path}"` }] };
  const result: ReadResult = { articles: [], problems: [] };
  for (const outcome of parse(format, text)) {
    const built = outcome.ok ? buildArticle(outcome.raw) : outcome;
    if (built.ok) {
      result.articles.push(built.article);
      continue;
    }
    const problem: ReadProblem = { path, reason: built.reason };
    if (outcome.item !== undefined) problem.reason = `item ${outcome.item}: ${built.reason}`;
    if (outcome.line !== undefined) {
      problem.line = outcome.line;
      problem.reason = `line ${outcome.line}: ${built.reason}`;
    }
    result.problems.push(problem);
  }
  return result;
}

/** Like `readArticleText`, from the file's bytes (refusing binary or non-UTF-8 content). */
export function readArticleBytes(path: string, bytes: Uint8Array, format = formatOf(path)): ReadResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { articles: [], problems: [{ path, reason: decoded.reason }] };
  return readArticleText(path, decoded.text, format);
}
