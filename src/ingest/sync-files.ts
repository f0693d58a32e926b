import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Article } from '../corpus/article.ts';
import { loadCorpus } from '../corpus/loader.ts';
import { ENRICHMENT_VERSION, enrichArticle } from '../nlp/enrich.ts';
import type { Gazetteer } from '../nlp/gazetteer.ts';
import type { ArticleRepository, StoredArticle } from '../store/articles.ts';
import { StoryClusterer } from './clusters.ts';

export interface SyncReport {
  read: number;
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  problems: number;
}

/**
 * Brings the store in line with the article files under `DATA_DIR/articles`: new and changed files are enriched and
 * stored, articles whose file is gone are removed, unchanged ones are left alone (a restart does no work twice).
 * Articles that came from feeds are never touched.
 * @example syncArticleFiles(path.join(config.dataDir, 'articles'), articles, gazetteer, log, Date.now())
 */
export function syncArticleFiles(
  dir: string,
  articles: ArticleRepository,
  gazetteer: Gazetteer,
  log: Logger,
  nowMs: number,
): SyncReport {
  const loaded = loadCorpus(dir);
  for (const problem of loaded.problems) {
    log.warn({ path: problem.path, reason: problem.reason }, 'skipped an article file');
  }
  const stored = articles.fingerprints('file');
  const upsert: StoredArticle[] = [];
  // Files get story clusters too: the same story from two outlets' files is shown once, as feed copies are.
  const clusterer = new StoryClusterer(articles);
  let unchanged = 0;
  for (const article of loaded.articles) {
    const contentHash = hashArticle(article);
    const before = stored.get(article.id);
    if (before && before.contentHash === contentHash && before.enrichVersion === ENRICHMENT_VERSION) {
      unchanged++;
      continue;
    }
    const dedupe = StoryClusterer.keysOf(article.body);
    upsert.push({
      ...article,
      origin: 'file',
      originRef: path.relative(path.dirname(dir), dir) || dir,
      contentHash,
      enrichment: enrichArticle(article, gazetteer),
      enrichVersion: ENRICHMENT_VERSION,
      clusterId: clusterer.assign(article.id, Date.parse(article.date), dedupe).clusterId,
      dedupe,
    });
  }
  const present = new Set(loaded.articles.map((a) => a.id));
  const remove = [...stored.keys()].filter((id) => !present.has(id));
  articles.write({ upsert, remove }, nowMs);
  const report = {
    read: loaded.articles.length,
    added: upsert.filter((a) => !stored.has(a.id)).length,
    updated: upsert.filter((a) => stored.has(a.id)).length,
    removed: remove.length,
    unchanged,
    problems: loaded.problems.length,
  };
  log.info(report, 'article files synced');
  return report;
}

/** Identifies an article's content: any change to what a reader sees makes a new hash. */
export function hashArticle(article: Article): string {
  const h = createHash('sha256');
  for (const part of [article.title, article.date, article.source, article.url ?? '', article.body]) {
    h.update(part).update('\u0000');
  }
  return h.digest('hex').slice(0, 32);
}
