import { type Sentence, splitSentences } from './sentences.ts';
import { contentTerms, contentTermsOf, countContentTerms, tokenizeWords } from './tokens.ts';

/** One document offered to the multi-document summariser: its sentences in order, and a prior weight (recency). */
export interface SummaryDoc {
  id: string;
  sentences: string[];
  /** Multiplies the document's sentence scores; 1 when absent. */
  weight?: number;
}

/** A sentence picked for a summary, pointing back to its document. */
export interface SummaryPick {
  docId: string;
  /** Index into that document's `sentences`. */
  index: number;
  text: string;
  score: number;
}

export interface SummarizeManyOptions {
  /** How many sentences at most. */
  count: number;
  /** Words of the query: sentences about them rank higher (query-focused). */
  query?: string[];
}

/**
 * Knobs of the single-document scorer. The defaults were set coarsely on CNN/DailyMail dev stories (checked on both
 * halves); they encode news-writing priors rather than anything story-specific.
 */
export interface SummarizeOptions {
  /** Position prior: weight of sentence i is 1 / (1 + i / positionScale). Smaller = stronger lead bias. */
  positionScale: number;
  /** Weight of centrality (how much of the rest of the story a sentence's terms cover) against the position prior. */
  centralityWeight: number;
  /** Preferred length in words; sentences far shorter or longer lose score smoothly. */
  idealWords: number;
  /** Sentences with fewer words than this are never picked (datelines, fragments, "Scroll down for video"). */
  minWords: number;
  /** Score multiplier for sentences that open with a direct quote: summaries report, they rarely quote. */
  quotePenalty: number;
  /** Score multiplier for photo captions and other page furniture that slipped into the text. */
  captionPenalty: number;
  /** Two picks whose content-term cosine exceeds this say the same thing: the later candidate is skipped. */
  maxSimilarity: number;
}

/** Defaults for {@link summarizeText}. */
export const DEFAULT_SUMMARIZE_OPTIONS: Readonly<SummarizeOptions> = Object.freeze({
  positionScale: 1,
  centralityWeight: 0.5,
  idealWords: 18,
  minWords: 6,
  quotePenalty: 0.7,
  captionPenalty: 0.9,
  maxSimilarity: 0.4,
});

/** A sentence as the scorer sees it: its span (lead-ins trimmed), its place among candidates, its size and score. */
interface Candidate {
  sentence: Sentence;
  /** Index among the story's sentences (after boilerplate is dropped); also its index in `Story.candidates`. */
  position: number;
  /** Its distinct terms are entries `termsFrom` to `termsTo` (exclusive) of the story's term table. */
  termsFrom: number;
  termsTo: number;
  words: number;
  score: number;
}

/**
 * A story's candidates and their terms (as `countContentTerms` lays them out). Terms are numbered per story and every
 * candidate's distinct terms lie in one flat table, in the order they first occur in the sentence (the order a `Map`
 * of counts would iterate them): scoring is quadratic in the sentences, and plain number arrays avoid a string-keyed
 * map per sentence.
 */
interface Story {
  candidates: Candidate[];
  /** How many distinct terms the story has; term ids are 0 … vocabulary − 1. */
  vocabulary: number;
  termIds: number[];
  termCounts: number[];
}

/**
 * Extractive summary of one text: the `count` best sentences in text order. Sentences are scored by a lead prior
 * (news puts the gist first) blended with centrality (PacSum-style: a sentence that covers what the rest of the story
 * talks about is a good summary sentence), shaped by length and style cues, and picked greedily without repeats.
 * @example summarizeText(article.body, 3)
 */
export function summarizeText(text: string, count = 3, options: Partial<SummarizeOptions> = {}): Sentence[] {
  const opts = { ...DEFAULT_SUMMARIZE_OPTIONS, ...options };
  if (count <= 0) return [];
  const story = storyCandidates(text);
  if (story.candidates.length === 0) return [];
  scoreCandidates(story, opts);
  const picked = pickDiverse(story, count, opts);
  return picked.sort((a, b) => a.sentence.start - b.sentence.start).map((c) => c.sentence);
}

