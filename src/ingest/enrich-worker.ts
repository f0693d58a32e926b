/**
 * A worker thread of the enrichment pool (see enrich-pool.ts): enriches the articles it is sent with the gazetteer it
 * loaded once, computes their duplicate-detection keys, and sends both back in the same order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type EnrichInput, enrichArticle } from '../nlp/enrich.ts';
import { loadGazetteer } from '../nlp/gazetteer.ts';
import { dedupeKeysOf } from './near-duplicates.ts';

const gazetteer = loadGazetteer((workerData as { gazetteerPath: string }).gazetteerPath);

parentPort?.on('message', (message: { id: number; articles: EnrichInput[] }) => {
  try {
    const results = message.articles.map((article) => ({
      enrichment: enrichArticle(article, gazetteer),
      dedupe: dedupeKeysOf(article.body),
    }));
    parentPort?.postMessage({ id: message.id, results });
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
