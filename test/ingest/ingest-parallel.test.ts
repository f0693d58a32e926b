import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type EnrichPool, startEnrichPool } from '../../src/ingest/enrich-pool.ts';
import { ingestArticles, ingestStream, POOL_THRESHOLD } from '../../src/ingest/ingest-articles.ts';
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
  const b = await ingestStream([incoming], 'test', { ...deps, articles: many }, 1_000, pool);
  expect(b).toEqual(a);
  const view = (repo: ArticleRepository) =>
    [...repo.iterate()]
      .map((x) => ({ id: x.id, clusterId: x.clusterId, quotes: x.enrichment.quotes, topics: x.enrichment.topics }))
      .sort((x, y) => (x.id < y.id ? -1 : 1));
  expect(view(many)).toEqual(view(one));
  // A second run finds everything stored and sends nothing to the pool.
  const again = await ingestStream([incoming], 'test', { ...deps, articles: many }, 2_000, pool);
  expect(again).toMatchObject({ added: 0, updated: 0, unchanged: incoming.length });
});

test('GIVEN a stream of batches THEN the pool starts only once there is enough to enrich, and stores what one thread stores', async () => {
  const articles = [...syntheticArticles({ count: POOL_THRESHOLD + 30, seed: 9 })];
  const batches = [articles.slice(0, 50), [], articles.slice(50, 120), articles.slice(120)];
  const deps = { gazetteer, minRelevance: 0, log };
  const one = store();
  const expected = ingestArticles(articles, 'test', { ...deps, articles: one }, 1_000);
  let started = 0;
  const startPool = () => {
    started++;
    return startEnrichPool(gazetteerPath, 2);
  };
  const many = store();
  expect(await ingestStream(batches, 'test', { ...deps, articles: many }, 1_000, startPool)).toEqual(expected);
  expect(started).toBe(1);
  // A small import (and a re-run that finds everything stored) stays on this thread.
  const small = store();
  await ingestStream([articles.slice(0, 20)], 'test', { ...deps, articles: small }, 1_000, startPool);
  const rerun = await ingestStream(batches, 'test', { ...deps, articles: many }, 2_000, startPool);
  expect(started).toBe(1);
  expect(small.count()).toBe(20);
  expect(rerun).toMatchObject({ added: 0, unchanged: articles.length });
});

test('GIVEN workers that cannot start THEN enrichment fails with a reason instead of waiting forever', async () => {
  const broken = startEnrichPool(path.join(REPO, 'no-such-gazetteer.json'), 1);
  const articles = [...syntheticArticles({ count: 3, seed: 2 })];
  await expect(broken.enrich(articles)).rejects.toThrow(/no-such-gazetteer|enrichment worker/);
  await expect(broken.enrich(articles)).rejects.toThrow(/no enrichment worker left/);
  await broken.close();
});

test('GIVEN the pool fails THEN the stream enriches on this thread and stores what one thread stores', async () => {
  const articles = [...syntheticArticles({ count: 60, seed: 4 })];
  const deps = { gazetteer, minRelevance: 0, log };
  const expected = ingestArticles(articles, 'test', { ...deps, articles: store() }, 1_000);
  const broken = startEnrichPool(path.join(REPO, 'no-such-gazetteer.json'), 1);
  try {
    expect(await ingestStream([articles], 'test', { ...deps, articles: store() }, 1_000, broken)).toEqual(expected);
  } finally {
    await broken.close();
  }
});
