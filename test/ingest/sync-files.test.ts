import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createApp } from '../../src/app.ts';
import { composeBrief } from '../../src/briefing/brief.ts';
import { fixedClock } from '../../src/clock.ts';
import { syncArticleFiles } from '../../src/ingest/sync-files.ts';
import { loadGazetteer } from '../../src/nlp/gazetteer.ts';
import { ArticleRepository, type StoredArticle } from '../../src/store/articles.ts';
import { openDatabase } from '../../src/store/database.ts';
import { FIXTURE_ARTICLES, makeDataDir, SEED_ARTICLES, silentLog, testConfig } from '../helpers/test-app.ts';

function setup() {
  const dataDir = makeDataDir([SEED_ARTICLES, FIXTURE_ARTICLES]);
  const config = testConfig(dataDir);
  const articles = new ArticleRepository(openDatabase(config.databasePath));
  const gazetteer = loadGazetteer(path.join(dataDir, 'gazetteer.json'));
  const sync = () => syncArticleFiles(path.join(dataDir, 'articles'), articles, gazetteer, silentLog, 1_000);
  return { dataDir, articles, sync };
}

describe('syncArticleFiles', () => {
  test('GIVEN the seed and fixture files THEN good articles are stored enriched, the broken file is skipped', () => {
    const { articles, sync } = setup();
    const report = sync();
    expect(report).toMatchObject({ added: 5, updated: 0, removed: 0, problems: 1 });
    const seed = [...articles.iterate()].find((a) => a.source === 'MENAFN') as StoredArticle;
    expect(seed.date).toBe('2024-03-14T00:00:00.000Z');
    expect(seed.enrichment.topics).toContain('estonia');
    expect(seed.enrichment.quotes.map((q) => [q.text, q.speaker, q.role])).toContainEqual([
      'I do not make such promises, because circumstances may change.',
      'Kaja Kallas',
      'Estonian Prime Minister',
    ]);
  });

  test('GIVEN nothing changed THEN a second sync does no work and the revision stays', () => {
    const { articles, sync } = setup();
    sync();
    const revision = articles.revision();
    expect(sync()).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 5 });
    expect(articles.revision()).toBe(revision);
  });

  test('GIVEN a file edited and one deleted THEN one update and one removal, feed articles untouched', () => {
    const { dataDir, articles, sync } = setup();
    sync();
    const feedArticle = { ...([...articles.iterate()][0] as StoredArticle), id: 'feed-1', origin: 'feed' as const };
    articles.write({ upsert: [feedArticle] }, 2_000);
    const dir = path.join(dataDir, 'articles');
    const md = path.join(dir, '2026-11-18-err-narva.md');
    fs.writeFileSync(md, fs.readFileSync(md, 'utf8').replace('another month', 'another two months'));
    fs.rmSync(path.join(dir, '2026-11-19-lsm-riga-exercise.md'));
    expect(sync()).toMatchObject({ added: 0, updated: 1, removed: 1, unchanged: 3 });
    expect(articles.get('feed-1')?.origin).toBe('feed');
    expect(articles.count()).toBe(5);
  });

  test('GIVEN a missing articles folder THEN nothing crashes and the store is emptied of file articles', () => {
    const { dataDir, articles, sync } = setup();
    sync();
    fs.rmSync(path.join(dataDir, 'articles'), { recursive: true });
    expect(sync()).toMatchObject({ removed: 5, problems: 1 });
    expect(articles.count()).toBe(0);
  });
});

describe('story clusters for article files', () => {
  test('GIVEN the same story as two outlets’ files THEN one story, shown once and reported by both', async () => {
    const { dataDir, articles, sync } = setup();
    const dir = path.join(dataDir, 'articles');
    const original = JSON.parse(fs.readFileSync(path.join(dir, '2026-11-20-brt-cables.json'), 'utf8'));
    const copy = {
      ...original,
      source: 'Yle News',
      url: 'https://yle.fi/fixture/cable-copy',
      title: 'Helsinki–Tallinn data cable damaged',
      body: `HELSINKI (Yle) — ${original.body}\n\nYle's reporters in Helsinki contributed to this report.`,
    };
    fs.writeFileSync(path.join(dir, 'yle-copy.json'), JSON.stringify(copy));
    sync();
    const stored = [...articles.iterate()].filter((a) => a.title.includes('cable'));
    const clusters = new Map(stored.map((a) => [a.source, a.clusterId ?? a.id]));
    expect(clusters.get('Yle News')).toBe(clusters.get('The Baltic Times'));
    const app = await createApp(testConfig(dataDir), silentLog, {
      clock: fixedClock(new Date('2026-11-21T12:00:00Z')),
    });
    const result = composeBrief(app.services.corpus, app.services.corpus.resolve('estonia'), {
      now: new Date('2026-11-21T12:00:00Z'),
      defaultDays: 7,
    });
    app.close();
    if (!result.ok) throw new Error('expected a brief');
    const cable = result.brief.sources.filter((s) => /cable/i.test(s.title));
    expect(cable).toHaveLength(1);
    expect(cable[0]?.reportedBy).toEqual(expect.arrayContaining(['The Baltic Times', 'Yle News']));
  });
});
