import { type SummaryDoc, summarizeMany } from '../nlp/summarize.ts';
import type { Hit } from '../search/corpus-index.ts';
import type { StoredArticle } from '../store/articles.ts';
import type { Corpus } from './corpus.ts';
import { DAY_MS } from './dates.ts';
import { pickQuotes, type QuoteCandidate } from './pick-quotes.ts';
import type { ResolvedTopic } from './topic.ts';

export interface BriefOptions {
  now: Date;
  /** Keep to this many days back from `now`. Absent: the default window, or the latest coverage if it is empty. */
  days?: number;
  /** Only this outlet. */
  source?: string;
  defaultDays: number;
  /** Headline developments at most (default 5). */
  points?: number;
  /** Key quotes at most (default 3). */
  quotes?: number;
}

/** One headline development: an extracted sentence and the article it cites (`ref` numbers the source list). */
export interface BriefPoint {
  text: string;
  articleId: string;
  ref: number;
}

export interface BriefQuote {
  text: string;
  speaker: string | null;
  role: string | null;
  dateMs: number;
  source: string;
  url?: string;
  articleId: string;
  ref: number;
}

export interface BriefSource {
  ref: number;
  id: string;
  title: string;
  source: string;
  dateMs: number;
  url?: string;
  /** Every outlet that ran this story (near-duplicates and copies), this source's first; absent for one outlet. */
  reportedBy?: string[];
}

export interface Brief {
  topic: ResolvedTopic;
  /** The window the brief covers. */
  sinceMs: number;
  untilMs: number;
  days: number;
  /** True when nothing fell in the asked-for window and the brief shows the latest coverage instead. */
  stale: boolean;
  points: BriefPoint[];
  quotes: BriefQuote[];
  sources: BriefSource[];
  /** How many articles matched in the window (the brief cites the best of them). */
  matched: number;
}

export type BriefResult =
  | { ok: true; brief: Brief }
  | {
      ok: false;
      error: 'NO_COVERAGE';
      topic: ResolvedTopic;
      days: number;
      /** The newest coverage outside the window, and the `days` that would reach it. */
      latest?: { dateMs: number; days: number };
    };

const ARTICLES_PER_BRIEF = 8;

/**
 * The briefing on a topic: headline developments as extracted sentences, each citing its article; key quotes with
 * speaker and role; the sources. Pure over the corpus: the caller passes `now`.
 * @example composeBrief(corpus, { kind: 'topic', id: 'estonia', label: 'Estonia', phrases: ['Estonia'] }, { now, defaultDays: 7 })
 */
