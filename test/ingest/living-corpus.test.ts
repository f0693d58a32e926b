import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../src/app.ts';
import { fixedClock } from '../../src/clock.ts';
import { answerLine } from '../../src/console/repl.ts';
import { makeDataDir, SEED_ARTICLES, silentLog, testConfig } from '../helpers/test-app.ts';
import { type FeedServer, startFeedServer } from './feed-server.ts';

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(() => server.close());

describe('GIVEN two outlets running the same story, polled by the app', () => {
  test('THEN /brief shows the story once, reported by both, and still finds it after a restart', async () => {
    const dataDir = makeDataDir([SEED_ARTICLES]);
    fs.writeFileSync(
      path.join(dataDir, 'feeds.json'),
      JSON.stringify({
        version: 1,
        feeds: [
          { name: 'Fixture Broadcaster', url: server.url('/rss'), language: 'en', fullText: false, checked: true },
          { name: 'Fixture Wire', url: server.url('/atom'), language: 'en', fullText: false, checked: true },
        ],
      }),
    );
    const config = testConfig(dataDir, { RELEVANCE_MIN_SCORE: '2' });
    const clock = fixedClock(new Date('2026-11-20T12:00:00Z'));
    const app = await createApp(config, silentLog, { clock });
    const reports = await app.ingest?.poller.runRound();
    expect(reports?.map((r) => r.ok)).toEqual([true, true]);

    const reply = (await answerLine('/brief estonia days:7', app.services, silentLog)) ?? '';
    const sources = reply.slice(reply.indexOf('Sources'));
    expect(sources.match(/coastal radar/gi)?.length).toBe(1);
    expect(sources).toMatch(/reported by (Fixture Broadcaster, Fixture Wire|Fixture Wire, Fixture Broadcaster)/);

    const health = (await answerLine('/sources', app.services, silentLog)) ?? '';
    expect(health).toContain('Fixture Broadcaster');
    app.close();

    const restarted = await createApp(config, silentLog, { clock });
    const again = (await answerLine('/brief estonia days:7', restarted.services, silentLog)) ?? '';
    expect(again).toMatch(/coastal radar/i);
    expect(restarted.services.corpus.index.size).toBe(restarted.services.articles.count());
    restarted.close();
  });
});
