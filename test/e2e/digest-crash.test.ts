/**
 * Crash safety of digest delivery, with the real bot process: failpoints kill it (SIGKILL) between claim and send,
 * then between send and mark; after each restart the fake Discord's log must still hold exactly one digest per
 * subscription and period, and every subscription must still be there — also when the restart comes after Discord
 * has forgotten the message nonce (then the digest's marker in the channel's history is what finds it).
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
  const tmps: string[] = [];

  /** Runs the bot until it exits (a failpoint) or `until` holds (then SIGTERM); returns how it ended. */
  async function runBot(
    env: NodeJS.ProcessEnv,
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

  /**
   * A fresh store, as earlier runs of the bot would have left it: stories from the last hours and three subscriptions
   * (on three new channels), made two days ago, whose time today has just passed — so their period is due the moment
   * the bot starts.
   */
  async function seed(): Promise<{ env: NodeJS.ProcessEnv; channels: string[] }> {
    const tmp = mkdtempSync(path.join(tmpdir(), 'bb-digest-crash-'));
    tmps.push(tmp);
    const channels = [1, 2, 3].map((n) => fake.addChannel({ name: `digest-${tmps.length}-${n}` }));
    const env = {
      ...process.env,
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      DATA_DIR: makeDataDir([]),
      DATABASE_PATH: path.join(tmp, 'brief.sqlite'),
      LOG_LEVEL: 'warn',
    };
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
    return { env, channels };
  }

  beforeAll(async () => {
    // One fake for every case: each case adds its channels before its bot logs in, so GUILD_CREATE lists them.
    fake = await FakeDiscord.start();
  }, 30_000);

  afterAll(async () => {
    await fake?.close();
    for (const tmp of tmps) rmSync(tmp, { recursive: true, force: true });
  });

  const requests = (method: string, channelId: string) =>
    fake.requests.filter((r) => r.method === method && r.path === `/channels/${channelId}/messages`);

  test.each([
    // [kills before the recovering run, whether Discord forgets the nonces before it]
    ['after-claim, then after-send', ['after-claim', 'after-send'], false],
    ['after-send, and Discord forgets the nonces before the restart', ['after-send'], true],
  ])(
    'GIVEN kills %s THEN one digest per subscription and period, all subscriptions kept',
    async (_name, kills, forget) => {
      const { env, channels } = await seed();
      for (const failpoint of kills) {
        expect(await runBot(env, failpoint)).toEqual({ code: null, signal: 'SIGKILL' });
        // Nothing reaches Discord before the send-side kill.
        if (failpoint === 'after-claim') expect(channels.flatMap((c) => fake.messagesIn(c))).toHaveLength(0);
      }
      const landed = channels.filter((c) => fake.messagesIn(c).length > 0);
      expect(landed.length).toBeGreaterThanOrEqual(1);
      // Minutes pass: a repeated nonce would now create a second message.
      if (forget) fake.forgetNonces();

      // Recovers: each claim first looks for its digest in the channel; what is there is recorded, the rest is posted.
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
      expect(await runBot(env, '', allDelivered)).toEqual({ code: 0, signal: null });

      for (const channelId of channels) {
        const messages = fake.messagesIn(channelId);
        expect(messages, `channel ${channelId}`).toHaveLength(1);
        expect(messages[0]?.content).toMatch(/^Daily digest: region · 2 new stories/);
        // Every attempt for this channel carried the same nonce with enforce_nonce.
        const nonces = new Set(requests('POST', channelId).map((r) => (r.body as { nonce: string }).nonce));
        expect(nonces.size).toBe(1);
      }
      // What landed before the kill was found in the channel's history, not posted again.
      for (const channelId of landed) {
        expect(requests('GET', channelId).length, `channel ${channelId}`).toBeGreaterThanOrEqual(1);
        expect(requests('POST', channelId), `channel ${channelId}`).toHaveLength(1);
      }

      const db = openDatabase(env.DATABASE_PATH as string);
      const store = new DigestRepository(db);
      expect(
        store
          .inGuild(fake.guildId)
          .map((s) => s.channelId)
          .filter((c) => channels.includes(c))
          .sort(),
      ).toEqual([...channels].sort());
      db.close();
    },
    60_000,
  );
});