export function composeBrief(corpus: Corpus, topic: ResolvedTopic, options: BriefOptions): BriefResult {
  const nowMs = options.now.getTime();
  const days = options.days ?? options.defaultDays;
  const window = { sinceMs: nowMs - days * DAY_MS, untilMs: nowMs, source: options.source };
  let hits = corpus.search(topic, window);
  let stale = false;
  let sinceMs = window.sinceMs;
  let untilMs = nowMs;
  if (hits.length === 0) {
    const any = corpus.search(topic, { untilMs: nowMs, source: options.source });
    const latestMs = any.reduce((max, h) => Math.max(max, h.header.dateMs), Number.NEGATIVE_INFINITY);
    if (options.days !== undefined || any.length === 0) {
      const reach = Math.ceil((nowMs - latestMs) / DAY_MS);
      const latest = any.length > 0 ? { latest: { dateMs: latestMs, days: reach } } : {};
      return { ok: false, error: 'NO_COVERAGE', topic, days, ...latest };
    }
    // No recent coverage and no window asked for: brief on the latest stretch there is, and say how old it is.
    stale = true;
    untilMs = latestMs;
    sinceMs = latestMs - days * DAY_MS;
    hits = any.filter((h) => h.header.dateMs >= sinceMs);
  }
  const ranked = oneHitPerStory(rankByRecency(hits, untilMs, days)).slice(0, ARTICLES_PER_BRIEF);
  const articles = corpus.articles.getMany(ranked.map((h) => h.id));
  const weights = new Map(ranked.map((h) => [h.id, h.score / (ranked[0]?.score || 1)]));
  const queryWords = topic.phrases.flatMap((p) => p.split(/\s+/));

  const docs: SummaryDoc[] = articles.map((a) => ({
    id: a.id,
    sentences: withoutQuoteSentences(a),
    weight: 0.5 + 0.5 * (weights.get(a.id) ?? 0),
  }));
  const picks = summarizeMany(docs, { count: options.points ?? 5, query: queryWords });

  const candidates: QuoteCandidate[] = articles.flatMap((a) =>
    a.enrichment.quotes.map((q) => ({ quote: q, article: a, weight: weights.get(a.id) ?? 0 })),
  );
  const quotes = pickQuotes(candidates, {
    max: options.quotes ?? 3,
    queryWords,
    ...(topic.kind === 'person' ? { speaker: topic.label } : {}),
  });

  // Number the sources in the order the reader meets them: points first, then quotes.
  const refs = new Map<string, number>();
  const refOf = (id: string) => {
    let ref = refs.get(id);
    if (ref === undefined) {
      ref = refs.size + 1;
      refs.set(id, ref);
    }
    return ref;
  };
  const byId = new Map(articles.map((a) => [a.id, a]));
  const points = picks.map((p) => ({ text: p.text, articleId: p.docId, ref: refOf(p.docId) }));
  const briefQuotes = quotes.map(({ quote, article }) => ({
    text: quote.text,
    speaker: quote.speaker,
    role: quote.role,
    dateMs: Date.parse(article.date),
    source: article.source,
    ...(article.url ? { url: article.url } : {}),
    articleId: article.id,
    ref: refOf(article.id),
  }));
  // An article that started its story carries no clusterId of its own, yet copies may point at it.
  const stories = corpus.articles.clusterMembers([...refs.keys()].map((id) => byId.get(id)?.clusterId ?? id));
  const sources = [...refs.entries()].map(([id, ref]) => {
    const a = byId.get(id) as StoredArticle;
    const outlets = reportedBy(a, stories.get(a.clusterId ?? a.id));
    return {
      ref,
      id,
      title: a.title,
      source: a.source,
      dateMs: Date.parse(a.date),
      ...(a.url ? { url: a.url } : {}),
      ...(outlets.length > 1 ? { reportedBy: outlets } : {}),
    };
  });
  return {
    ok: true,
    brief: { topic, sinceMs, untilMs, days, stale, points, quotes: briefQuotes, sources, matched: hits.length },
  };
}

/** The article's sentences as text, from the spans stored at enrichment. */
export function sentencesOf(article: StoredArticle): string[] {
  return article.enrichment.sentences.map(([s, e]) => article.body.slice(s, e));
}

/** The best-ranked hit of each story: copies of one story from several outlets are shown once. */
export function oneHitPerStory<T extends { id: string; header: { clusterId?: string } }>(hits: readonly T[]): T[] {
  const seen = new Set<string>();
  return hits.filter((h) => {
    const story = h.header.clusterId ?? h.id;
    if (seen.has(story)) return false;
    seen.add(story);
    return true;
  });
}

/** The distinct outlets of a story, the shown article's own first. */
function reportedBy(article: StoredArticle, members: readonly { source: string }[] | undefined): string[] {
  return [...new Set([article.source, ...(members ?? []).map((m) => m.source)])];
}

/**
 * The article's sentences with those that carry a direct quote blanked out (indices stay aligned): the quotes have
 * their own section with speaker and role, so a development line repeating one would say the same thing twice.
 */
function withoutQuoteSentences(article: StoredArticle): string[] {
  const quoted = new Set(article.enrichment.quotes.map((q) => q.sentence));
  return sentencesOf(article).map((text, i) => (quoted.has(i) ? '' : text));
}

/** Relevance tempered by age: within the window, a fresh article outranks an equally relevant older one. */
function rankByRecency(hits: Hit[], untilMs: number, days: number): Hit[] {
  const scored = hits.map((h) => {
    const ageDays = Math.max(0, (untilMs - h.header.dateMs) / DAY_MS);
    return { ...h, score: h.score / (1 + ageDays / Math.max(days, 1)) };
  });
  return scored.sort((a, b) => b.score - a.score || b.header.dateMs - a.header.dateMs);
}
