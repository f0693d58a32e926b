/**
 * Benchmark: interaction received → reply callback sent, for `/brief`, through the real discord.js client and the
 * fake Discord on loopback. Measured at the fake: from the moment INTERACTION_CREATE is written to the gateway
 * socket until the callback POST has fully arrived, so it includes gateway decoding, routing, the command, rendering
 * and the REST round trip's sending half: what Discord's 3 s deadline counts.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pino from 'pino';
import { createApp } from '../../src/app.ts';
import { startBot } from '../../src/bot/start.ts';
import { loadConfig } from '../../src/config.ts';
import { FakeDiscord } from '../e2e/fake-discord.ts';

export interface InteractionBenchOptions {
  /** Interactions to time (default 500). */
  count?: number;
  /** Corpus directory (articles/ and gazetteer.json); default the repo's data/. */
  dataDir?: string;
  /** An existing store to answer from (copied first, with its saved index); default a new one from `dataDir`. */
  databasePath?: string;
  /** How many articles that corpus holds: reported with the numbers. */
  corpusSize?: number;
  /** Topics asked in turn (default a mix of places, organisations and people). */
  topics?: readonly string[];
  /** Untimed interactions first, so JIT warm-up is not measured (default 20). */
  warmup?: number;
}

export interface InteractionBenchResult {
  count: number;
  corpusSize: number | undefined;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  meanMs: number;
  /** How many answers were deferred (type 5) rather than replied directly. */
  deferred: number;
}

const DEFAULT_TOPICS = ['estonia', 'latvia', 'lithuania', 'nato', 'kallas', 'russia', 'ukraine', 'suwalki', 'drones'];

/** Copies a store and its saved index so the benchmark never changes the original; returns where the copy is. */
function copyStore(from: string | undefined, to: string): string {
  if (from) {
    copyFileSync(from, to);
    if (existsSync(`${from}.index`)) copyFileSync(`${from}.index`, `${to}.index`);
  }
  return to;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/**
 * Starts a fake Discord, the app on a temporary database and the bot, then sends `/brief` interactions one after
 * another and reports p50/p95 of received → callback.
 * @example const { p95Ms } = await benchInteractions({ count: 500, dataDir: corpus10k, corpusSize: 10_000 });
 */
export async function benchInteractions(options: InteractionBenchOptions = {}): Promise<InteractionBenchResult> {
  const count = options.count ?? 500;
  const topics = options.topics ?? DEFAULT_TOPICS;
  const tmp = mkdtempSync(path.join(tmpdir(), 'baltic-brief-bench-'));
  const fake = await FakeDiscord.start();
  const config = loadConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    DATA_DIR: options.dataDir ?? fileURLToPath(new URL('../../data/', import.meta.url)),
    DATABASE_PATH: copyStore(options.databasePath, path.join(tmp, 'bench.sqlite')),
    LOG_LEVEL: 'silent',
  });
  const log = pino({ level: 'silent' });
  const app = await createApp(config, log);
  // The per-user rate limit would (rightly) refuse one user's 500 commands; the bench measures the reply path.
  const bot = await startBot({ app, config, log, rateLimiter: { take: () => ({ allowed: true, retryAfterMs: 0 }) } });
  const latencies: number[] = [];
  let deferred = 0;
  try {
    const warmup = options.warmup ?? 20;
    for (let n = 0; n < warmup + count; n++) {
      const interaction = await fake.settled(fake.slash('brief', { topic: topics[n % topics.length]! }), 10_000);
      if (n < warmup) continue;
      latencies.push(interaction.ack!.at - interaction.sentAt);
      if (interaction.ack!.type === 5) deferred += 1;
    }
  } finally {
    await bot.stop();
    await fake.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return {
    count,
    corpusSize: options.corpusSize,
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    maxMs: round(sorted.at(-1) ?? Number.NaN),
    meanMs: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
    deferred,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const count = Number(process.argv[2] ?? 500);
  console.log(JSON.stringify(await benchInteractions({ count, dataDir: process.argv[3] }), null, 2));
}
