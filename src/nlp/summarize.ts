import { type Sentence, splitSentences } from './sentences.ts';

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
 * Extractive summary of one text: the `count` best sentences in text order. PLACEHOLDER (lead-N).
 * @example summarizeText(article.body, 3)
 */
export function summarizeText(text: string, count = 3): Sentence[] {
  return splitSentences(text).slice(0, count);
}

/**
 * Extractive, query-focused summary over several documents, without two picks saying the same thing.
 * PLACEHOLDER (first sentence of each document).
 */
export function summarizeMany(docs: SummaryDoc[], options: SummarizeManyOptions): SummaryPick[] {
  const picks: SummaryPick[] = [];
  for (const doc of docs) {
    const text = doc.sentences[0];
    if (text !== undefined) picks.push({ docId: doc.id, index: 0, text, score: doc.weight ?? 1 });
    if (picks.length >= options.count) break;
  }
  return picks;
}