/** A dateline lead-in: "(CNN)", "LONDON, England (CNN) --". */
const DATELINE_RE =
  /^(?:[A-Z][A-Za-z.'\- ]{0,40},\s*)?(?:[A-Z][A-Za-z.'\- ]{0,40}\s*)?\((?:CNN|AP|Reuters|AFP|EW\.com|CNN Student News)\)\s*(?:--|—|-)?\s*/;

/**
 * Lead-ins that are not part of the first sentence's content: "(CNN)", "LONDON, England (CNN) --",
 * "By . Jane Doe . PUBLISHED: . 10:05 EST, 3 April 2015 . | . UPDATED: . …", "Scroll down for video".
 */
const LEAD_IN_RES: readonly RegExp[] = [
  DATELINE_RE,
  /^By\s*\.?\s*(?:[^.]{1,60}\.\s*){0,3}?(?:PUBLISHED:.*?\.\s*)?(?:\|\s*\.\s*)?(?:UPDATED:\s*\.?\s*\d{1,2}:\d{2}\s*\w*,\s*\d{1,2}\s+\w+\s+\d{4}\s*\.?\s*)/,
  /^(?:PUBLISHED|UPDATED|Last updated)(?:\s+at)?:?\s*\.?\s*\d{1,2}:\d{2}\s*\w*,\s*\d{1,2}\s+\w+\s+\d{4}\s*\.?\s*(?:\|\s*\.?\s*)?/i,
  /^(?:Scroll down for (?:the )?videos?|Scroll down to see more|Video:?)\s*\.?\s*/i,
  /^(?:CLICK HERE[^.!?]*?(?:[.!?]|$)\s*)/,
  // Caption labels: "Close ties: Soumbadze has …", "CLAIM: MP Jesse Norman is …".
  /^[A-Z][A-Za-z]+(?: [a-z]+)?:\s+(?=[A-Z])/,
];

/** Page furniture that is never a summary sentence. */
const FURNITURE_RE =
  /(?:^|\s)(?:CLICK HERE|Click here|READ MORE|Read more:|Follow (?:us|@)|Like us on Facebook|Sign up for|Share this article|Share or comment|Copyright \d{4}|All rights reserved|Do you have a story|E-mail to a friend|Watch the video)\b/;

