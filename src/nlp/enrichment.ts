import type { Quote } from './quotes.ts';

/**
 * What the language tools learned about one article, computed once when it enters the store (see `enrichArticle`).
 * Bump `ENRICHMENT_VERSION` whenever the shape or the algorithms change: stored articles with an older version are
 * enriched again on the next sync.
 */
export const ENRICHMENT_VERSION = 2;

export interface Enrichment {
  /** Sentence spans into the article body, `[start, end]`, in order. */
  sentences: [number, number][];
  /** Indices into `sentences` of the article's own summary, best first. */
  summary: number[];
  quotes: EnrichedQuote[];
  /** Reported (indirect) speech with its speaker, e.g. "She further highlighted …". */
  statements: EnrichedStatement[];
  /** Gazetteer topic ids the article is about, most mentioned first. */
  topics: string[];
  /** Mentions per topic id: relevance for ranking. */
  topicCounts: Record<string, number>;
  /** Gazetteer people the article mentions (canonical names). */
  people: string[];
  /** The body's most frequent content terms, stemmed: what the index holds of the body. Absent before version 2. */
  keywords?: string[];
}

/** A direct quote with the speaker's role as of the article's date (gazetteer first, then the text's own title). */
export interface EnrichedQuote extends Quote {
  /** Index of the sentence the quote starts in. */
  sentence: number;
}

export interface EnrichedStatement {
  start: number;
  end: number;
  speaker: string | null;
  role: string | null;
  cue: string;
}
