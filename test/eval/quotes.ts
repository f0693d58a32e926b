import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Quote } from '../../src/nlp/quotes.ts';
import { extractQuotes } from '../../src/nlp/quotes.ts';
import type { EvalTable } from './table.ts';

/** One hand-annotated quote of a `quotes/*.jsonl` article. */
export interface GoldQuote {
  text: string;
  speaker: string | null;
  speaker_desc: string | null;
  cue: string | null;
  start: number;
  end: number;
}

/** One article of a `quotes/*.jsonl` file. */
export interface GoldArticle {
  id: string;
  article: string;
  quotes: GoldQuote[];
}

/** A gold quote matched to a prediction (or not). */
export interface QuoteMatch {
  gold: GoldQuote;
  predicted: Quote | null;
  speakerCorrect: boolean;
}

/** The score of one article: matches, and the predictions that matched nothing. */
export interface ArticleScore {
  id: string;
  matches: QuoteMatch[];
  spurious: Quote[];
}

/** Minimum token overlap (share of the longer span) for a predicted quote to match a gold one. */
const MIN_OVERLAP = 0.8;

function tokenIndexer(text: string): (start: number, end: number) => [number, number] {
  const starts: number[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) starts.push(m.index ?? 0);
  const lowerBound = (x: number) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // Tokens whose first character lies in [start, end): a half-open range of token indices.
  return (start, end) => [lowerBound(start), lowerBound(end)];
}

function overlap(a: [number, number], b: [number, number]): number {
  const inter = Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
  const longer = Math.max(a[1] - a[0], b[1] - b[0]);
  return longer === 0 ? 0 : inter / longer;
}

/** Folds case and accents and drops honorifics, so "Mr Cameron" and "cameron" compare equal. */
function fold(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\b(?:mr|mrs|ms|dr|sir)\.?\s+/gu, '')
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * Whether a predicted speaker is the gold one: equal after folding, or a surname alone that is the last word of
 * the gold name (or the other way round) — the article names only one person by it.
 */
export function sameSpeaker(predicted: string | null, gold: string | null): boolean {
  if (gold === null) return predicted === null;
  if (predicted === null) return false;
  const p = fold(predicted);
  const g = fold(gold);
  if (p === g) return true;
  const pw = p.split(' ');
  const gw = g.split(' ');
  if (pw.length === 1 && gw[gw.length - 1] === p) return true;
  if (gw.length === 1 && pw[pw.length - 1] === g) return true;
  return false;
}

/** Matches predictions to gold quotes one-to-one, best overlap first. */
export function scoreArticle(article: GoldArticle, predicted: Quote[]): ArticleScore {
  const span = tokenIndexer(article.article);
  const pairs: { g: number; p: number; o: number }[] = [];
  const goldSpans = article.quotes.map((q) => span(q.start, q.end));
  const predSpans = predicted.map((q) => span(q.start, q.end));
  goldSpans.forEach((gs, g) => {
    predSpans.forEach((ps, p) => {
      const o = overlap(gs, ps);
      if (o >= MIN_OVERLAP) pairs.push({ g, p, o });
    });
  });
  pairs.sort((a, b) => b.o - a.o);
  const goldTaken = new Map<number, number>();
  const predTaken = new Set<number>();
  for (const { g, p } of pairs) {
    if (goldTaken.has(g) || predTaken.has(p)) continue;
    goldTaken.set(g, p);
    predTaken.add(p);
  }
  const matches = article.quotes.map((gold, g) => {
    const p = goldTaken.get(g);
    const pred = p === undefined ? null : (predicted[p] ?? null);
    return { gold, predicted: pred, speakerCorrect: pred !== null && sameSpeaker(pred.speaker, gold.speaker) };
  });
  return { id: article.id, matches, spurious: predicted.filter((_, i) => !predTaken.has(i)) };
}

/** Reads a `quotes/*.jsonl` file. */
export function readGoldArticles(file: string): GoldArticle[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldArticle);
}