/** Photo-caption cues that leak into scraped news text ("Smith (left) with …", "pictured", "Above:"). */
const CAPTION_RE =
  /\((?:left|right|centre|center|top|bottom|above|below|pictured|inset|file)\b[^)]*\)|\bpictured\b|^(?:Above|Below|Pictured|Photo|Picture|Image|Inset|Left|Right)\s*:|^[A-Z][\w'’ -]{0,25}:\s+[A-Z]/i;

/**
 * Whether a text has what every CAPTION_RE alternative needs: a "(", a ":" or "pictured" in any case (the regex has no
 * `u` flag, so only ASCII letters match its letters). Most sentences have none, and the test is far cheaper.
 */
function mayBeCaption(text: string): boolean {
  return text.includes('(') || text.includes(':') || PICTURED_RE.test(text);
}

const PICTURED_RE = /pictured/i;

/** Splits the text and turns each usable sentence into a scored-to-be candidate. */
function storyCandidates(text: string): Story {
  const sentences: Sentence[] = [];
  for (const raw of splitSentences(text)) {
    for (const part of splitRunOn(raw)) {
      const sentence = trimLeadIns(part);
      if (sentence && !FURNITURE_RE.test(sentence.text)) sentences.push(sentence);
    }
  }
  const { terms, from, ids, counts, words } = countContentTerms(sentences.map((s) => s.text));
  const candidates = sentences.map(
    (sentence, position): Candidate => ({
      sentence,
      position,
      termsFrom: from[position]!,
      termsTo: from[position + 1]!,
      // Numbers do not make a sentence: "12:04 EST, 3 April 2014 ." is a timestamp, not six words.
      words: words[position]!,
      score: 0,
    }),
  );
  return { candidates, vocabulary: terms.length, termIds: ids, termCounts: counts };
}

/** Words that a sentence can end on only in a fragment; a capital after them is a title or name, not a new sentence. */
const CONTINUATION_WORDS = new Set(
  'a an the of to in on at by for from with and or but as than that which who whose said says told like into over via'.split(
    ' ',
  ),
);

/** Capitalised words that, right after an unpunctuated word, almost always start a new sentence. */
const SENTENCE_OPENERS = new Set(
  'The A An He She They It His Her Their Its This These Those But And However In On At After Before When While Mr Mrs Ms Police Officials'.split(
    ' ',
  ),
);

/**
 * Scraped news pages glue photo captions to the next sentence with no full stop ("… on Friday ‘I’d be over the moon
 * …’", "… in the Tottenham team The form of …"). Splits a sentence where an unpunctuated word is followed by an opening
 * quote, a "Label:" or a typical sentence opener, so a caption and the sentence after it are judged separately.
 */
function splitRunOn(sentence: Sentence): Sentence[] {
  const { text } = sentence;
  // Almost no sentence has a place to split (a quote, "Label:" or opener right after a space): one cheap test
  // dismisses those before the word pairs are walked.
  if (!RUN_ON_HINT_RE.test(text)) return [{ text, start: sentence.start, end: sentence.end }];
  const out: Sentence[] = [];
  let from = 0;
  for (const m of text.matchAll(RUN_ON_RE)) {
    const prev = m[1]!;
    const next = m[2]!;
    const cut = m.index + prev.length + 1;
    // Every opener starts with a capital A–Z or an opening quote: most word pairs are dismissed on that alone.
    if (!OPENER_FIRST_RE.test(next)) continue;
    if (CONTINUATION_WORDS.has(prev.toLowerCase())) continue;
    const isOpener = /^['‘"“][A-Z]/.test(next) || /^[A-Z][a-z]+:$/.test(next) || SENTENCE_OPENERS.has(next);
    if (!isOpener) continue;
    const left = text.slice(from, cut).trim();
    const rest = text.slice(cut);
    if (left.split(/\s+/).length < 5 || rest.split(/\s+/).length < 5) continue;
    out.push({ text: left, start: sentence.start + from, end: sentence.start + from + left.length });
    from = cut;
  }
  const last = text.slice(from);
  out.push({ text: last, start: sentence.start + from, end: sentence.end });
  return out;
}

const RUN_ON_RE = /([A-Za-z0-9]+)\s+(['‘"“]?[A-Za-z]+:?)/g;
const OPENER_FIRST_RE = /^['‘"“A-Z]/;
/**
 * Where `splitRunOn` can split, a space is followed by what `isOpener` accepts as the next word: an opening quote and
 * a capital, a "Label:", or an opener with no more letters or a colon after it. A text without one has no word pair
 * that could pass, so this is an exact shortcut, not a heuristic.
 */
const RUN_ON_HINT_RE = new RegExp(
  `\\s(?:['‘"“][A-Z]|[A-Z][a-z]+:|(?:${[...SENTENCE_OPENERS].join('|')})(?![A-Za-z:]))`,
);

/** ' ‘ " “ : the quotes a direct quote opens with. */
function isOpeningQuote(c: number): boolean {
  return c === 39 || c === 0x2018 || c === 34 || c === 0x201c;
}

function trimLeadIns(sentence: Sentence): Sentence | undefined {
  let { text, start } = sentence;
  for (let changed = true; changed; ) {
    changed = false;
    for (const re of LEAD_IN_RES) {
      // The dateline pattern backtracks a lot on any capitalised sentence; it needs a "(" to match at all.
      if (re === DATELINE_RE && !text.includes('(')) continue;
      const m = re.exec(text);
      if (m && m[0].length > 0) {
        text = text.slice(m[0].length);
        start += m[0].length;
        changed = true;
      }
    }
  }
  const lead = text.length - text.trimStart().length;
  text = text.trim();
  if (!text) return undefined;
  return { text, start: start + lead, end: start + lead + text.length };
}

function termCounts(text: string): Map<string, number> {
  return countTerms(contentTerms(text));
}

function countTerms(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/** Cosine similarity of two term-count vectors, each term weighted by `weight` (e.g. idf). */
function cosine(a: Map<string, number>, b: Map<string, number>, weight: (t: string) => number = () => 1): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, x] of a) {
    const w = weight(t);
    na += (x * w) ** 2;
    const y = b.get(t);
    if (y !== undefined) dot += x * y * w * w;
  }
  for (const [t, y] of b) nb += (y * weight(t)) ** 2;
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

function scoreCandidates(story: Story, opts: SummarizeOptions): void {
  const { candidates, vocabulary, termIds, termCounts } = story;
  const n = candidates.length;
  // idf over the story's own sentences: terms in every sentence ("said", the protagonist's name) count less.
  const df = new Int32Array(vocabulary);
  for (const id of termIds) df[id]!++;
  const idf = new Float64Array(vocabulary);
  for (let id = 0; id < vocabulary; id++) idf[id] = Math.log(1 + n / df[id]!);
  // Each candidate's idf-weighted term vector, scaled to unit length (so a dot product is a cosine).
  const weights = new Float64Array(termIds.length);
  for (const c of candidates) {
    let norm = 0;
    for (let k = c.termsFrom; k < c.termsTo; k++) {
      const w = termCounts[k]! * idf[termIds[k]!]!;
      weights[k] = w;
      norm += w * w;
    }
    if (norm > 0) for (let k = c.termsFrom; k < c.termsTo; k++) weights[k] = weights[k]! / Math.sqrt(norm);
  }
  // Centrality: similarity to the sentences after this one (PacSum's forward edges: news elaborates on its lead).
  const centrality = forwardCentrality(story, weights);
  let maxCentrality = 1e-9;
  for (const x of centrality) if (x > maxCentrality) maxCentrality = x;
  for (const [i, c] of candidates.entries()) {
    const position = 1 / (1 + i / opts.positionScale);
    let score = position + opts.centralityWeight * (centrality[i]! / maxCentrality);
    score *= lengthFit(c.words, opts);
    if (c.words < opts.minWords) score = 0;
    if (isOpeningQuote(c.sentence.text.charCodeAt(0))) score *= opts.quotePenalty;
    if (mayBeCaption(c.sentence.text) && CAPTION_RE.test(c.sentence.text)) score *= opts.captionPenalty;
    if (c.sentence.text.endsWith('?')) score *= opts.quotePenalty;
    c.score = score;
  }
}

/** Sentences × vocabulary cells up to which `forwardCentrality` lays the vectors out densely. */
const DENSE_CELLS = 1 << 20;
/** A dense layout this small reuses one buffer (cleared after use) instead of allocating one per story. */
const denseScratch = new Float64Array(1 << 15);

/**
 * For each candidate, the sum of its vector's dot products with the vectors of the candidates after it. Each dot
 * product walks the smaller vector (the first on a tie) in its term order and looks its terms up in the other, and
 * the sums run in candidate order: the same additions in the same order as over maps, so the floating-point results
 * (and hence the rankings) do not depend on the layout. Quadratic in the sentences, so the looked-up vector is a row of
 * a dense sentences × vocabulary matrix; a huge story falls back to spreading one vector at a time into a row.
 */
function forwardCentrality(story: Story, weights: Float64Array): number[] {
  const { candidates, vocabulary: width, termIds } = story;
  const n = candidates.length;
  const cells = n * width;
  const dense = cells <= DENSE_CELLS ? (cells <= denseScratch.length ? denseScratch : new Float64Array(cells)) : null;
  const spread = (c: Candidate, into: Float64Array, offset: number, clear: boolean) => {
    for (let k = c.termsFrom; k < c.termsTo; k++) into[offset + termIds[k]!] = clear ? 0 : weights[k]!;
  };
  if (dense) for (const c of candidates) spread(c, dense, c.position * width, false);
  const row = dense ?? new Float64Array(width);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = candidates[i]!;
    let sum = 0;
    for (let j = i + 1; j < n; j++) {
      const b = candidates[j]!;
      const bSmaller = a.termsTo - a.termsFrom > b.termsTo - b.termsFrom;
      const small = bSmaller ? b : a;
      const large = bSmaller ? a : b;
      if (!dense) spread(large, row, 0, false);
      // An absent term looks up 0 and adds 0 (the weights are positive), as skipping it would.
      const offset = dense ? large.position * width : 0;
      let d = 0;
      for (let k = small.termsFrom; k < small.termsTo; k++) d += weights[k]! * row[offset + termIds[k]!]!;
      if (!dense) spread(large, row, 0, true);
      sum += d;
    }
    out.push(sum);
  }
  if (dense === denseScratch) for (const c of candidates) spread(c, dense, c.position * width, true);
  return out;
}

/** Term weights scaled to unit length, so a dot product is a cosine. */
function unitVector(terms: Map<string, number>, weight: (t: string) => number): Map<string, number> {
  const out = new Map<string, number>();
  let norm = 0;
  for (const [t, x] of terms) {
    const w = x * weight(t);
    out.set(t, w);
    norm += w * w;
  }
  if (norm > 0) for (const [t, w] of out) out.set(t, w / Math.sqrt(norm));
  return out;
}

function dot(a: Map<string, number>, b: Map<string, number>): number {
  if (a.size > b.size) [a, b] = [b, a];
  let sum = 0;
  for (const [t, x] of a) {
    const y = b.get(t);
    if (y !== undefined) sum += x * y;
  }
  return sum;
}

/** 1 at the ideal length, falling off smoothly (log-scale) for much shorter or longer sentences. */
function lengthFit(words: number, opts: SummarizeOptions): number {
  const ratio = Math.log(Math.max(words, 1) / opts.idealWords);
  return Math.exp(-0.5 * ratio * ratio);
}

/** Greedy picks by score, skipping a candidate that repeats one already picked. */
function pickDiverse(story: Story, count: number, opts: SummarizeOptions): Candidate[] {
  const ranked = story.candidates
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || a.position - b.position);
  const picked: Candidate[] = [];
  for (const c of ranked) {
    if (picked.length >= count) break;
    if (picked.some((p) => countCosine(story, p, c) > opts.maxSimilarity)) continue;
    picked.push(c);
  }
  return picked;
}

/**
 * Cosine similarity of two candidates' raw term counts. Counts are small integers, so every sum is exact and the
 * result equals `cosine` over count maps whatever order the terms are visited in.
 */
function countCosine(story: Story, a: Candidate, b: Candidate): number {
  const { termIds, termCounts } = story;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let k = a.termsFrom; k < a.termsTo; k++) {
    const x = termCounts[k]!;
    na += x * x;
    for (let m = b.termsFrom; m < b.termsTo; m++) if (termIds[m] === termIds[k]) dot += x * termCounts[m]!;
  }
  for (let m = b.termsFrom; m < b.termsTo; m++) nb += termCounts[m]! * termCounts[m]!;
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/** Cosine above which two sentences from different documents count as the same sentence (syndicated copies). */
const NEAR_DUPLICATE = 0.85;

/**
 * Extractive, query-focused summary over several documents, without two picks saying the same thing.
 * Each sentence gets the single-document score (lead prior, length, style cues) times its document's weight; with a
 * query, sentences mentioning more of its words rank higher and those mentioning none fall far behind. Near-identical
 * sentences across documents collapse into one candidate (the better-placed copy), and picks are chosen greedily
 * MMR-style: score minus similarity to what is already picked, never above `maxSimilarity`.
 * Picks come best first.
 * @example summarizeMany([{ id: 'a', sentences: ['Estonia expels a Russian diplomat.'] }], { count: 3, query: ['estonia'] })
 */
export function summarizeMany(docs: SummaryDoc[], options: SummarizeManyOptions): SummaryPick[] {
  const opts = DEFAULT_SUMMARIZE_OPTIONS;
  if (options.count <= 0) return [];
  const queryStems = (options.query ?? []).flatMap((word) => contentTerms(word));
  const queryWords = (options.query ?? []).map((w) => w.toLowerCase()).filter((w) => w.length >= 3);
  type Candidate = SummaryPick & { vector: Map<string, number> };
  const scored: Candidate[] = [];
  for (const doc of docs) {
    const weight = doc.weight ?? 1;
    let position = 0;
    for (const [index, raw] of doc.sentences.entries()) {
      // The lead prior makes late sentences lose unless they mention the query: skip tokenising the rest (speed).
      if (index >= LEAD_SENTENCES_CONSIDERED && !mentionsAny(raw, queryWords)) continue;
      const span = trimLeadIns({ text: raw, start: 0, end: raw.length });
      if (!span || FURNITURE_RE.test(span.text)) continue;
      const tokens = tokenizeWords(span.text);
      const words = tokens.length;
      const terms = countTerms(contentTermsOf(tokens));
      let score = (1 / (1 + position / (opts.positionScale * 3))) * lengthFit(words, opts) * weight;
      position++;
      if (words < opts.minWords || terms.size === 0) continue;
      if (/^["“‘']/.test(span.text)) score *= opts.quotePenalty;
      if (queryStems.length > 0) score *= queryFactor(terms, queryStems);
      scored.push({ docId: doc.id, index, text: raw, score, vector: unitVector(terms, () => 1) });
    }
  }
  // Best first, so that of two syndicated copies the better-scored one is met first and kept.
  scored.sort((a, b) => b.score - a.score);
  const pool: Candidate[] = [];
  for (const c of scored.slice(0, Math.max(POOL_SIZE, options.count * 8))) {
    if (pool.some((p) => p.docId !== c.docId && dot(p.vector, c.vector) >= NEAR_DUPLICATE)) continue;
    pool.push(c);
  }
  const picks: Candidate[] = [];
  const maxScore = Math.max(1e-9, ...pool.map((c) => c.score));
  while (picks.length < options.count) {
    let best: Candidate | undefined;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (const c of pool) {
      if (picks.includes(c)) continue;
      const overlap = Math.max(0, ...picks.map((p) => dot(p.vector, c.vector)));
      if (overlap > opts.maxSimilarity) continue;
      // MMR (Carbonell & Goldstein 1998): relevance traded against overlap with what is already picked.
      const value = 0.7 * (c.score / maxScore) - 0.3 * overlap;
      if (value > bestValue) {
        bestValue = value;
        best = c;
      }
    }
    if (!best) break;
    picks.push(best);
  }
  return picks.map(({ docId, index, text, score }) => ({ docId, index, text, score }));
}

/** Sentences per document always considered; later ones only when they mention the query. */
const LEAD_SENTENCES_CONSIDERED = 12;
/** Candidates kept for de-duplication and MMR: both are quadratic, so the pool is bounded. */
const POOL_SIZE = 40;

function mentionsAny(text: string, words: string[]): boolean {
  if (words.length === 0) return false;
  const lower = text.toLowerCase();
  return words.some((w) => lower.includes(w));
}

/** How much a sentence is about the query: 1 + 2 × the share of query stems it mentions; 0.1 when none. */
function queryFactor(terms: Map<string, number>, queryStems: string[]): number {
  let hit = 0;
  for (const q of queryStems) {
    // A prefix match lets "estonia" find "estonian" and "russia" find "russian".
    if (terms.has(q) || (q.length >= 4 && [...terms.keys()].some((t) => t.startsWith(q)))) hit++;
  }
  return hit === 0 ? 0.1 : 1 + (2 * hit) / queryStems.length;
}

/**
 * How much a set of texts repeats itself: the highest cosine similarity between any two of them, over stemmed content
 * words (0 = nothing shared, 1 = same words). Fewer than two texts → 0.
 * @example redundancy(['Estonia expels diplomat', 'Estonia expelled a diplomat']) // 1
 */
export function redundancy(texts: string[]): number {
  const bags = texts.map(termCounts);
  let max = 0;
  for (let i = 0; i < bags.length; i++) {
    for (let j = i + 1; j < bags.length; j++) max = Math.max(max, cosine(bags[i]!, bags[j]!));
  }
  return max;
}
