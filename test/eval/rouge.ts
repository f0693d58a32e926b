/**
 * ROUGE as Google's `rouge_score` package computes it (the scorer behind most published CNN/DailyMail numbers):
 * lower-case, every run of characters other than a–z/0–9 becomes a space, tokens longer than 3 characters are
 * Porter-stemmed (nltk's default variant), then ROUGE-N, ROUGE-L and summary-level ROUGE-Lsum precision/recall/F1.
 */
import { type PorterMode, porterStem } from '../../src/nlp/tokens.ts';

export interface RougeScore {
  precision: number;
  recall: number;
  f1: number;
}

export type RougeType = 'rouge1' | 'rouge2' | 'rougeL' | 'rougeLsum';

export interface RougeOptions {
  /** Porter-stem tokens longer than 3 characters; true in every CNN/DM number we compare with. */
  stem?: boolean;
  /**
   * Porter variant. rouge_score calls nltk's `PorterStemmer()` with no mode, i.e. `'nltk'` (the default here);
   * `'original'` (the published 1980 algorithm, which Martin Porter's own code agrees with on news text) is what the
   * shared eval README's anchor numbers were computed with: LEAD-3 differs by ~0.05 ROUGE between the two.
   */
  porterMode?: PorterMode;
}

const NON_ALNUM_RE = /[^a-z0-9]+/g;

/** The scorer's tokens: lower-case a–z0–9 runs, stemmed when asked. */
export function rougeTokens(text: string, stem = true, porterMode: PorterMode = 'nltk'): string[] {
  const tokens: string[] = [];
  for (const raw of text.toLowerCase().replace(NON_ALNUM_RE, ' ').split(/\s+/)) {
    if (!raw) continue;
    tokens.push(stem && raw.length > 3 ? porterStem(raw, porterMode) : raw);
  }
  return tokens;
}

function fmeasure(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

function ngramCounts(tokens: string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** ROUGE-N: clipped n-gram overlap. */
export function rougeN(target: string[], prediction: string[], n: number): RougeScore {
  const t = ngramCounts(target, n);
  const p = ngramCounts(prediction, n);
  let overlap = 0;
  for (const [gram, count] of t) overlap += Math.min(count, p.get(gram) ?? 0);
  let tTotal = 0;
  for (const c of t.values()) tTotal += c;
  let pTotal = 0;
  for (const c of p.values()) pTotal += c;
  const precision = overlap / Math.max(pTotal, 1);
  const recall = overlap / Math.max(tTotal, 1);
  return { precision, recall, f1: fmeasure(precision, recall) };
}

/** The DP table of longest-common-subsequence lengths, (|ref|+1) × (|can|+1), row-major. */
function lcsTable(ref: string[], can: string[]): Int32Array {
  const cols = can.length + 1;
  const table = new Int32Array((ref.length + 1) * cols);
  for (let i = 1; i <= ref.length; i++) {
    for (let j = 1; j <= can.length; j++) {
      table[i * cols + j] =
        ref[i - 1] === can[j - 1]
          ? table[(i - 1) * cols + j - 1]! + 1
          : Math.max(table[(i - 1) * cols + j]!, table[i * cols + j - 1]!);
    }
  }
  return table;
}

/** ROUGE-L: LCS over the whole token sequences. */
export function rougeL(target: string[], prediction: string[]): RougeScore {
  if (target.length === 0 || prediction.length === 0) return { precision: 0, recall: 0, f1: 0 };
  const lcs = lcsTable(target, prediction)[target.length * (prediction.length + 1) + prediction.length]!;
  const precision = lcs / prediction.length;
  const recall = lcs / target.length;
  return { precision, recall, f1: fmeasure(precision, recall) };
}

/**
 * Indices into `ref` of one LCS with `can`. The walk back prefers moving up (dropping a ref token) on ties, as
 * rouge_score does: the union in Lsum depends on which of several equally long LCSs is taken.
 */
function lcsIndices(ref: string[], can: string[]): number[] {
  const table = lcsTable(ref, can);
  const cols = can.length + 1;
  const out: number[] = [];
  let i = ref.length;
  let j = can.length;
  while (i > 0 && j > 0) {
    if (ref[i - 1] === can[j - 1]) {
      out.push(i - 1);
      i--;
      j--;
    } else if (table[i * cols + j - 1]! > table[(i - 1) * cols + j]!) {
      j--;
    } else {
      i--;
    }
  }
  return out.reverse();
}

/**
 * ROUGE-Lsum (Lin 2004, §3.2): for each reference sentence, the union of its LCSs with every candidate sentence;
 * hits are clipped by token counts so no token is credited twice (as ROUGE-1.5.5 does).
 */
export function rougeLsum(targetSents: string[][], predictionSents: string[][]): RougeScore {
  const zero = { precision: 0, recall: 0, f1: 0 };
  const m = targetSents.reduce((s, x) => s + x.length, 0);
  const n = predictionSents.reduce((s, x) => s + x.length, 0);
  if (m === 0 || n === 0) return zero;
  const refLeft = new Map<string, number>();
  const canLeft = new Map<string, number>();
  for (const s of targetSents) for (const t of s) refLeft.set(t, (refLeft.get(t) ?? 0) + 1);
  for (const s of predictionSents) for (const t of s) canLeft.set(t, (canLeft.get(t) ?? 0) + 1);
  let hits = 0;
  for (const ref of targetSents) {
    const union = new Set<number>();
    for (const can of predictionSents) for (const idx of lcsIndices(ref, can)) union.add(idx);
    for (const idx of [...union].sort((a, b) => a - b)) {
      const token = ref[idx]!;
      const r = refLeft.get(token) ?? 0;
      const c = canLeft.get(token) ?? 0;
      if (r > 0 && c > 0) {
        hits++;
        refLeft.set(token, r - 1);
        canLeft.set(token, c - 1);
      }
    }
  }
  const precision = hits / n;
  const recall = hits / m;
  return { precision, recall, f1: fmeasure(precision, recall) };
}

/** rouge_score's sentence split for Lsum: one sentence per non-empty line. */
function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.length > 0);
}

/**
 * Scores `prediction` against `target` (rouge_score's argument order). For ROUGE-Lsum, sentences are the lines of
 * each text.
 * @example scoreRouge('the cat sat', 'the cat', ['rouge1']).rouge1.recall // 2/3
 */
export function scoreRouge(
  target: string,
  prediction: string,
  types: readonly RougeType[] = ['rouge1', 'rouge2', 'rougeL', 'rougeLsum'],
  options: RougeOptions = {},
): Partial<Record<RougeType, RougeScore>> {
  const stem = options.stem ?? true;
  const mode = options.porterMode ?? 'nltk';
  const t = rougeTokens(target, stem, mode);
  const p = rougeTokens(prediction, stem, mode);
  const out: Partial<Record<RougeType, RougeScore>> = {};
  for (const type of types) {
    if (type === 'rouge1') out.rouge1 = rougeN(t, p, 1);
    else if (type === 'rouge2') out.rouge2 = rougeN(t, p, 2);
    else if (type === 'rougeL') out.rougeL = rougeL(t, p);
    else
      out.rougeLsum = rougeLsum(
        lines(target).map((s) => rougeTokens(s, stem, mode)),
        lines(prediction).map((s) => rougeTokens(s, stem, mode)),
      );
  }
  return out;
}
