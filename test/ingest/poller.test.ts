import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import type { FetchLimits } from '../../src/ingest/fetch.ts';
import { MAX_FAILURES, type PollDeps, pollFeed } from '../../src/ingest/poller.ts';
import { loadGazetteer } from '../../src/nlp/gazetteer.ts';
import { ArticleRepository } from '../../src/store/articles.ts';
import { openDatabase } from '../../src/store/database.ts';
import { FeedRepository } from '../../src/store/feeds.ts';
import { REPO, silentLog } from '../helpers/test-app.ts';
import { FEED_FIXTURES, type FeedServer, startFeedServer } from './feed-server.ts';

const LIMITS: FetchLimits = { timeoutMs: 400, maxBytes: 64 * 1024, maxRedirects: 3, userAgent: 'BalticBrief-test/1' };
const gazetteer = loadGazetteer(path.join(REPO, 'data/gazetteer.json'));
let server: FeedServer;

beforeAll(async () => {
  server = await startFeedServer({
    // The RSS fixture with links to this server's article page, for full-text extraction.
    '/rss-local': (_req, res) => {
      const xml = fs
        .readFileSync(path.join(FEED_FIXTURES, 'rss2.xml'), 'utf8')
        .replace(/https:\/\/fixture-broadcaster\.example\/news\/(\d+)[^<]*/g, (_m, id) => server.url(`/page/${id}`));
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(xml);
    },
  });
});
afterAll(() => server.close());

function setup(route: string, options: { fullText?: boolean; minRelevance?: number } = {}) {
  const db = openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bb-poll-')), 'db.sqlite'));
  const articles = new ArticleRepository(db);
  const feeds = new FeedRepository(db);
  const url = server.url(route);
  feeds.register([{ url, name: `Outlet ${route}`, language: 'en', fullText: options.fullText ?? false }]);
  const clock = fixedClock(new Date('2026-11-20T12:00:00Z'));
  const deps: PollDeps = {
    articles,
    feeds,
    gazetteer,
    clock,
    log: silentLog,
    intervalMs: 15 * 60_000,
    minRelevance: options.minRelevance ?? 2,
    limits: LIMITS,
  };
  const poll = () => pollFeed(feeds.get(url) as NonNullable<ReturnType<typeof feeds.get>>, deps);
  return { db, articles, feeds, url, clock, deps, poll, state: () => feeds.get(url) };
}

