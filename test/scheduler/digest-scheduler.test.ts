/**
 * The scheduler with a fake clock and a recording poster, on the real app (SQLite store, index, corpus): when digests
 * go out, what they carry, and what happens when a channel fails.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { App } from '../../src/app.ts';
import { createApp } from '../../src/app.ts';
import { type DeliveryKey, digestMarker, readDigestMarkers } from '../../src/briefing/digest-reply.ts';
import type { Reply } from '../../src/briefing/reply.ts';
import { fixedClock } from '../../src/clock.ts';
import { DigestScheduler } from '../../src/scheduler/digest-scheduler.ts';
import type { DigestPoster, HistoryCheck, PostOutcome } from '../../src/scheduler/poster.ts';
import { EVERY_DAY, nextSlot, parseDays, type Schedule } from '../../src/scheduler/schedule.ts';
import type { SubscriptionInput } from '../../src/store/digests.ts';
import { makeDataDir, silentLog, testConfig } from '../helpers/test-app.ts';
import { addStories } from './digest-articles.ts';

interface Post {
  channelId: string;
  reply: Reply;
  nonce: string;
  at: string;
}

/**
 * A poster that records posts and looks into channel history, and answers what the test scripts (default: the post
 * succeeds, the look finds nothing).
 */
function recordingPoster(clock: { now(): Date }) {
  const posts: Post[] = [];
  const looks: { channelId: string; key: DeliveryKey }[] = [];
  const script = new Map<string, PostOutcome[]>();
  const history = new Map<string, HistoryCheck[]>();
  const poster: DigestPoster = {
    async post(channelId, reply, nonce) {
      posts.push({ channelId, reply, nonce, at: clock.now().toISOString() });
      const next = script.get(channelId)?.shift();
      return next ?? { ok: true, messageId: `m${posts.length}` };
    },
    async findDelivered(channelId, key) {
      looks.push({ channelId, key });
      return history.get(channelId)?.shift() ?? { kind: 'absent' };
    },
  };
  return { poster, posts, looks, script, history };
}

const text = (reply: Reply) => JSON.stringify(reply);
const tallinn = (minutes = 480, days = EVERY_DAY): Schedule => ({ minutes, timeZone: 'Europe/Tallinn', days });