interface TextacyCase {
  text: string;
  expected?: { speaker: string[]; cue: string[]; content: string }[];
  expected_speaker_tokens?: string[];
}

function descTokens(q: Quote): string[] {
  return (q.speakerDesc ?? '').split(/\s+/u).filter((w) => w && w !== 'and');
}

/**
 * Whether our output agrees with a textacy case: full cases need the same quotes (content without its marks),
 * speaker mention and cue; speaker-only cases need the speaker mentions, quote by quote.
 */
export function passesTextacyCase(c: TextacyCase, got: Quote[]): boolean {
  if (c.expected) {
    if (got.length !== c.expected.length) return false;
    return c.expected.every((e, i) => {
      const q = got[i];
      if (!q) return false;
      const content = e.content.replace(/^["'“‘]|["'”’]$/gu, '');
      const norm = (s: string) => s.replace(/[,.!?\s]+$/u, '');
      return (
        norm(q.text) === norm(content) &&
        descTokens(q).join(' ') === e.speaker.join(' ') &&
        (q.cue ?? '') === e.cue.join(' ')
      );
    });
  }
  const tokens = got.flatMap(descTokens);
  return tokens.join(' ') === (c.expected_speaker_tokens ?? []).join(' ');
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

/** Scores the quote extractor on every `quotes/*.jsonl` and `quotes/*.json` file of an eval folder. */
export function evalQuotes(evalDir: string): EvalTable[] {
  const dir = join(evalDir, 'quotes');
  if (!existsSync(dir)) return [];
  const tables: EvalTable[] = [];
  const files = readdirSync(dir).sort();
  const rows: (string | number)[][] = [];
  for (const file of files.filter((f) => f.endsWith('.jsonl'))) {
    const articles = readGoldArticles(join(dir, file));
    let tp = 0;
    let gold = 0;
    let pred = 0;
    let speakerOk = 0;
    for (const a of articles) {
      const got = extractQuotes(a.article);
      const s = scoreArticle(a, got);
      gold += a.quotes.length;
      pred += got.length;
      for (const m of s.matches) {
        if (m.predicted) tp++;
        if (m.speakerCorrect) speakerOk++;
      }
    }
    const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a.article, 'utf8'), 0);
    let rounds = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < 1000 || rounds < 3) {
      for (const a of articles) extractQuotes(a.article);
      rounds++;
    }
    const seconds = (performance.now() - t0) / 1000;
    const p = pred ? tp / pred : 0;
    const r = gold ? tp / gold : 0;
    const f1 = p + r ? (2 * p * r) / (p + r) : 0;
    rows.push([
      file,
      articles.length,
      gold,
      pred,
      tp,
      pct(p),
      pct(r),
      pct(f1),
      pct(tp ? speakerOk / tp : 0),
      ((bytes * rounds) / seconds / 1e6).toFixed(2),
    ]);
  }
  tables.push({
    title: 'Direct quotes and speakers',
    header: ['file', 'articles', 'gold', 'predicted', 'matched', 'P', 'R', 'F1', 'attribution acc.', 'MB/s'],
    rows,
    notes: [
      'A prediction matches a gold quote when their token overlap is ≥ 0.8 of the longer span (one-to-one). Attribution accuracy is over matched quotes: the speaker equals the gold one case- and accent-insensitively, or is its surname; a null gold speaker expects null.',
    ],
  });
  for (const file of files.filter((f) => f.endsWith('.json'))) {
    const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
      full_cases?: TextacyCase[];
      speaker_only_cases?: TextacyCase[];
    };
    const cases = [...(data.full_cases ?? []), ...(data.speaker_only_cases ?? [])];
    const passed = cases.filter((c) => passesTextacyCase(c, extractQuotes(c.text))).length;
    tables.push({
      title: `Quote unit cases (${file})`,
      header: ['file', 'passed', 'total'],
      rows: [[file, passed, cases.length]],
      notes: [
        'Full cases: same quotes, speaker mention (unresolved, as textacy gives it) and cue; speaker-only cases: the speaker mentions in order.',
      ],
    });
  }
  return tables;
}
