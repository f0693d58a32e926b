import type { Gazetteer } from '../nlp/gazetteer.ts';
import { contentTerms } from '../nlp/tokens.ts';
import type { ArticleHeader, StoredArticle } from '../store/articles.ts';
import { sentencesOf } from './brief.ts';
import type { Corpus } from './corpus.ts';
import { DAY_MS } from './dates.ts';
import { pickQuotes } from './pick-quotes.ts';
import { shorten } from './text.ts';

/** What a digest covers: topic ids (none = every region topic) and a time window. */
export interface DigestWindow {
  topics: readonly string[];
  sinceMs: number;
  untilMs: number;
}

/** One story: an extracted sentence from its article, with the article's citation data. */
export interface DigestStory {
  articleId: string;
  /** The topic it is filed under (the first of the article's topics the digest covers). */
  topicId: string;
  text: string;
  title: string;
  source: string;
  dateMs: number;
  url?: string;
  /** Other outlets' articles on the same story: not shown, but counted as received. */
  duplicates: string[];
}

/** A quote candidate for "quote of the day". */
export interface DigestQuote {
  articleId: string;
  text: string;
  speaker: string | null;
  role: string | null;
  source: string;
  dateMs: number;
  title: string;
  url?: string;
}

/** Everything worth telling for one topic set and window, best first; each subscription then drops what it has seen. */
export interface DigestCandidates {
  window: DigestWindow;
  stories: DigestStory[];
  quotes: DigestQuote[];
}

/** How far back the first digest of a subscription looks. */
export const FIRST_DIGEST_MS = DAY_MS;
/**
 * Later digests look this much further back than the previous one ended: an article indexed late (a feed polled
 * after the digest went out) still reaches the channel, and the seen-list keeps anything from showing twice.
 */
export const LATE_ARRIVAL_MS = 6 * 3_600_000;
/** Stories considered per digest: far more than one message holds, so a channel's seen ones can be skipped. */
const CANDIDATES = 40;
const QUOTES = 5;
/**
 * Two title-and-lead pairs sharing this much of their wording (shared terms over all terms) are one story told by two
 * outlets. Over the union, not the smaller set: "Latvia approves radars" is not "Estonia approves radars".
 */
const SAME_STORY_OVERLAP = 0.5;
const STORY_CHARS = 280;

/**
 * The window of a subscription's next digest: since its previous one (less the late-arrival margin), or the last
 * 24 hours for the first.
 * @example digestWindow({ topics: [], lastUntilMs: null }, now) // { sinceMs: now - 24 h, untilMs: now }
 */
export function digestWindow(sub: { topics: readonly string[]; lastUntilMs: number | null }, untilMs: number) {
  const sinceMs = sub.lastUntilMs === null ? untilMs - FIRST_DIGEST_MS : sub.lastUntilMs - LATE_ARRIVAL_MS;
  return { topics: sub.topics, sinceMs: Math.min(sinceMs, untilMs), untilMs };
}

/** The cache key of a window: subscriptions with the same topics and window share one composition. */
export function windowKey(w: DigestWindow): string {
  return `${[...w.topics].sort().join(',')}|${w.sinceMs}|${w.untilMs}`;
}

/**
 * Composes digests for many subscriptions, computing each distinct topic set and window once and reading each
 * article once. Make one per scheduler pass: it caches without invalidation.
 * @example const composer = new DigestComposer(corpus); composer.candidates({ topics: ['estonia'], sinceMs, untilMs })
 */
export class DigestComposer {
  readonly #corpus: Corpus;
  readonly #cache = new Map<string, DigestCandidates>();
  readonly #articles = new Map<string, StoredArticle | undefined>();

  constructor(corpus: Corpus) {
    this.#corpus = corpus;
  }

