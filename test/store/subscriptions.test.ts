import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../src/store/database.ts';
import { DigestRepository, type SubscriptionInput } from '../../src/store/digests.ts';

const input = (channelId: string, guildId = 'g1'): SubscriptionInput => ({
  guildId,
  channelId,
  channelName: channelId,
  schedule: { minutes: 480, timeZone: 'Europe/Tallinn', days: 127 },
  topics: ['estonia'],
  quiet: false,
});

const delivery = (subscriptionId: number, period = '2026-11-23') => ({
  subscriptionId,
  period,
  dueMs: 1,
  nonce: `d${subscriptionId}.${period}`,
  reply: '{}',
  articleIds: ['a1', 'a2'],
  sinceMs: 0,
  untilMs: 100,
});

describe('digest store', () => {
  test('GIVEN a period already claimed THEN a second claim (a restart, another process) is refused', () => {
    const repo = new DigestRepository(openDatabase(':memory:'));
    const { subscription } = repo.subscribe(input('c1'), 50, 0);
    expect(repo.claim(delivery(subscription.id), 10)).toBe(true);
    expect(repo.claim(delivery(subscription.id), 20)).toBe(false);
    expect(repo.claim(delivery(subscription.id, '2026-11-24'), 20)).toBe(true);
  });

  test('GIVEN a sent delivery THEN its stories are remembered for the channel and the window moves on', () => {
    const repo = new DigestRepository(openDatabase(':memory:'));
    const { subscription } = repo.subscribe(input('c1'), 50, 0);
    repo.claim(delivery(subscription.id), 10);
    expect(repo.pending(10)).toHaveLength(1);
    repo.finish(subscription.id, '2026-11-23', { status: 'sent', messageId: 'm1' }, 999, 30);
    expect(repo.seen('c1')).toEqual(new Set(['a1', 'a2']));
    expect(repo.byChannel('c1')).toMatchObject({ lastUntilMs: 100, nextDueMs: 999 });
    expect(repo.pending(10)).toHaveLength(0);
  });

  test('GIVEN a paused subscription WHEN subscribed again THEN it resumes with the same history', () => {
    const repo = new DigestRepository(openDatabase(':memory:'));
    const { subscription } = repo.subscribe(input('c1'), 50, 0);
    repo.pause(subscription.id, 'the channel was deleted', 60);
    expect(repo.due(100)).toHaveLength(0);
    const again = repo.subscribe(input('c1'), 200, 70);
    expect(again).toMatchObject({
      created: false,
      subscription: { id: subscription.id, pausedReason: null, nextDueMs: 200 },
    });
  });

  test('GIVEN the bot leaves a server THEN that server’s subscriptions, deliveries and seen-lists go, others stay', () => {
    const repo = new DigestRepository(openDatabase(':memory:'));
    const a = repo.subscribe(input('c1', 'g1'), 50, 0).subscription;
    repo.subscribe(input('c2', 'g2'), 50, 0);
    repo.claim(delivery(a.id), 10);
    repo.finish(a.id, '2026-11-23', { status: 'sent', messageId: 'm1' }, 999, 30);
    expect(repo.removeGuild('g1')).toBe(1);
    expect(repo.inGuild('g1')).toEqual([]);
    expect(repo.seen('c1').size).toBe(0);
    expect(repo.delivery(a.id, '2026-11-23')).toBeUndefined();
    expect(repo.inGuild('g2')).toHaveLength(1);
  });
});
