/**
 * Crash safety of digest delivery, with the real bot process: failpoints kill it (SIGKILL) between claim and send,
 * then between send and mark; after each restart the fake Discord's log must still hold exactly one digest per
 * subscription and period, and every subscription must still be there.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { EVERY_DAY, latestSlot, type Schedule } from '../../src/scheduler/schedule.ts';
import { openDatabase } from '../../src/store/database.ts';
import { DigestRepository } from '../../src/store/digests.ts';
import { makeDataDir, silentLog } from '../helpers/test-app.ts';
import { addStories } from '../scheduler/digest-articles.ts';
import { FakeDiscord } from './fake-discord.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));

describe('digest delivery survives SIGKILL at the worst moments', () => {
  let fake: FakeDiscord;
  let tmp: string;
  let env: NodeJS.ProcessEnv;
  let channels: string[];

  /** Runs the bot until it exits (a failpoint) or `until` holds (then SIGTERM); returns how it ended. */
  async function runBot(
    failpoints: string,
    until?: () => boolean,
  ): Promise<{ code: number | null; signal: string | null }> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: repo,
      env: { ...env, BB_FAILPOINTS: failpoints },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr.resume();
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    if (until) {
      const poll = setInterval(() => {
        if (until()) {
          clearInterval(poll);
          child.kill('SIGTERM');
        }
      }, 50);
      exited.finally(() => clearInterval(poll));
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const result = await exited;
    clearTimeout(timer);
    return result;
  }

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    channels = [fake.channelId, fake.addChannel({ name: 'second' }), fake.addChannel({ name: 'third' })];
    tmp = mkdtempSync(path.join(tmpdir(), 'bb-digest-crash-'));
    env = {
      ...process.env,
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      DATA_DIR: makeDataDir([]),
      DATABASE_PATH: path.join(tmp, 'brief.sqlite'),
      LOG_LEVEL: 'warn',
    };
    // Seed, as earlier runs of the bot would have: stories from the last hours and three subscriptions, made two days
    // ago, whose time today has just passed — so their period is due the moment the bot starts.
    const config = loadConfig({ ...env, BB_FAILPOINTS: '' } as Record<string, string>);
    const app = await createApp(config, silentLog);
    const now = Date.now();
    addStories(app, [
      { id: 'ee-crash', topic: 'estonia', date: new Date(now - 3_600_000).toISOString() },
      { id: 'lv-crash', topic: 'latvia', date: new Date(now - 7_200_000).toISOString(), variant: 5 },
    ]);
    const minutes = (Math.floor(now / 60_000) - 2) % 1440;
    const schedule: Schedule = { minutes: (minutes + 1440) % 1440, timeZone: 'UTC', days: EVERY_DAY };
    const due = latestSlot(now, schedule)?.dueMs ?? null;
    for (const channelId of channels) {
      app.services.digests.subscribe(
        { guildId: fake.guildId, channelId, channelName: 'x', schedule, topics: [], quiet: false },
        due,
        now - 2 * 86_400_000,
      );
    }
    app.close();
  }, 30_000);

  afterAll(async () => {
    await fake?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  const posts = (channelId: string) =>
    fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`);

  test('GIVEN kills after claim and after send THEN one digest per subscription and period, all subscriptions kept', async () => {
    // 1. Dies right after claiming the first period: nothing was sent.
    expect(await runBot('after-claim')).toEqual({ code: null, signal: 'SIGKILL' });
    expect(fake.channelMessages).toHaveLength(0);

    // 2. Retries that claim (same nonce), and dies right after Discord accepted a post, before recording it.
    expect(await runBot('after-send')).toEqual({ code: null, signal: 'SIGKILL' });
    expect(fake.channelMessages.length).toBeGreaterThanOrEqual(1);

    // 3. Recovers: posts what was claimed again with the same nonce (Discord keeps one message), delivers the rest.
    const allDelivered = () => {
      const db = openDatabase(env.DATABASE_PATH as string);
      try {
        return (
          (db.prepare("SELECT COUNT(*) AS n FROM deliveries WHERE status = 'sent'").get() as { n: number }).n ===
          channels.length
        );
      } finally {
        db.close();
      }
    };
    expect(await runBot('', allDelivered)).toEqual({ code: 0, signal: null });

    for (const channelId of channels) {
      const messages = fake.messagesIn(channelId);
      expect(messages, `channel ${channelId}`).toHaveLength(1);
      expect(messages[0]?.content).toMatch(/^Daily digest: region · 2 new stories/);
      // Every attempt for this channel carried the same nonce with enforce_nonce.
      const nonces = new Set(posts(channelId).map((r) => (r.body as { nonce: string }).nonce));
      expect(nonces.size).toBe(1);
    }
    // The first channel's digest was posted at least twice (after the send-side kill) and still shows once.
    expect(posts(channels[0]!).length).toBeGreaterThanOrEqual(2);

    const db = openDatabase(env.DATABASE_PATH as string);
    const store = new DigestRepository(db);
    expect(
      store
        .inGuild(fake.guildId)
        .map((s) => s.channelId)
        .sort(),
    ).toEqual([...channels].sort());
    db.close();
  }, 60_000);
});
