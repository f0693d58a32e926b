import { describe, expect, test } from 'vitest';
import { StoryClusterer } from '../../src/ingest/clusters.ts';
import { dedupeKeysOf, MINHASH_SIZE, minhash, similarity } from '../../src/ingest/near-duplicates.ts';
import { ArticleRepository, type StoredArticle } from '../../src/store/articles.ts';
import { openDatabase } from '../../src/store/database.ts';
import { type NearDuplicateCase, nearDuplicateCorpus } from '../bench/near-duplicate-corpus.ts';

const EMPTY_ENRICHMENT = {
  sentences: [],
  summary: [],
  quotes: [],
  statements: [],
  topics: [],
  topicCounts: {},
  people: [],
};

/** Clusters the cases in arrival order, writing batches of 10 as ingestion does; returns article id → story id. */
function clusterAll(cases: readonly NearDuplicateCase[]): Map<string, string> {
  const repo = new ArticleRepository(openDatabase(':memory:'));
  const clusterer = new StoryClusterer(repo);
  const out = new Map<string, string>();
  for (let i = 0; i < cases.length; i += 10) {
    const batch: StoredArticle[] = cases.slice(i, i + 10).map(({ article }) => {
      const dedupe = StoryClusterer.keysOf(article.body);
      const { clusterId } = clusterer.assign(article.id, Date.parse(article.date), dedupe);
      out.set(article.id, clusterId);
      return {
        ...article,
        origin: 'feed',
        originRef: 'test',
        contentHash: article.id,
        enrichment: EMPTY_ENRICHMENT,
        enrichVersion: 0,
        clusterId,
        dedupe,
      };
    });
    repo.write({ upsert: batch }, 0);
    clusterer.clearPending();
  }
  return out;
}

describe('GIVEN diverse stories and rewritten copies of some of them, arriving shuffled', () => {
  const cases = nearDuplicateCorpus({ stories: 80, seed: 7 });
  const story = clusterAll(cases);
  const pairs = cases.flatMap((a, i) => cases.slice(i + 1).map((b) => [a, b] as const));

  test('THEN no two different stories are merged', () => {
    const merged = pairs.filter(([a, b]) => a.story !== b.story && story.get(a.article.id) === story.get(b.article.id));
    expect(merged).toEqual([]);
  });

  test('THEN nearly every copy lands in the story of its original', () => {
    const same = pairs.filter(([a, b]) => a.story === b.story);
    const found = same.filter(([a, b]) => story.get(a.article.id) === story.get(b.article.id));
    expect(same.length).toBeGreaterThan(20);
    expect(found.length / same.length).toBeGreaterThanOrEqual(0.9);
  });
});

describe('GIVEN two texts', () => {
  const base =
    'The border guard reported new drone flights over the eastern fence on Monday. Officials in Tallinn said the radar network will be extended next year, and the navy will patrol the coast.';
  test.each([
    ['the same text', base, 1, 1],
    ['the same text rewrapped and in capitals', base.toUpperCase().replace(/ /g, '\n'), 1, 1],
    ['an unrelated text', 'Farmers expect a late harvest after a cold and wet spring in the south.', 0, 0.1],
  ])('WHEN compared with %s THEN the estimated similarity is in [%d, %d]', (_, other, min, max) => {
    const sim = similarity(minhash(base), minhash(other));
    expect(sim).toBeGreaterThanOrEqual(min);
    expect(sim).toBeLessThanOrEqual(max);
  });

  test('THEN a signature stored by another scheme (another length) is never taken for a copy', () => {
    const stored = new Uint32Array(MINHASH_SIZE * 2);
    expect(similarity(dedupeKeysOf(base).minhash, stored)).toBe(0);
  });
});
