import type { RawArticle, RawOutcome } from './readers.ts';
import { collapseWhitespace } from './whitespace.ts';

/** Front-matter keys we read, with the spellings feeds and static-site generators commonly use. */
const KEY_ALIASES: Record<string, keyof Omit<RawArticle, 'body' | 'paragraphs'>> = {
  title: 'title',
  headline: 'title',
  date: 'date',
  published: 'date',
  publishdate: 'date',
  pubdate: 'date',
  source: 'source',
  outlet: 'source',
  publisher: 'source',
  url: 'url',
  link: 'url',
  canonical: 'url',
};

/**
 * Parses the small front-matter subset articles use: one `key: value` per line, values optionally quoted.
 * Lists, nesting and multi-line values are ignored rather than rejected: they carry nothing an Article needs.
 */
function parseFrontMatter(lines: string[]): Partial<RawArticle> {
  const out: Partial<RawArticle> = {};
  for (const line of lines) {
    const m = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const field = KEY_ALIASES[(m[1] ?? '').toLowerCase().replace(/[-_]/g, '')];
    if (!field) continue;
    const value = unquote(stripComment((m[2] ?? '').trim()));
    if (value) out[field] = value;
  }
  return out;
}

function stripComment(value: string): string {
  if (value.startsWith('"') || value.startsWith("'")) return value;
  // YAML comments need a space before "#"; URLs with fragments ("…/a#b") keep theirs.
  return value.replace(/\s+#.*$/, '');
}

function unquote(value: string): string {
  const first = value[0];
  if ((first === '"' || first === "'") && value.length >= 2 && value.endsWith(first)) {
    const inner = value.slice(1, -1);
    return first === '"' ? inner.replace(/\\"/g, '"').replace(/\\\\/g, '\\') : inner.replace(/''/g, "'");
  }
  return value;
}

/** Inline markdown → plain text: images and links keep their text, emphasis and code lose their markers. */
export function stripInlineMarkdown(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?![\w*])/g, '$1$2')
    .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1$2');
}

/** Block markers at the start of a line: headings, quotes, list bullets and numbers. */
function stripBlockMarkers(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/\s+#+\s*$/, '')
    .replace(/^\s*(?:>\s?)+/, '')
    .replace(/^\s*(?:[-*+]|\d{1,3}[.)])\s+/, '');
}

/** A block that carries no text: a rule, a reference-link definition, a fence line. */
function isNoise(line: string): boolean {
  return /^\s*(?:[-*_]\s*){3,}$/.test(line) || /^\s*\[[^\]]+\]:\s*\S+/.test(line) || /^\s*(?:```|~~~)/.test(line);
}

/**
 * Reads a Markdown article: `---` front matter (title, date, source, url), then blank-line paragraphs with simple
 * markdown stripped. Without a title in the front matter, a leading `# Heading` becomes the title.
 */
export function parseMarkdownArticle(text: string): RawOutcome {
  const lines = text.split('\n');
  let fields: Partial<RawArticle> = {};
  let bodyStart = 0;
  if (lines[0]?.trim() === '---') {
    const close = lines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
    if (close < 0) return { ok: false, reason: 'front matter is not closed by a "---" line' };
    fields = parseFrontMatter(lines.slice(1, close));
    bodyStart = close + 1;
  }
  const blocks: string[][] = [[]];
  for (const line of lines.slice(bodyStart)) {
    if (line.trim() === '') {
      if (blocks.at(-1)?.length) blocks.push([]);
      continue;
    }
    if (isNoise(line)) continue;
    // A heading is a block of its own even without blank lines around it.
    if (/^\s{0,3}#{1,6}\s/.test(line)) {
      if (blocks.at(-1)?.length) blocks.push([]);
      blocks.at(-1)?.push(line);
      blocks.push([]);
      continue;
    }
    blocks.at(-1)?.push(line);
  }
  const nonEmpty = blocks.filter((b) => b.length > 0);
  const first = nonEmpty[0];
  if (first?.length === 1 && /^\s{0,3}#\s/.test(first[0] ?? '')) {
    const heading = stripInlineMarkdown(stripBlockMarkers(first[0] ?? '')).trim();
    // The leading heading is the title: taken when the front matter has none, dropped when it repeats it.
    if (!fields.title) fields.title = heading;
    if (fields.title.toLowerCase() === heading.toLowerCase()) nonEmpty.shift();
  }
  const paragraphs = nonEmpty
    .map((block) => stripInlineMarkdown(block.map(stripBlockMarkers).join(' ')))
    .map((p) => collapseWhitespace(p).trim())
    .filter((p) => p.length > 0);
  return { ok: true, raw: { ...fields, body: paragraphs.join('\n\n'), paragraphs } };
}
