import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type EnrichPool, startEnrichPool } from '../../src/ingest/enrich-pool.ts';
import { ingestArticles, ingestArticlesInParallel } from '../../src/ingest/ingest-articles.ts';
import { loadGazetteer } from '../../src/nlp/gazetteer.ts';
import { ArticleRepository } from '../../src/store/articles.ts';
import { openDatabase } from '../../src/store/database.ts';
import { syntheticArticles } from '../bench/synthetic-corpus.ts';
import { REPO, testConfig } from '../helpers/test-app.ts';
import { rewriteArticle } from './rewrites.ts';

const gazetteerPath = path.join(REPO, 'data/gazetteer.json');
const gazetteer = loadGazetteer(gazetteerPath);
const log = pino({ level: 'silent' });
let pool: EnrichPool;
beforeAll(() => {
  pool = startEnrichPool(gazetteerPath, 2);
});
afterAll(() => pool.close());

const store = () => new ArticleRepository(openDatabase(testConfig(path.join(REPO, 'data')).databasePath));

test('GIVEN articles with rewritten copies THEN the worker pool stores exactly what one thread stores', async () => {
  const bases = [...syntheticArticles({ count: 60, seed: 5 })];
  const incoming = [...bases, ...bases.slice(0, 10).map((b, i) => rewriteArticle(b, 100 + i, 0))];
  const one = store();
  const many = store();
  const deps = { gazetteer, minRelevance: 0, log };
  const a = ingestArticles(incoming, 'test', { ...deps, articles: one }, 1_000);
  const b = await ingestArticlesInParallel(incoming, 'test', { ...deps, articles: many }, 1_000, pool);
  expect(b).toEqual(a);
  const view = (repo: ArticleRepository) =>
    [...repo.iterate()]
      .map((x) => ({ id: x.id, clusterId: x.clusterId, quotes: x.enrichment.quotes, topics: x.enrichment.topics }))
      .sort((x, y) => (x.id < y.id ? -1 : 1));
  expect(view(many)).toEqual(view(one));
  // A second run finds everything stored and sends nothing to the pool.
  const again = await ingestArticlesInParallel(incoming, 'test', { ...deps, articles: many }, 2_000, pool);
  expect(again).toMatchObject({ added: 0, updated: 0, unchanged: incoming.length });
});
