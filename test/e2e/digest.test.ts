/**
 * Daily digests end to end: the real discord.js client and commands against the fake Discord, with the app's clock
 * fixed so "08:00 in Tallinn" arrives when the test says so.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { commands } from '../../commands/index.ts';
import { type App, createApp } from '../../src/app.ts';
import { deployCommands } from '../../src/bot/deploy.ts';
import { type RunningBot, startBot } from '../../src/bot/start.ts';
import { fixedClock } from '../../src/clock.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { makeDataDir } from '../helpers/test-app.ts';
import { addStories } from '../scheduler/digest-articles.ts';
import { FakeDiscord, type FakeInteraction, type FakeMessage } from './fake-discord.ts';

const visible = (m: FakeMessage | undefined) => JSON.stringify({ content: m?.content, embeds: m?.embeds });
const reply = (i: FakeInteraction) => i.followups[0] ?? i.original;

describe('/digest on Discord (fake Discord, real client, fixed clock)', () => {
  let fake: FakeDiscord;
  let app: App;
  let bot: RunningBot;
  let config: Config;
  // Monday 23 November 2026, 07:59 in Tallinn.
  const clock = fixedClock(new Date('2026-11-23T05:59:00Z'));
  let users = 0;
  /** A new member with Manage Server (the fake's default member lacks it). */
  const admin = (): string => {
    const id = `4100000000000000${String(++users).padStart(2, '0')}`;
    fake.memberPermissions.set(id, String(2248473465835073n | (1n << 5n)));
    return id;
  };
  const sub = (name: string, options: Record<string, string> = {}, userId = admin()) =>
    fake.settled(fake.slashSub('digest', name, options, userId));
  let noEmbeds: string;
  let doomed: string;

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    noEmbeds = fake.addChannel({ name: 'no-embeds', deny: 1n << 14n });
    doomed = fake.addChannel({ name: 'doomed' });
    config = loadConfig({
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      DATA_DIR: makeDataDir([]),
      DATABASE_PATH: `${makeDataDir([])}/digest.sqlite`,
      LOG_LEVEL: 'silent',
      DIGEST_MAX_PER_GUILD: '2',
    });
    const log = pino({ level: 'silent' });
    app = await createApp(config, log, { clock });
    addStories(app, [
      { id: 'ee-radar', topic: 'estonia', date: '2026-11-22T20:00:00Z', source: 'ERR News' },
      { id: 'lv-drill', topic: 'latvia', date: '2026-11-23T04:00:00Z', source: 'LSM', variant: 7 },
    ]);
    bot = await startBot({ app, config, log, digestTickMs: 50 });
    await deployCommands({
      config: { ...config, discordGuildId: fake.guildId },
      definitions: commands.map((c) => c.data),
    });
  });

  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
  });

  test('GIVEN /digest subscribe WHEN the clock reaches 08:00 Tallinn THEN the digest arrives in the channel, once', async () => {
    const answer = reply(await sub('subscribe', { time: '08:00', timezone: 'Europe/Tallinn' }));
    expect(answer?.flags).toBe(64);
    expect(answer?.content).toMatch(/Subscribed: #briefings gets the region digest every day at 08:00 Europe\/Tallinn/);
    expect(fake.messagesIn(fake.channelId)).toHaveLength(0);

    clock.set(new Date('2026-11-23T06:00:00Z'));
    await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${fake.channelId}/messages`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const posted = fake.messagesIn(fake.channelId);
    expect(posted).toHaveLength(1);
    const digest = posted[0]!;
    expect(digest.content).toMatch(/^Daily digest: region · 2 new stories since <t:\d+:f>/);
    // Topic sections (the freshest, most relevant story's first), the quote of the day, then the sources.
    expect(digest.embeds.map((e) => e.title).sort()).toEqual(['Estonia', 'Latvia', 'Quote of the day', 'Sources']);
    expect(visible(digest)).toMatch(/Defence Minister/);
    expect(digest.embeds.at(-1)?.title).toBe('Sources');
    // The delivery's marker, small under the sources: what a retry after Discord forgot the nonce looks for.
    expect((digest.embeds.at(-1)?.footer as { text?: string } | undefined)?.text).toMatch(
      /\nDigest 2026-11-23 · Europe\/Tallinn · #\d+$/,
    );
    // One cited line per story (the brackets arrive markdown-escaped).
    expect(digest.embeds.find((e) => e.title === 'Estonia')?.description).toMatch(
      /^• Estonia approved new radar stations along the eastern border\. — ERR News \\\[\d\\\]$/,
    );
    expect(visible(digest)).toContain('https://news.example.org/ee-radar');
    expect(digest.allowed_mentions).toEqual({ parse: [] });
    expect(digest.nonce).toMatch(/^d\d+\.20261123$/);
    const request = fake.requests.find((r) => r.path === `/channels/${fake.channelId}/messages`);
    expect((request?.body as { enforce_nonce?: boolean } | undefined)?.enforce_nonce).toBe(true);
  });

  test('GIVEN /digest test THEN a digest is posted now and the next scheduled one still carries its stories', async () => {
    addStories(app, [{ id: 'ee-cable', topic: 'estonia', date: '2026-11-23T07:00:00Z', variant: 6 }]);
    clock.set(new Date('2026-11-23T09:00:00Z'));
    const answer = reply(await sub('test'));
    expect(answer?.content).toMatch(/Posted a test digest \(1 story\)/);
    const posted = fake.messagesIn(fake.channelId);
    expect(posted).toHaveLength(2);
    expect(posted[1]?.content).toMatch(/^Test digest/);
    expect(visible(posted[1])).toContain('ee-cable');
    const preview = reply(await sub('preview'));
    expect(preview?.flags).toBe(64);
    expect(visible(preview)).toContain('ee-cable');
  });

  test('GIVEN a member without Manage Server THEN subscribe is refused and nothing changes', async () => {
    const member = admin();
    fake.memberPermissions.set(member, String(1n << 11n));
    const answer = reply(await sub('subscribe', { channel: doomed }, member));
    expect(answer?.flags).toBe(64);
    expect(answer?.content).toMatch(/needs the Manage Server permission/);
    expect(app.services.digests.byChannel(doomed)).toBeUndefined();
  });

  test('GIVEN a channel where the bot may not embed THEN subscribe says what is missing', async () => {
    const answer = reply(await sub('subscribe', { channel: noEmbeds }));
    expect(answer?.content).toMatch(/missing Embed Links/);
    expect(app.services.digests.byChannel(noEmbeds)).toBeUndefined();
  });

  test('GIVEN the server is at its limit THEN another subscription is refused with the limit', async () => {
    expect(reply(await sub('subscribe', { channel: doomed, time: '09:30' }))?.content).toMatch(/^Subscribed/);
    const third = fake.addChannel({ name: 'third' });
    expect(reply(await sub('subscribe', { channel: third }))?.content).toMatch(/already has 2 digests/);
  });

  test('GIVEN a 503 and then a 429 THEN the digest is retried with the same nonce and arrives once', async () => {
    const route = `/channels/${fake.channelId}/messages`;
    const before = fake.messagesIn(fake.channelId).length;
    fake.failChannelPosts(fake.channelId, 503);
    fake.rateLimitNext('POST', new RegExp(`^${route}$`), 1);
    clock.set(new Date('2026-11-24T06:00:00Z'));
    await fake.waitForRequest((r) => r.path === route && r.status === 503);
    // The scheduler's backoff runs on the app's clock: move it on once the retry is booked.
    const subId = app.services.digests.byChannel(fake.channelId)!.id;
    await expect.poll(() => app.services.digests.lastDelivery(subId)?.retryAtMs).toBeGreaterThan(0);
    clock.advance(60_000);
    await fake.waitForRequest(
      (r) => r.path === route && r.status === 200 && fake.messagesIn(fake.channelId).length > before,
    );
    const attempts = fake.requests.filter(
      (r) => r.method === 'POST' && r.path === route && (r.body as { nonce?: string }).nonce?.endsWith('.20261124'),
    );
    // discord.js waits out the short 429 itself; the 503 comes back to the scheduler, which retries after its backoff.
    expect(attempts.map((r) => r.status).sort()).toEqual([200, 429, 503]);
    expect(attempts.at(-1)?.status).toBe(200);
    expect(new Set(attempts.map((r) => (r.body as { nonce: string }).nonce)).size).toBe(1);
    expect(fake.messagesIn(fake.channelId)).toHaveLength(before + 1);
    // The retry first looked through the channel's recent messages for this delivery.
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === route && r.status === 200)).toBe(true);
  });

  test('GIVEN a channel that answers 404 THEN the subscription is paused and listed as such', async () => {
    fake.deleteChannel(doomed);
    clock.set(new Date('2026-11-24T07:30:00Z'));
    await fake.waitForRequest((r) => r.path === `/channels/${doomed}/messages` && r.status === 404);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const list = reply(await sub('list'));
    const text = visible(list);
    expect(text).toMatch(/#doomed · 09:30 Europe\/Tallinn, every day/);
    expect(text).toMatch(/PAUSED: the channel was deleted or I can no longer see it/);
    expect(text).toMatch(
      /#briefings · 08:00 Europe\/Tallinn, every day · region\\n {2}next <t:\d+:F> · last <t:\d+:f> \(sent\)/,
    );
  });

  test('GIVEN the bot lost Read Message History WHEN a digest is retried THEN the nonce alone keeps it to one message', async () => {
    const route = `/channels/${fake.channelId}/messages`;
    const channel = fake.channels.get(fake.channelId)!;
    channel.overwrites = [{ id: fake.botRoleId, type: 0, allow: '0', deny: String(1n << 16n) }];
    const before = fake.messagesIn(fake.channelId).length;
    const subId = app.services.digests.byChannel(fake.channelId)!.id;
    fake.failChannelPosts(fake.channelId, 502);
    clock.set(new Date('2026-11-25T06:00:00Z'));
    await expect.poll(() => app.services.digests.lastDelivery(subId)?.retryAtMs).toBeGreaterThan(0);
    clock.advance(60_000);
    await fake.waitForRequest((r) => r.method === 'GET' && r.path === route && r.status === 403);
    await expect.poll(() => app.services.digests.lastDelivery(subId)?.status).toBe('sent');
    expect(fake.messagesIn(fake.channelId)).toHaveLength(before + 1);
    expect(app.services.digests.byChannel(fake.channelId)?.pausedReason).toBeNull();
    // Subscribing again now names what is missing.
    expect(reply(await sub('subscribe'))?.content).toMatch(/missing Read Message History there \(I read recent/);
    channel.overwrites = [];
  });

  test('GIVEN the bot is removed from the server THEN its subscriptions go', async () => {
    expect(app.services.digests.countInGuild(fake.guildId)).toBe(2);
    fake.removeFromGuild();
    await expect.poll(() => app.services.digests.countInGuild(fake.guildId)).toBe(0);
  });
});
