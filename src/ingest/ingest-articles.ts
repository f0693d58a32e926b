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

/** An article that needs taking in, as `Ingestion.examine` found it. */
interface Incoming {
  article: Article;
  contentHash: string;
  /** Whether an older version is stored (an update rather than an addition). */
  stored: boolean;
}

/** An empty report. */
function emptyReport(): IngestReport {
  return { added: 0, updated: 0, unchanged: 0, offRegion: 0, joinedStories: 0, ids: [] };
}

/**
 * One ingestion run, fed an article at a time: skips those already stored unchanged, enriches the rest (unless
 * their enrichment comes prepared), leaves out off-region ones, groups copies and near-duplicates into stories,
 * and stores them in transactions of `WRITE_BATCH`, updating the index in place. `finish` writes what is left.
 */
class Ingestion {
  readonly report = emptyReport();
  readonly #originRef: string;
  readonly #deps: IngestDeps;
  readonly #nowMs: number;
  readonly #clusterer: StoryClusterer;
  readonly #seen = new Set<string>();
  #batch: StoredArticle[] = [];

  constructor(originRef: string, deps: IngestDeps, nowMs: number) {
    this.#originRef = originRef;
    this.#deps = deps;
    this.#nowMs = nowMs;
    this.#clusterer = new StoryClusterer(deps.articles);
  }

  /**
   * Looks an incoming article up: undefined when there is nothing to do (already stored unchanged, owned by a file,
   * or seen earlier in this run), else what `take` needs to store it.
   */
  examine(article: Article): Incoming | undefined {
    if (this.#seen.has(article.id)) return undefined;
    this.#seen.add(article.id);
    const t = this.#clock();
    const contentHash = hashArticle(article);
    const before = this.#deps.articles.fingerprint(article.id);
    this.#lap('lookup', t);
    // A file under DATA_DIR owns its article: the file sync would undo a feed's version of it.
    if (before && (before.origin === 'file' || before.contentHash === contentHash)) {
      this.report.unchanged++;
      return undefined;
    }
    return { article, contentHash, stored: before !== undefined };
  }

  /** Examines an article and takes it in when it needs it, enriching it on this thread. */
  add(article: Article): void {
    const incoming = this.examine(article);
    if (incoming) this.take(incoming);
  }

  /** Takes an examined article in: enriched (unless that comes prepared), clustered, and queued for writing. */
  take({ article, contentHash, stored }: Incoming, prepared?: PreparedArticle): void {
    const { report } = this;
    const deps = this.#deps;
    let t = this.#clock();
    const enrichment = prepared?.enrichment ?? enrichArticle(article, deps.gazetteer);
    t = this.#lap('enrich', t);
    if (relevanceScore(enrichment) < deps.minRelevance) {
      report.offRegion++;
      deps.log.debug({ id: article.id, title: article.title }, 'left out: off-region');
      return;
    }
    const dedupe = prepared?.dedupe ?? StoryClusterer.keysOf(article.body);
    t = this.#lap('signature', t);
    const story = this.#clusterer.assign(article.id, Date.parse(article.date), dedupe);
    this.#lap('cluster', t);
    if (story.duplicateOf) report.joinedStories++;
    if (stored) report.updated++;
    else report.added++;
    report.ids.push(article.id);
    this.#batch.push({
      ...article,
      origin: 'feed',
      originRef: this.#originRef,
      contentHash,
      enrichment,
      enrichVersion: ENRICHMENT_VERSION,
      clusterId: story.clusterId,
      dedupe,
    });
    if (this.#batch.length >= WRITE_BATCH) this.#flush();
  }

  finish(): IngestReport {
    this.#flush();
    return this.report;
  }

  #flush(): void {
    if (this.#batch.length === 0) return;
    let t = this.#clock();
    const revision = this.#deps.articles.write({ upsert: this.#batch }, this.#nowMs);
    t = this.#lap('store', t);
    this.#deps.index?.applyWrite(revision, this.#batch, []);
    this.#lap('index', t);
    this.#clusterer.clearPending();
    this.#batch = [];
  }

