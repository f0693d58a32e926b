import type { Logger } from 'pino';
import type { Article } from '../corpus/article.ts';
import { ENRICHMENT_VERSION, enrichArticle } from '../nlp/enrich.ts';
import type { Gazetteer } from '../nlp/gazetteer.ts';
import type { ArticleRepository, StoredArticle } from '../store/articles.ts';
import { StoryClusterer } from './clusters.ts';
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
  let batch: StoredArticle[] = [];
  const flush = () => {
    if (batch.length === 0) return;
    const revision = deps.articles.write({ upsert: batch }, nowMs);
    deps.index?.applyWrite(revision, batch, []);
    clusterer.clearPending();
    batch = [];
  };
  const seen = new Set<string>();
  for (const article of incoming) {
    if (seen.has(article.id)) continue;
    seen.add(article.id);
    const contentHash = hashArticle(article);
    const before = deps.articles.get(article.id);
    // A file under DATA_DIR owns its article: the file sync would undo a feed's version of it.
    if (before && (before.origin === 'file' || before.contentHash === contentHash)) {
      report.unchanged++;
      continue;
    }
    const enrichment = enrichArticle(article, deps.gazetteer);
    if (relevanceScore(enrichment) < deps.minRelevance) {
      report.offRegion++;
      deps.log.debug({ id: article.id, title: article.title }, 'left out: off-region');
      continue;
    }
    const dedupe = StoryClusterer.keysOf(article.body);
    const story = clusterer.assign(article.id, Date.parse(article.date), dedupe);
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
