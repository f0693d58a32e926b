import type { RawArticle, RawOutcome } from './readers.ts';

/** Field spellings accepted for each Article field, first found wins (common in scraper and feed dumps). */
const FIELDS = {
  title: ['title', 'headline'],
  date: ['date', 'published', 'publishedAt', 'published_at', 'pubDate', 'datePublished', 'date_published'],
  source: ['source', 'outlet', 'publisher', 'site'],
  url: ['url', 'link', 'canonical_url', 'canonicalUrl'],
  body: ['body', 'text', 'content'],
} as const;

function pick(obj: Record<string, unknown>, names: readonly string[]): unknown {
  for (const name of names) if (obj[name] !== undefined && obj[name] !== null) return obj[name];
  return undefined;
}

/** A string field, or the `name` of an object (`"source": { "name": "ERR" }`, as some feed APIs nest it). */
function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string') {
    return (value as { name: string }).name;
  }
  return undefined;
}

/** One JSON value → raw article fields, or why it is not an article. */
function fromObject(value: unknown): RawOutcome {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: 'not a JSON object' };
  const obj = value as Record<string, unknown>;
  const body = pick(obj, FIELDS.body);
  let raw: RawArticle;
  if (Array.isArray(body) && body.every((p) => typeof p === 'string')) {
    raw = { body: body.join('\n\n'), paragraphs: body.map((p) => p.trim()).filter((p) => p.length > 0) };
  } else if (typeof body === 'string') {
    raw = { body };
  } else {
    return { ok: false, reason: 'no body (expected a "body", "text" or "content" string)' };
  }
  const title = asText(pick(obj, FIELDS.title));
  const date = asText(pick(obj, FIELDS.date));
  const source = asText(pick(obj, FIELDS.source));
  const url = asText(pick(obj, FIELDS.url));
  if (title !== undefined) raw.title = title;
  if (date !== undefined) raw.date = date;
  if (source !== undefined) raw.source = source;
  if (url !== undefined) raw.url = url;
  return { ok: true, raw };
}

/**
 * Reads a `.json` file: one article object, an array of them, or `{ "articles": [...] }`. A bad item is reported
 * with its index and does not spoil the others.
 */
export function parseJsonArticles(text: string): RawOutcome[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return [{ ok: false, reason: `invalid JSON: ${(err as Error).message}` }];
  }
  if (
    data &&
    typeof data === 'object' &&
    !Array.isArray(data) &&
    Array.isArray((data as { articles?: unknown }).articles)
  ) {
    data = (data as { articles: unknown[] }).articles;
  }
  if (!Array.isArray(data)) return [fromObject(data)];
  if (data.length === 0) return [{ ok: false, reason: 'empty array: no articles' }];
  return data.map((item, index) => ({ ...fromObject(item), item: index }));
}

/** Reads a `.jsonl` file: one article object per non-blank line; a bad line is reported with its 1-based number. */
export function parseJsonlArticles(text: string): RawOutcome[] {
  const out: RawOutcome[] = [];
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      out.push({ ok: false, reason: `invalid JSON: ${(err as Error).message}`, line: i + 1 });
      continue;
    }
    out.push({ ...fromObject(value), line: i + 1 });
  }
  if (out.length === 0) out.push({ ok: false, reason: 'no lines: no articles' });
  return out;
}
