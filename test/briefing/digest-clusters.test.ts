import { afterAll, beforeAll, expect, test } from 'vitest';
import { type App, createApp } from '../../src/app.ts';
import { DigestComposer } from '../../src/briefing/digest.ts';
import { fixedClock } from '../../src/clock.ts';
import { hashArticle } from '../../src/ingest/sync-files.ts';
import { enrichArticle } from '../../src/nlp/enrich.ts';
import { ENRICHMENT_VERSION } from '../../src/nlp/enrichment.ts';
import { composeSubscriptionDigest } from '../../src/scheduler/digest-scheduler.ts';
import type { StoredArticle } from '../../src/store/articles.ts';
import { makeDataDir, silentLog, testConfig } from '../helpers/test-app.ts';
import { storyArticle } from '../scheduler/digest-articles.ts';

const NOW = Date.parse('2026-11-23T06:00:00Z');
let app: App;

beforeAll(async () => {
  app = await createApp(testConfig(makeDataDir([])), silentLog, { clock: fixedClock(new Date(NOW)) });
  const { articles, corpus } = app.services;
  // One story told twice in different words (ingest grouped them into one cluster), and one unrelated story.
  const told = (id: string, variant: number, clusterId: string, source: string): StoredArticle => {
    const article = storyArticle({
      id,
      topic: 'estonia',
      date: new Date(NOW - 3_600_000).toISOString(),
      variant,
      source,
    });
    return {
      ...article,
      origin: 'feed',
      originRef: 'test',
      contentHash: hashArticle(article),
      enrichment: enrichArticle(article, corpus.gazetteer),
      enrichVersion: ENRICHMENT_VERSION,
      clusterId,
    };
  };
  const stored = [
    told('err-1', 0, 'err-1', 'ERR News'),
    told('lsm-1', 3, 'err-1', 'LSM'),
    told('yle-1', 1, 'yle-1', 'Yle'),
  ];
  articles.write({ upsert: stored }, NOW);
  for (const a of stored) corpus.index.upsert(a);
});
afterAll(() => app.close());

test('GIVEN two outlets’ articles grouped into one story at ingest THEN the digest shows that story once', () => {
  const { corpus } = app.services;
  const digest = composeSubscriptionDigest(
    new DigestComposer(corpus),
    corpus,
    { topics: [], lastUntilMs: null, quiet: false },
    new Set(),
    NOW,
  );
  const stories = (digest.reply?.sections ?? []).flatMap((s) => s.lines ?? []).filter((l) => String(l).startsWith('•'));
  expect(stories).toHaveLength(2);
  // Both articles of the story count as received, so neither comes back tomorrow.
  expect(digest.articleIds).toEqual(expect.arrayContaining(['err-1', 'lsm-1', 'yle-1']));
});