  /** Now, when timings are wanted (no clock read otherwise). */
  #clock(): number {
    return this.#deps.timings ? performance.now() : 0;
  }

  /** Adds the time since `since` to a stage and returns now. */
  #lap(stage: keyof IngestTimings, since: number): number {
    const timings = this.#deps.timings;
    if (!timings) return 0;
    const now = performance.now();
    timings[stage] += now - since;
    return now;
  }
}

/**
 * Takes articles in on this thread: skips those already stored unchanged, enriches the rest once, leaves out
 * off-region ones, groups copies and near-duplicates into stories, stores them with origin `feed` and updates the
 * index in place.
 * @example ingestArticles(parsed, 'https://news.err.ee/rss', deps, Date.now())
 */
export function ingestArticles(
  incoming: readonly Article[],
  originRef: string,
  deps: IngestDeps,
  nowMs: number,
): IngestReport {
  const ingestion = new Ingestion(originRef, deps, nowMs);
  for (const article of incoming) ingestion.add(article);
  return ingestion.finish();
}

/** Articles per message to an enrichment worker: large enough that messaging costs little, small enough to overlap. */
const POOL_CHUNK = 25;
/** Below this many articles to enrich, worker threads cost more to start than they save. */
export const POOL_THRESHOLD = 200;

/**
 * Takes a stream of article batches in (a folder's files, a bulk import's feeds, read and parsed only when pulled)
 * with the enrichment and duplicate keys done on a worker pool, as a pipeline: while the workers enrich, this
 * thread reads the next batches and clusters, stores and indexes the chunks already back, in their original order
 * (so the result is the same as `ingestArticles` over the concatenated batches). Articles already stored unchanged
 * are not sent to the pool.
 * `pool` is a running pool, or a function that starts one: called only once the stream has given `POOL_THRESHOLD`
 * articles to enrich (smaller imports stay on this thread), and the pool it returns is closed at the end.
 * @example await ingestStream(filesAsBatches(folder), folder, deps, Date.now(), () => startEnrichPool(gazetteerPath))
 */
export async function ingestStream(
  source: Iterable<readonly Article[]>,
  originRef: string,
  deps: IngestDeps,
  nowMs: number,
  pool: EnrichPool | (() => EnrichPool),
): Promise<IngestReport> {
  const ingestion = new Ingestion(originRef, deps, nowMs);
  const batches = source[Symbol.iterator]();
  let exhausted = false;
  let waiting: Incoming[] = [];
  /** Pulls batches until `count` articles wait to be enriched, or the stream ends. */
  const pull = (count: number) => {
    while (waiting.length < count && !exhausted) {
      const next = batches.next();
      if (next.done) exhausted = true;
      else
        for (const article of next.value) {
          const incoming = ingestion.examine(article);
          if (incoming) waiting.push(incoming);
        }
    }
  };
  let running: EnrichPool;
  if (typeof pool === 'function') {
    pull(POOL_THRESHOLD);
    if (waiting.length < POOL_THRESHOLD) {
      for (const incoming of waiting) ingestion.take(incoming);
      return ingestion.finish();
    }
    running = pool();
  } else running = pool;
  try {
    // Keep every worker busy and one chunk queued behind them, so the pool never waits on this thread.
    const ahead = running.size + 1;
    const inFlight: { chunk: Incoming[]; results: Promise<PreparedArticle[] | undefined> }[] = [];
    const send = () => {
      while (inFlight.length < ahead) {
        pull(POOL_CHUNK);
        if (waiting.length === 0) return;
        const chunk = waiting.slice(0, POOL_CHUNK);
        waiting = waiting.slice(POOL_CHUNK);
        // A chunk the pool fails (a worker that died) is enriched here instead: nothing is lost to a worker.
        const results = running.enrich(chunk.map((c) => c.article)).catch((error: unknown) => {
          deps.log.warn({ err: error }, 'enrichment worker failed; enriching its articles on the main thread');
          return undefined;
        });
        inFlight.push({ chunk, results });
      }
    };
    send();
    for (let next = inFlight.shift(); next; next = inFlight.shift()) {
      const started = deps.timings ? performance.now() : 0;
      const results = await next.results;
      if (deps.timings) deps.timings.enrich += performance.now() - started;
      send();
      next.chunk.forEach((incoming, k) => {
        ingestion.take(incoming, results?.[k]);
      });
    }
    return ingestion.finish();
  } finally {
    if (typeof pool === 'function') await running.close();
  }
}