describe('GIVEN a fixture feed in each format', () => {
  test.each([
    ['/rss', 'RSS 2.0', 2, 'Estonia orders new coastal radar to watch Baltic Sea cables'],
    ['/rdf', 'RSS 1.0 / RDF', 1, 'Lithuania hosts NATO air defence drill near Vilnius'],
    ['/atom', 'Atom', 1, 'Estonia buys coastal radars to guard Baltic Sea cables'],
    ['/json', 'JSON Feed', 1, 'Poland and Lithuania agree joint patrols near Kaliningrad'],
    ['/gzip', 'gzip-encoded RDF', 1, 'Lithuania hosts NATO air defence drill near Vilnius'],
  ])('THEN %s (%s) is read into %i plain-text article(s), off-region ones left out', async (route, _f, n, title) => {
    const t = setup(route);
    const report = await t.poll();
    expect(report).toMatchObject({ ok: true, status: 200, added: n });
    const stored = [...t.articles.iterate()];
    expect(stored.map((a) => a.title)).toContain(title);
    for (const a of stored) {
      expect(a.body).not.toMatch(/<\/?[a-z]+>|&amp;|&lt;/);
      expect(a.origin).toBe('feed');
      if (a.url) expect(a.url).not.toMatch(/utm_|#/);
    }
    expect(t.state()).toMatchObject({ failures: 0, lastStatus: 200, articlesAdded: n });
  });

  test('THEN the RSS item off the region (a bakery prize) is left out', async () => {
    const t = setup('/rss');
    const report = await t.poll();
    expect(report.offRegion).toBe(1);
    expect([...t.articles.iterate()].some((a) => /bakery/i.test(a.body))).toBe(false);
  });
});

describe('GIVEN a feed polled twice', () => {
  test('THEN the second fetch is conditional, answered 304, and stores nothing twice', async () => {
    const t = setup('/rss');
    await t.poll();
    const before = t.articles.revision();
    t.clock.advance(16 * 60_000);
    const second = await t.poll();
    expect(second).toMatchObject({ ok: true, status: 304, notModified: true });
    const last = server.requests.filter((r) => r.path === '/rss').at(-1);
    expect(last?.headers['if-none-match']).toBe('"rss-v1"');
    expect(last?.headers['user-agent']).toBe('BalticBrief-test/1');
    expect(last?.headers['accept-encoding']).toMatch(/gzip/);
    expect(t.articles.revision()).toBe(before);
    expect(t.state()).toMatchObject({ failures: 0, lastStatus: 304, etag: '"rss-v1"' });
  });
});

describe('GIVEN a feed that fails', () => {
  test.each([
    ['/500', 'HTTP 500', 500],
    ['/slow', 'no complete answer within 400 ms', undefined],
    ['/loop', 'more than 3 redirects', 302],
    ['/big', 'body larger than 65536 bytes', 200],
    ['/bomb', 'feed declares XML entities (refused: entity expansion)', undefined],
    ['/nowhere', 'HTTP 404', 404],
  ])('WHEN it is %s THEN the failure "%s" is recorded and the feed backs off', async (route, error, status) => {
    const t = setup(route);
    const report = await t.poll();
    expect(report.ok).toBe(false);
    expect(report.error).toBe(error);
    const state = t.state();
    expect(state).toMatchObject({ failures: 1, lastError: error });
    if (status !== undefined && route !== '/bomb') expect(state?.lastStatus).toBe(status);
    expect(state?.nextFetchMs).toBe(t.clock.now().getTime() + 2 * 15 * 60_000);
    expect(t.articles.count()).toBe(0);
  });

  test('THEN the back-off doubles on each failure and the feed is disabled after the last, with the reason', async () => {
    const t = setup('/500');
    const waits: number[] = [];
    for (let i = 0; i < MAX_FAILURES; i++) {
      const before = t.clock.now().getTime();
      await t.poll();
      waits.push((t.state()?.nextFetchMs ?? 0) - before);
      t.clock.set(new Date(t.state()?.nextFetchMs ?? 0));
    }
    expect(waits.slice(0, 4)).toEqual([30, 60, 120, 240].map((m) => m * 60_000));
    expect(t.state()?.disabledReason).toBe(`${MAX_FAILURES} failures in a row, last: HTTP 500`);
    expect(t.feeds.due(Number.MAX_SAFE_INTEGER)).toEqual([]);
  });

  test('THEN a 410 Gone disables the feed at once', async () => {
    const t = setup('/gone');
    await t.poll();
    expect(t.state()?.disabledReason).toBe('HTTP 410: the feed is gone');
  });
});

describe('GIVEN awkward but readable feeds', () => {
  test('WHEN bytes are invalid UTF-8 THEN they are replaced, the article kept, and a warning recorded', async () => {
    const t = setup('/bad-utf8');
    const report = await t.poll();
    expect(report).toMatchObject({ ok: true, added: 1 });
    expect(t.state()).toMatchObject({ failures: 0, lastError: 'invalid utf-8 bytes replaced' });
    expect([...t.articles.iterate()][0]?.body).toContain('\uFFFD');
  });

  test('WHEN items lack dates and links THEN they are dated by the fetch, identified by content, and not taken twice', async () => {
    const t = setup('/undated', { minRelevance: 1 });
    const first = await t.poll();
    expect(first).toMatchObject({ ok: true, items: 2, added: 2 });
    const stored = [...t.articles.iterate()];
    expect(stored.every((a) => a.date === '2026-11-20T12:00:00.000Z' && a.url === undefined)).toBe(true);
    expect(stored.map((a) => a.title)).toContain('Finland reopens one crossing on the Russian border');
    t.clock.advance(16 * 60_000);
    const second = await t.poll();
    expect(second).toMatchObject({ ok: true, newItems: 0, added: 0 });
  });

  test('WHEN the feed asks for full text THEN the page main text replaces the teaser, without navigation', async () => {
    const t = setup('/rss-local', { fullText: true });
    await t.poll();
    const radar = [...t.articles.iterate()].find((a) => a.title.startsWith('Estonia orders'));
    expect(radar?.body).toContain('Full-text marker');
    expect(radar?.body).not.toMatch(/Cookie settings|Home News Sport/);
  });
});
