import type { Logger } from 'pino';
import type { Article } from '../corpus/article.ts';
import { ENRICHMENT_VERSION, enrichArticle } from '../nlp/enrich.ts';
import type { Gazetteer } from '../nlp/gazetteer.ts';
import type { ArticleRepository, StoredArticle } from '../store/articles.ts';
import { StoryClusterer } from './clusters.ts';
import type { EnrichPool, PreparedArticle } from './enrich-pool.ts';
import type { IndexSync } from './index-sync.ts';
import { relevanceScore } from './relevance.ts';
import { hashArticle } from './sync-files.ts';

export interface IngestDeps {
  articles: ArticleRepository;
  gazetteer: Gazetteer;
  /** The running index to update incrementally; absent when no index is loaded in this process. */
  index?: IndexSync | undefined;
  /** Articles scoring below this (see `relevanceScore`) are left out; 0 keeps everything. */
  minRelevance: number;
  log: Logger;
  /** When given, milliseconds spent per stage are added to it (benchmarks read it; nothing else needs it). */
  timings?: IngestTimings | undefined;
  /** Enrichments and duplicate keys already computed (on the worker pool), by article id; the rest are done here. */
  prepared?: ReadonlyMap<string, PreparedArticle> | undefined;
}

/** Milliseconds spent per ingestion stage, accumulated over calls. */
export interface IngestTimings {
  /** Looking up whether each article is already stored. */
  lookup: number;
  enrich: number;
  /** Body hash, shingles and MinHash signature. */
  signature: number;
  /** Finding the story: exact copies and near-duplicate candidates. */
  cluster: number;
  /** Writing to the store (one transaction per batch). */
  store: number;
  /** Updating the in-memory search index. */
  index: number;
}

/** A zeroed `IngestTimings`. */
export function emptyTimings(): IngestTimings {
  return { lookup: 0, enrich: 0, signature: 0, cluster: 0, store: 0, index: 0 };
}

export interface IngestReport {
  /** New articles stored. */
  added: number;
  /** Known articles (same canonical URL) whose text changed. */
  updated: number;
  /** Known articles with the same text: nothing to do. */
  unchanged: number;
  /** Left out as off-region. */
  offRegion: number;
  /** Of those stored, how many joined an existing story (exact copy or near-duplicate from another outlet). */
  joinedStories: number;
  /** Ids stored, in order. */
  ids: string[];
}

/** Articles written to the store per transaction: big enough to amortise the commit, small enough to stay live. */
const WRITE_BATCH = 200;

/**
 * Takes articles in: skips those already stored unchanged, enriches the rest once, leaves out off-region ones,
 * groups copies and near-duplicates into stories, stores them with origin `feed` and updates the index in place.
 * @example ingestArticles(parsed, 'https://news.err.ee/rss', deps, Date.now())
 */
