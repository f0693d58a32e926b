import pino from 'pino';
import { expect, test } from 'vitest';
import { IndexSync } from '../../src/ingest/index-sync.ts';
import { applyRetention } from '../../src/ingest/retention.ts';
import { hashArticle } from '../../src/ingest/sync-files.ts';
import { ENRICHMENT_VERSION } from '../../src/nlp/enrichment.ts';
import { CorpusIndex } from '../../src/search/corpus-index.ts';
import { ArticleRepository, type StoredArticle } from '../../src/store/articles.ts';
import { openDatabase } from '../../src/store/database.ts';
import { FeedRepository } from '../../src/store/feeds.ts';
import { REPO, testConfig } from '../helpers/test-app.ts';

const DAY_MS = 86_400_000;
const NOW = Date.parse('2026-11-27T12:00:00Z');

function stored(id: string, ageDays: number, origin: 'feed' | 'file'): StoredArticle {
  const body = `Report ${id} on border security in Estonia.`;
  const article = { id, title: id, date: new Date(NOW - ageDays * DAY_MS).toISOString(), source: 'Test', body };
  return {
    ...article,
    paragraphs: [body],
    origin,
    originRef: 'test',
    contentHash: hashArticle({ ...article, paragraphs: [body] }),
    enrichment: { sentences: [], summary: [], quotes: [], statements: [], topics: [], topicCounts: {}, people: [] },
    enrichVersion: ENRICHMENT_VERSION,
  };
}

test('GIVEN feed articles past the window THEN they leave the store and the index in batches, files and recent ones stay', async () => {
  const db = openDatabase(testConfig(`${REPO}/data`).databasePath);
  const articles = new ArticleRepository(db);
  const old = Array.from({ length: 1_200 }, (_, i) => stored(`old-${i}`, 100 + (i % 50), 'feed'));
  const recent = Array.from({ length: 30 }, (_, i) => stored(`new-${i}`, i, 'feed'));
  const oldFile = stored('old-file', 400, 'file');
  articles.write({ upsert: [...old, ...recent, oldFile] }, NOW);
  const index = CorpusIndex.empty();
  const sync = new IndexSync({ index, articles, revision: 0, log: pino({ level: 'silent' }) });
  sync.refresh();
  expect(index.size).toBe(1_231);

  // Something else waiting on the event loop (an interaction, say) gets its turn before retention is done.
  let otherWorkRan = false;
  setImmediate(() => {
    otherWorkRan = true;
  });
  const removed = applyRetention({ articles, feeds: new FeedRepository(db), index: sync }, 90, NOW);
  expect(otherWorkRan).toBe(false);
  expect(await removed).toBe(1_200);
  expect(otherWorkRan).toBe(true);

  expect(articles.count()).toBe(31);
  expect(index.size).toBe(31);
  expect(index.header('old-0')).toBeUndefined();
  expect(index.header('old-file')).toBeDefined();
  expect(index.header('new-29')).toBeDefined();
});
