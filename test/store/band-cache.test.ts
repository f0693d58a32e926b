import { expect, test } from 'vitest';
import { dedupeKeysOf } from '../../src/ingest/near-duplicates.ts';
import { hashArticle } from '../../src/ingest/sync-files.ts';
import { ENRICHMENT_VERSION } from '../../src/nlp/enrichment.ts';
import { ArticleRepository, type StoredArticle } from '../../src/store/articles.ts';
import { openDatabase } from '../../src/store/database.ts';
import { REPO, testConfig } from '../helpers/test-app.ts';

const BODY =
  'Finnish and Estonian investigators are examining damage to a data cable between Helsinki and Tallinn that failed early on Thursday, officials said. The coast guard asked a tanker to stop for inspection.';

function stored(id: string, body: string): StoredArticle {
  const article = {
    id,
    title: id,
    date: '2026-11-20T12:00:00.000Z',
    source: 'Test',
    body,
    paragraphs: [body],
  };
  return {
    ...article,
    origin: 'feed',
    originRef: 'test',
    contentHash: hashArticle(article),
    enrichment: { sentences: [], summary: [], quotes: [], statements: [], topics: [], topicCounts: {}, people: [] },
    enrichVersion: ENRICHMENT_VERSION,
    clusterId: id,
    dedupe: dedupeKeysOf(body),
  };
}

test('GIVEN another connection writes a copy THEN this one’s cached near-duplicate look-up still finds it', () => {
  const file = testConfig(`${REPO}/data`).databasePath;
  const mine = new ArticleRepository(openDatabase(file));
  const theirs = new ArticleRepository(openDatabase(file));
  const keys = dedupeKeysOf(BODY);
  const window = { fromMs: 0, toMs: Date.parse('2027-01-01') };
  mine.write({ upsert: [stored('first', 'An unrelated story about conscription and reserve training in Latvia.')] }, 1);
  expect(mine.bandCandidates(keys.bands, window)).toEqual([]); // the cache is warm now
  theirs.write({ upsert: [stored('copy', BODY)] }, 2);
  expect(mine.bandCandidates(keys.bands, window).map((c) => c.id)).toEqual(['copy']);
  // And after this connection's own removal, the removed article is not offered.
  mine.write({ remove: ['copy'] }, 3);
  expect(mine.bandCandidates(keys.bands, window)).toEqual([]);
});