export function ingestArticles(
  incoming: readonly Article[],
  originRef: string,
  deps: IngestDeps,
  nowMs: number,
): IngestReport {
  const report: IngestReport = { added: 0, updated: 0, unchanged: 0, offRegion: 0, joinedStories: 0, ids: [] };
  const clusterer = new StoryClusterer(deps.articles);
  const timings = deps.timings;
  // Adds the time since `since` to a stage and returns now; a no-op (no clock read) without `timings`.
  const lap = (stage: keyof IngestTimings, since: number): number => {
    if (!timings) return 0;
    const now = performance.now();
    timings[stage] += now - since;
    return now;
  };
  let batch: StoredArticle[] = [];
  const flush = () => {
    if (batch.length === 0) return;
    let t = timings ? performance.now() : 0;
    const revision = deps.articles.write({ upsert: batch }, nowMs);
    t = lap('store', t);
    deps.index?.applyWrite(revision, batch, []);
    lap('index', t);
    clusterer.clearPending();
    batch = [];
  };
  const seen = new Set<string>();
  for (const article of incoming) {
    if (seen.has(article.id)) continue;
    seen.add(article.id);
    let t = timings ? performance.now() : 0;
    const contentHash = hashArticle(article);
    const before = deps.articles.fingerprint(article.id);
    t = lap('lookup', t);
    // A file under DATA_DIR owns its article: the file sync would undo a feed's version of it.
    if (before && (before.origin === 'file' || before.contentHash === contentHash)) {
      report.unchanged++;
      continue;
    }
    const prepared = deps.prepared?.get(article.id);
    const enrichment = prepared?.enrichment ?? enrichArticle(article, deps.gazetteer);
    t = lap('enrich', t);
    if (relevanceScore(enrichment) < deps.minRelevance) {
      report.offRegion++;
      deps.log.debug({ id: article.id, title: article.title }, 'left out: off-region');
      continue;
    }
    const dedupe = prepared?.dedupe ?? StoryClusterer.keysOf(article.body);
    t = lap('signature', t);
    const story = clusterer.assign(article.id, Date.parse(article.date), dedupe);
    lap('cluster', t);
    if (story.duplicateOf) report.joinedStories++;
    if (before) report.updated++;
    else report.added++;
    report.ids.push(article.id);
    batch.push({
      ...article,
      origin: 'feed',
      originRef,
      contentHash,
      enrichment,
      enrichVersion: ENRICHMENT_VERSION,
      clusterId: story.clusterId,
      dedupe,
    });
    if (batch.length >= WRITE_BATCH) flush();
  }
  flush();
  return report;
}

/** Articles per message to an enrichment worker: large enough that messaging costs little, small enough to overlap. */
const POOL_CHUNK = 25;

/**
 * `ingestArticles` with the enrichment (and duplicate keys) done on a worker pool: chunks are enriched in parallel while the main thread
 * clusters, stores and indexes the chunks already back, in their original order (so the result is the same as the
 * one-thread path). Articles already stored unchanged are not sent to the pool.
 * @example await ingestArticlesInParallel(articles, folder, deps, Date.now(), pool)
 */
export async function ingestArticlesInParallel(
  incoming: readonly Article[],
  originRef: string,
  deps: IngestDeps,
  nowMs: number,
  pool: EnrichPool,
): Promise<IngestReport> {
  const fresh = incoming.filter((a) => {
    const before = deps.articles.fingerprint(a.id);
    return !before || (before.origin !== 'file' && before.contentHash !== hashArticle(a));
  });
  const chunks: Article[][] = [];
  for (let i = 0; i < fresh.length; i += POOL_CHUNK) chunks.push(fresh.slice(i, i + POOL_CHUNK));
  // Keep every worker busy and one chunk queued behind them, so the pool never waits on the main thread.
  const inFlight = chunks.map(() => undefined as Promise<PreparedArticle[]> | undefined);
  const ahead = pool.size + 1;
  for (let i = 0; i < Math.min(ahead, chunks.length); i++) inFlight[i] = pool.enrich(chunks[i] as Article[]);
  const report: IngestReport = {
    added: 0,
    updated: 0,
    unchanged: incoming.length - fresh.length,
    offRegion: 0,
    joinedStories: 0,
    ids: [],
  };
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i] as Article[];
    const started = deps.timings ? performance.now() : 0;
    const results = await (inFlight[i] as Promise<PreparedArticle[]>);
    if (deps.timings) deps.timings.enrich += performance.now() - started;
    const next = i + ahead;
    if (next < chunks.length) inFlight[next] = pool.enrich(chunks[next] as Article[]);
    const prepared = new Map(chunk.map((a, k) => [a.id, results[k] as PreparedArticle]));
    const part = ingestArticles(chunk, originRef, { ...deps, prepared }, nowMs);
    report.added += part.added;
    report.updated += part.updated;
    report.unchanged += part.unchanged;
    report.offRegion += part.offRegion;
    report.joinedStories += part.joinedStories;
    report.ids.push(...part.ids);
  }
  return report;
}
