import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createApp } from '../../src/app.ts';
import { fixedClock } from '../../src/clock.ts';
import { FIXTURE_ARTICLES, makeDataDir, SEED_ARTICLES, silentLog, testConfig } from '../helpers/test-app.ts';

const clock = fixedClock(new Date('2026-11-21T12:00:00Z'));

describe('the saved index', () => {
  test('GIVEN a first start THEN the index is saved beside the database and a restart finds the same articles', async () => {
    const config = testConfig(makeDataDir([SEED_ARTICLES, FIXTURE_ARTICLES]));
    const first = await createApp(config, silentLog, { clock });
    const hits = first.services.corpus.index.searchText('cable tanker', {}).map((h) => h.id);
    first.close();
    const snapshot = `${config.databasePath}.index`;
    expect(fs.existsSync(snapshot)).toBe(true);
    const saved = fs.statSync(snapshot).mtimeMs;

    const second = await createApp(config, silentLog, { clock });
    expect(second.services.corpus.index.searchText('cable tanker', {}).map((h) => h.id)).toEqual(hits);
    expect(hits.length).toBe(2);
    second.close();
    expect(fs.statSync(snapshot).mtimeMs).toBe(saved); // loaded, not rebuilt
  });

  test('GIVEN the store changed since the snapshot THEN the index is rebuilt and sees the change', async () => {
    const dataDir = makeDataDir([SEED_ARTICLES]);
    const config = testConfig(dataDir);
    (await createApp(config, silentLog, { clock })).close();
    fs.cpSync(FIXTURE_ARTICLES, `${dataDir}/articles`, { recursive: true });
    const app = await createApp(config, silentLog, { clock });
    expect(app.services.corpus.index.searchText('reservists', {}).length).toBe(1);
    app.close();
  });

  test('GIVEN a corrupt snapshot THEN it is rebuilt, nothing crashes', async () => {
    const config = testConfig(makeDataDir([SEED_ARTICLES]));
    (await createApp(config, silentLog, { clock })).close();
    fs.writeFileSync(`${config.databasePath}.index`, '{"format":1,"enrichment":1,"revision":1}\n{not json');
    const app = await createApp(config, silentLog, { clock });
    expect(app.services.corpus.index.searchText('promises', {}).length).toBe(1);
    app.close();
  });
});