describe('digest scheduler (fake clock)', () => {
  let app: App;
  let clock: ReturnType<typeof fixedClock>;
  let rec: ReturnType<typeof recordingPoster>;
  let scheduler: DigestScheduler;

  beforeEach(async () => {
    // Monday 23 November 2026, 05:00 UTC = 07:00 in Tallinn (EET, +2).
    clock = fixedClock(new Date('2026-11-23T05:00:00Z'));
    app = await createApp(testConfig(makeDataDir([])), silentLog, { clock });
    rec = recordingPoster(clock);
    scheduler = new DigestScheduler({
      repo: app.services.digests,
      corpus: app.services.corpus,
      clock,
      poster: rec.poster,
      log: silentLog,
      backoffMs: () => 60_000,
    });
  });
  afterEach(() => app.close());

  function subscribe(channelId: string, extra: Partial<SubscriptionInput> = {}) {
    const input: SubscriptionInput = {
      guildId: 'g1',
      channelId,
      channelName: channelId,
      schedule: tallinn(),
      topics: [],
      quiet: false,
      ...extra,
    };
    const now = clock.now().getTime();
    return app.services.digests.subscribe(input, nextSlot(now, input.schedule)?.dueMs ?? null, now).subscription;
  }

  test('GIVEN a subscription for 08:00 Tallinn WHEN the clock reaches 08:00 local THEN one digest goes out, not before', async () => {
    addStories(app, [
      { id: 'ee-1', topic: 'estonia', date: '2026-11-22T18:00:00Z' },
      { id: 'lv-1', topic: 'latvia', date: '2026-11-23T04:00:00Z', variant: 1 },
    ]);
    subscribe('c1');
    clock.set(new Date('2026-11-23T05:59:00Z'));
    await scheduler.tick();
    expect(rec.posts).toHaveLength(0);
    clock.set(new Date('2026-11-23T06:00:00Z'));
    await scheduler.tick();
    await scheduler.tick();
    expect(rec.posts).toHaveLength(1);
    const [post] = rec.posts;
    expect(post?.at).toBe('2026-11-23T06:00:00.000Z');
    expect(post?.nonce).toMatch(/^d\d+\.20261123$/);
    // Grouped by topic, each story one cited line, with sources.
    const titles = post?.reply.sections?.map((s) => s.title);
    expect(titles).toEqual(expect.arrayContaining(['Estonia', 'Latvia', 'Sources']));
    expect(text(post!.reply)).toMatch(
      /• Estonia approved new radar stations along the eastern border\. — Test Wire \[\d\]/,
    );
    expect(app.services.digests.byChannel('c1')?.nextDueMs).toBe(Date.parse('2026-11-24T06:00:00Z'));
  });

  test('GIVEN the first digest THEN it covers the last 24 hours only', async () => {
    addStories(app, [
      { id: 'old', topic: 'estonia', date: '2026-11-21T12:00:00Z' },
      { id: 'new', topic: 'estonia', date: '2026-11-22T12:00:00Z', variant: 3 },
    ]);
    subscribe('c1');
    clock.set(new Date('2026-11-23T06:00:00Z'));
    await scheduler.tick();
    expect(text(rec.posts[0]!.reply)).toContain('news.example.org/new');
    expect(text(rec.posts[0]!.reply)).not.toContain('news.example.org/old');
  });

  test('GIVEN two days of digests THEN no story is sent twice and new ones arrive', async () => {
    addStories(app, [{ id: 'day1', topic: 'estonia', date: '2026-11-23T04:30:00Z' }]);
    subscribe('c1');
    clock.set(new Date('2026-11-23T06:00:00Z'));
    await scheduler.tick();
    // Published just before the first digest but indexed after it: the late-arrival margin still catches it.
    addStories(app, [
      { id: 'late', topic: 'estonia', date: '2026-11-23T05:30:00Z', variant: 4 },
      { id: 'day2', topic: 'estonia', date: '2026-11-23T20:00:00Z', variant: 5 },
    ]);
    clock.set(new Date('2026-11-24T06:00:00Z'));
    await scheduler.tick();
    expect(rec.posts).toHaveLength(2);
    const second = text(rec.posts[1]!.reply);
    expect(second).toContain('news.example.org/day2');
    expect(second).toContain('news.example.org/late');
    expect(second).not.toContain('news.example.org/day1');
  });

  test.each([
    ['note', false, 1],
    ['silence', true, 0],
  ])('GIVEN a day without news and a subscription that wants a %s THEN %#', async (_want, quiet, posts) => {
    subscribe('c1', { quiet });
    clock.set(new Date('2026-11-23T06:00:00Z'));
    await scheduler.tick();
    expect(rec.posts).toHaveLength(posts);
    if (posts) {
      expect(rec.posts[0]?.reply.content).toMatch(
        /^No new region stories since <t:\d+:f>\.\nDigest 2026-11-23 · Europe\/Tallinn · #\d+$/,
      );
    }
    // Either way the period is done: nothing more today.
    await scheduler.tick();
    expect(rec.posts).toHaveLength(posts);
    expect(app.services.digests.lastDelivery(app.services.digests.byChannel('c1')!.id)?.status).toBe(
      quiet ? 'skipped' : 'sent',
    );
  });

  test('GIVEN weekdays only WHEN Saturday 08:00 comes THEN nothing; Monday THEN the digest', async () => {
    clock.set(new Date('2026-11-27T18:00:00Z'));
    subscribe('c1', { schedule: tallinn(480, parseDays('weekdays')!) });
    clock.set(new Date('2026-11-28T06:00:00Z'));
    await scheduler.tick();
    expect(rec.posts).toHaveLength(0);
    clock.set(new Date('2026-11-30T06:00:00Z'));
    await scheduler.tick();
    expect(rec.posts.map((p) => p.nonce)).toEqual([expect.stringMatching(/\.20261130$/)]);
  });

  test('GIVEN the bot was down for three daily slots THEN one digest, the latest, and the schedule carries on', async () => {
    subscribe('c1');
    clock.set(new Date('2026-11-26T09:00:00Z'));
    await scheduler.tick();
    await scheduler.tick();
    expect(rec.posts.map((p) => p.nonce)).toEqual([expect.stringMatching(/\.20261126$/)]);
    expect(app.services.digests.byChannel('c1')?.nextDueMs).toBe(Date.parse('2026-11-27T06:00:00Z'));
  });

  test('GIVEN a subscription made after today’s slot THEN no digest until tomorrow', async () => {
    clock.set(new Date('2026-11-23T09:00:00Z'));
    subscribe('c1');
    await scheduler.tick();
    expect(rec.posts).toHaveLength(0);
  });

  test('GIVEN the DST change day (29 March) THEN the Tallinn digest comes at 08:00 local, 05:00 UTC', async () => {
    clock.set(new Date('2026-03-28T07:00:00Z'));
    subscribe('c1');
    clock.set(new Date('2026-03-29T04:59:00Z'));
    await scheduler.tick();
    expect(rec.posts).toHaveLength(0);
    clock.set(new Date('2026-03-29T05:00:00Z'));
    await scheduler.tick();
    expect(rec.posts.map((p) => [p.nonce.slice(-8), p.at])).toEqual([['20260329', '2026-03-29T05:00:00.000Z']]);
  });

  test('GIVEN a channel answering 404 THEN its subscription pauses with the reason and the others still get theirs', async () => {
    subscribe('gone');
    subscribe('fine');
    rec.script.set('gone', [{ ok: false, kind: 'pause', status: 404, reason: 'the channel was deleted' }]);
    clock.set(new Date('2026-11-23T06:00:00Z'));
    const report = await scheduler.tick();
    expect(report).toMatchObject({ sent: 1, paused: 1 });
    expect(app.services.digests.byChannel('gone')).toMatchObject({
      pausedReason: 'the channel was deleted',
      nextDueMs: null,
    });
    clock.set(new Date('2026-11-24T06:00:00Z'));
    await scheduler.tick();
    expect(rec.posts.filter((p) => p.channelId === 'gone')).toHaveLength(1);
    expect(rec.posts.filter((p) => p.channelId === 'fine')).toHaveLength(2);
  });

  test('GIVEN a 5xx THEN the same digest is retried after the backoff with the same nonce', async () => {
    addStories(app, [{ id: 'ee', topic: 'estonia', date: '2026-11-23T04:00:00Z' }]);
    subscribe('c1');
    rec.script.set('c1', [
      { ok: false, kind: 'retry', status: 502, reason: 'Discord answered 502' },
      { ok: false, kind: 'retry', status: 500, reason: 'Discord answered 500' },
    ]);
    clock.set(new Date('2026-11-23T06:00:00Z'));
    await scheduler.tick();
    addStories(app, [{ id: 'ee2', topic: 'estonia', date: '2026-11-23T06:00:00Z', variant: 7 }]);
    await scheduler.tick(); // within the backoff: nothing
    clock.advance(60_000);
    await scheduler.tick();
    clock.advance(60_000);
    await scheduler.tick();
    expect(rec.posts).toHaveLength(3);
    expect(new Set(rec.posts.map((p) => p.nonce)).size).toBe(1);
    expect(new Set(rec.posts.map((p) => text(p.reply))).size).toBe(1);
    expect(app.services.digests.lastDelivery(app.services.digests.byChannel('c1')!.id)?.status).toBe('sent');
  });

  test('GIVEN a digest THEN its last footer names the delivery: day, zone and subscription', async () => {
    addStories(app, [{ id: 'ee', topic: 'estonia', date: '2026-11-23T04:00:00Z' }]);
    const sub = subscribe('c1');
    clock.set(new Date('2026-11-23T06:00:00Z'));
    await scheduler.tick();
    const footer = rec.posts[0]?.reply.sections?.at(-1)?.footer ?? '';
    expect(footer.split('\n')).toEqual([
      expect.stringMatching(/^Baltic Brief daily digest/),
      `Digest 2026-11-23 · Europe/Tallinn · #${sub.id}`,
    ]);
    // The first attempt of a fresh claim posts straight away: nothing can be in the channel yet.
    expect(rec.looks).toHaveLength(0);
  });

  test.each([
    // [what the channel's history shows, posts in all, the delivery's status, its message]
    ['the digest already arrived', { kind: 'found', messageId: 'm-earlier' }, 1, 'sent', 'm-earlier'],
    ['no such digest', { kind: 'absent' }, 2, 'sent', 'm2'],
    [
      'nothing: no Read Message History (403)',
      { kind: 'unreadable', status: 403, reason: 'Missing Access' },
      2,
      'sent',
      'm2',
    ],
    [
      'nothing yet: reading failed (503)',
      { kind: 'retry', status: 503, reason: 'Discord answered 503' },
      1,
      'claimed',
      null,
    ],
  ] as const)(
    'GIVEN a retried claim WHEN the history shows %s THEN %i post(s) in all, delivery %s',
    async (_shows, look, posts, status, messageId) => {
      addStories(app, [{ id: 'ee', topic: 'estonia', date: '2026-11-23T04:00:00Z' }]);
      const sub = subscribe('c1');
      // The first post times out: Discord may or may not have created the message.
      rec.script.set('c1', [{ ok: false, kind: 'retry', reason: 'network timeout' }]);
      rec.history.set('c1', [look as HistoryCheck]);
      clock.set(new Date('2026-11-23T06:00:00Z'));
      await scheduler.tick();
      clock.advance(60_000);
      const report = await scheduler.tick();
      expect(rec.looks).toEqual([{ channelId: 'c1', key: { subscriptionId: sub.id, period: '2026-11-23' } }]);
      expect(rec.posts).toHaveLength(posts);
      expect(new Set(rec.posts.map((p) => p.nonce)).size).toBe(1);
      expect(report.recovered).toBe(look.kind === 'found' ? 1 : 0);
      const delivery = app.services.digests.lastDelivery(sub.id);
      expect(delivery).toMatchObject({ status, messageId });
      // Whatever happened, the subscription carries on.
      expect(app.services.digests.byChannel('c1')?.pausedReason).toBeNull();
    },
  );

  test.each([
    [
      'a footer',
      'Baltic Brief daily digest\nDigest 2026-11-27 · Europe/Tallinn · #12',
      [{ subscriptionId: 12, period: '2026-11-27' }],
    ],
    [
      'escaped content',
      'No new stories.\nDigest 2026-11-27 · America/New\\_York · #3',
      [{ subscriptionId: 3, period: '2026-11-27' }],
    ],
    ['another subscription', 'Digest 2026-11-27 · UTC · #123', [{ subscriptionId: 123, period: '2026-11-27' }]],
    ['no marker', 'Test digest (not a scheduled delivery).', []],
  ])('GIVEN %s THEN the delivery marker reads back', (_what, textIn, keys) => {
    expect(readDigestMarkers(textIn)).toEqual(keys);
    for (const key of keys) {
      expect(readDigestMarkers(digestMarker({ ...key, timeZone: 'Europe/Riga' }))).toEqual([key]);
    }
  });

  test('GIVEN a shard that does not own the guild THEN it delivers nothing for it', async () => {
    subscribe('c1', { guildId: 'other-shard' });
    const shard = new DigestScheduler({
      repo: app.services.digests,
      corpus: app.services.corpus,
      clock,
      poster: rec.poster,
      log: silentLog,
      ownsGuild: (id) => id === 'g1',
    });
    clock.set(new Date('2026-11-23T06:00:00Z'));
    await shard.tick();
    expect(rec.posts).toHaveLength(0);
  });

  test('GIVEN 60 subscriptions over 3 topic sets at one time THEN 3 compositions serve them all', async () => {
    addStories(app, [
      { id: 'a', topic: 'estonia', date: '2026-11-23T01:00:00Z' },
      { id: 'b', topic: 'latvia', date: '2026-11-23T02:00:00Z', variant: 2 },
    ]);
    const sets = [['estonia'], ['latvia'], ['estonia', 'latvia']];
    for (let i = 0; i < 60; i++) subscribe(`ch${i}`, { topics: sets[i % 3] });
    clock.set(new Date('2026-11-23T06:00:00Z'));
    const report = await scheduler.tick();
    expect(report).toMatchObject({ sent: 60, composed: 3 });
  });
});