  candidates(window: DigestWindow): DigestCandidates {
    const key = windowKey(window);
    let found = this.#cache.get(key);
    if (!found) {
      found = collectCandidates(this.#corpus, window, (id) => this.#article(id));
      this.#cache.set(key, found);
    }
    return found;
  }

  /** How many distinct compositions this composer has made. */
  get distinct(): number {
    return this.#cache.size;
  }

  #article(id: string): StoredArticle | undefined {
    if (!this.#articles.has(id)) this.#articles.set(id, this.#corpus.articles.get(id));
    return this.#articles.get(id);
  }
}

/** The articles in the window about the topics, ranked: how central the topic is to the article, then freshness. */
function rankHeaders(headers: Iterable<ArticleHeader>, window: DigestWindow): ArticleHeader[] {
  const wanted = window.topics.length > 0 ? new Set(window.topics) : undefined;
  const span = Math.max(1, window.untilMs - window.sinceMs);
  const scored: { h: ArticleHeader; score: number }[] = [];
  for (const h of headers) {
    if (h.dateMs < window.sinceMs || h.dateMs > window.untilMs || h.topics.length === 0) continue;
    let first = -1;
    let matched = 0;
    for (let i = 0; i < h.topics.length; i++) {
      if (wanted && !wanted.has(h.topics[i] as string)) continue;
      if (first < 0) first = i;
      matched++;
    }
    if (first < 0) continue;
    const relevance = 1 / (1 + first) + 0.25 * Math.min(matched - 1, 4);
    const freshness = 1 + 0.5 * ((h.dateMs - window.sinceMs) / span);
    scored.push({ h, score: relevance * freshness });
  }
  scored.sort((a, b) => b.score - a.score || b.h.dateMs - a.h.dateMs || (a.h.id < b.h.id ? -1 : 1));
  return scored.map((s) => s.h);
}

function collectCandidates(
  corpus: Corpus,
  window: DigestWindow,
  article: (id: string) => StoredArticle | undefined,
): DigestCandidates {
  const wanted = window.topics.length > 0 ? new Set(window.topics) : undefined;
  const stories: (DigestStory & { terms: Set<string>; cluster: string })[] = [];
  const chosenArticles: StoredArticle[] = [];
  for (const h of rankHeaders(corpus.index.headers(), window)) {
    if (stories.length >= CANDIDATES) break;
    const a = article(h.id);
    if (!a) continue;
    const text = leadSentence(a);
    if (!text) continue;
    const terms = new Set(contentTerms(`${a.title} ${text}`));
    const topicId = h.topics.find((t) => !wanted || wanted.has(t)) as string;
    // Another outlet's telling of one story: grouped at ingest into one story cluster, or (articles from files,
    // which are not clustered) about the same place and worded alike.
    const cluster = h.clusterId ?? h.id;
    const same = stories.find(
      (s) => s.cluster === cluster || (s.topicId === topicId && overlap(s.terms, terms) >= SAME_STORY_OVERLAP),
    );
    if (same) {
      same.duplicates.push(a.id);
      continue;
    }
    stories.push({
      articleId: a.id,
      topicId,
      text: shorten(text, STORY_CHARS),
      title: a.title,
      source: a.source,
      dateMs: h.dateMs,
      ...(a.url ? { url: a.url } : {}),
      duplicates: [],
      terms,
      cluster,
    });
    chosenArticles.push(a);
  }
  const words = (window.topics.length > 0 ? window.topics : []).flatMap((t) => t.split('-'));
  const picked = pickQuotes(
    chosenArticles.flatMap((a, i) =>
      a.enrichment.quotes.map((quote) => ({ quote, article: a, weight: 1 - i / (chosenArticles.length + 1) })),
    ),
    { max: QUOTES, queryWords: words },
  );
  const quotes = picked
    .filter(({ quote }) => quote.speaker)
    .map(({ quote, article: a }) => ({
      articleId: a.id,
      text: quote.text,
      speaker: quote.speaker,
      role: quote.role,
      source: a.source,
      dateMs: Date.parse(a.date),
      title: a.title,
      ...(a.url ? { url: a.url } : {}),
    }));
  return { window, stories: stories.map(({ terms: _terms, cluster: _cluster, ...s }) => s), quotes };
}

/** The sentence that best tells the story: the article's own top summary sentence, else its first. */
function leadSentence(a: StoredArticle): string | undefined {
  const sentences = sentencesOf(a);
  const best = a.enrichment.summary[0];
  return (best !== undefined ? sentences[best] : undefined) ?? sentences[0];
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Display names of topic ids ("estonia" → "Estonia"); ids the gazetteer no longer has are shown as they are. */
export function topicLabels(gazetteer: Gazetteer, ids: readonly string[]): string[] {
  const names = new Map(gazetteer.topics.map((t) => [t.id, t.name]));
  return ids.map((id) => names.get(id) ?? id);
}
