/**
 * Benchmark: 1,000 digest subscriptions over 50 distinct topic sets, all due at the same minute.
 * 1. Compose: every subscription's digest, each distinct topic set and window computed once (target ≤ 2 s in all).
 * 2. Deliver: one scheduler pass posting all 1,000 through the real Discord poster (discord.js REST) to the fake
 *    Discord: messages per second, bounded by the global request rate the poster keeps to, not by us.
 * Usage: npx tsx test/bench/digests.ts [articles=5000] [requestsPerSecond=50]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Client } from 'discord.js';
import pino from 'pino';
import { createApp } from '../../src/app.ts';
import { createDiscordPlatform } from '../../src/bot/poster.ts';
import { DigestComposer } from '../../src/briefing/digest.ts';
import { fixedClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { hashArticle } from '../../src/ingest/sync-files.ts';
import { enrichArticle } from '../../src/nlp/enrich.ts';
import { ENRICHMENT_VERSION } from '../../src/nlp/enrichment.ts';
import { composeSubscriptionDigest, DigestScheduler } from '../../src/scheduler/digest-scheduler.ts';
import { EVERY_DAY, latestSlot } from '../../src/scheduler/schedule.ts';
import type { StoredArticle } from '../../src/store/articles.ts';
import { FakeDiscord } from '../e2e/fake-discord.ts';
import { makeDataDir } from '../helpers/test-app.ts';
import { prng, syntheticArticles } from './synthetic-corpus.ts';

const articleCount = Number(process.argv[2] ?? 5000);
const requestsPerSecond = process.argv[3] ?? '50';
const SUBSCRIPTIONS = 1000;
const TOPIC_SETS = 50;
const now = new Date('2026-11-23T08:00:30Z');

const tmp = mkdtempSync(path.join(tmpdir(), 'bb-bench-digests-'));
const fake = await FakeDiscord.start();
const config = loadConfig({
  DISCORD_TOKEN: fake.token,
  DISCORD_API_URL: fake.apiUrl,
  DATA_DIR: makeDataDir([]),
  DATABASE_PATH: path.join(tmp, 'bench.sqlite'),
  LOG_LEVEL: 'silent',
  DIGEST_REQUESTS_PER_SECOND: requestsPerSecond,
});
const log = pino({ level: 'silent' });
const clock = fixedClock(now);
const app = await createApp(config, log, { clock });
const { corpus, digests } = app.services;

// A week of news: the synthetic corpus, re-dated to spread over the seven days before `now`.
const t0 = performance.now();
const batch: StoredArticle[] = [];
let n = 0;
for (const article of syntheticArticles({ count: articleCount })) {
  const date = new Date(now.getTime() - ((n++ * 7919) % (7 * 24 * 60)) * 60_000 - 60_000).toISOString();
  const dated = { ...article, date };
  batch.push({
    ...dated,
    origin: 'feed',
    originRef: 'bench',
    contentHash: hashArticle(dated),
    enrichment: enrichArticle(dated, corpus.gazetteer),
    enrichVersion: ENRICHMENT_VERSION,
  });
}
app.services.articles.write({ upsert: batch }, now.getTime());
for (const a of batch) corpus.index.upsert(a);
const loadMs = performance.now() - t0;

// 50 distinct topic sets of 1–3 region topics; 1,000 subscriptions spread over them, all at 08:00 UTC.
const rnd = prng(7);
const ids = corpus.gazetteer.topics.map((t) => t.id);
const sets = new Map<string, string[]>();
while (sets.size < TOPIC_SETS) {
  const size = 1 + Math.floor(rnd() * 3);
  const set = [...new Set(Array.from({ length: size }, () => ids[Math.floor(rnd() * ids.length)] as string))].sort();
  sets.set(set.join(','), set);
}
const topicSets = [...sets.values()];
const schedule = { minutes: 8 * 60, timeZone: 'UTC', days: EVERY_DAY };
for (let i = 0; i < SUBSCRIPTIONS; i++) {
  const channelId = fake.addChannel({ name: `digest-${i}` });
  digests.subscribe(
    { guildId: fake.guildId, channelId, schedule, topics: topicSets[i % TOPIC_SETS] as string[], quiet: false },
    latestSlot(now.getTime(), schedule)?.dueMs ?? null,
    now.getTime() - 2 * 86_400_000,
  );
}

// 1. Compose only (what preview does for each), twice: a cold pass and a warm one.
const subs = digests.due(now.getTime());
const composeOnce = () => {
  const started = performance.now();
  const composer = new DigestComposer(corpus);
  let stories = 0;
  for (const sub of subs) {
    stories += composeSubscriptionDigest(composer, corpus, sub, digests.seen(sub.channelId), now.getTime()).shown;
  }
  return { ms: performance.now() - started, distinct: composer.distinct, stories };
};
const cold = composeOnce();
const warm = composeOnce();

// 2. One scheduler pass: compose + claim all, then post all through discord.js REST to the fake.
const platform = createDiscordPlatform({} as Client, config);
const scheduler = new DigestScheduler({ repo: digests, corpus, clock, poster: platform, log, concurrency: 8 });
const passStart = performance.now();
const report = await scheduler.tick();
const passMs = performance.now() - passStart;
const deliverMs = passMs - report.composeMs;

const result = {
  machine: `${process.platform} ${process.arch}, node ${process.version}`,
  articles: articleCount,
  articlesInLast24h: batch.filter((a) => Date.parse(a.date) >= now.getTime() - 86_400_000).length,
  loadMs: Math.round(loadMs),
  subscriptions: subs.length,
  topicSets: TOPIC_SETS,
  composeColdMs: Math.round(cold.ms),
  composeWarmMs: Math.round(warm.ms),
  distinctCompositions: cold.distinct,
  storiesPerDigest: Math.round((cold.stories / subs.length) * 10) / 10,
  schedulerComposeAndClaimMs: report.composeMs,
  sent: report.sent,
  failed: report.failed + report.paused + report.retrying,
  deliverMs: Math.round(deliverMs),
  messagesPerSecond: Math.round((report.sent / deliverMs) * 1000 * 10) / 10,
  requestsPerSecondLimit: Number(requestsPerSecond),
  fakeMessages: fake.channelMessages.length,
};
console.log(JSON.stringify(result, null, 2));
app.close();
await fake.close();
rmSync(tmp, { recursive: true, force: true });
