/**
 * `npx tsx test/bench/ingest.ts`: feed ingestion benchmarks (issue: a living corpus).
 * 1. Throughput: 5,000 synthetic articles (`BENCH_INGEST`) served as 50 RSS documents → parse → enrich →
 *    dedupe/cluster → store → index, in articles per second (target ≥ 300/s), with the time per stage.
 * 2. Incremental index update: one article upserted into an index of 10,000 (target ≤ 5 ms).
 * 3. Near-duplicate precision/recall on rewritten copies (target ≥ 0.95 / 0.90): on real news bodies from
 *    ../shared/eval when present, and on diverse generated articles (near-duplicate-corpus.ts). The template corpus
 *    is measured too but is no yardstick: its unrelated articles share most of their shingles by construction.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Article } from '../../src/corpus/article.ts';
import { buildArticle } from '../../src/corpus/readers.ts';
import { StoryClusterer } from '../../src/ingest/clusters.ts';
import { type EnrichPool, startEnrichPool } from '../../src/ingest/enrich-pool.ts';
import { IndexSync } from '../../src/ingest/index-sync.ts';
import { emptyTimings, ingestArticles, ingestStream } from '../../src/ingest/ingest-articles.ts';
import { parseFeedBytes } from '../../src/ingest/parse-feed.ts';
import { loadGazetteer } from '../../src/nlp/gazetteer.ts';
import { CorpusIndex } from '../../src/search/corpus-index.ts';
import { ArticleRepository, type StoredArticle } from '../../src/store/articles.ts';
import { openDatabase } from '../../src/store/database.ts';
import { rewriteArticle } from '../ingest/rewrites.ts';
import { type NearDuplicateCase, nearDuplicateCorpus } from './near-duplicate-corpus.ts';
import { prng, syntheticArticles } from './synthetic-corpus.ts';

const log = pino({ level: 'silent' });
const gazetteer = loadGazetteer(path.resolve('data/gazetteer.json'));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-bench-ingest-'));
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function rssOf(articles: readonly Article[]): Uint8Array {
  const items = articles
    .map(
      (a) =>
        `<item><title>${esc(a.title)}</title><link>${esc(a.url ?? '')}</link><guid>${a.id}</guid><pubDate>${new Date(a.date).toUTCString()}</pubDate><description>${esc(a.paragraphs.map((p) => `<p>${esc(p)}</p>`).join(''))}</description></item>`,
    )
    .join('');
  return new TextEncoder().encode(
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Bench</title>${items}</channel></rss>`,
  );
}

// 1. Throughput, on one thread and with enrichment on worker threads (the bulk path of `npm run ingest`).
const N = Number(process.env.BENCH_INGEST ?? 5000);
const synthetic = [...syntheticArticles({ count: N, seed: 11 })];
const feeds: Uint8Array[] = [];
for (let i = 0; i < N; i += 100) feeds.push(rssOf(synthetic.slice(i, i + 100)));

/** The bench feeds parsed into articles, one batch per feed, each parsed only when asked for; adds parse time. */
function* parsedFeeds(clock: { parseMs: number }): Generator<Article[]> {
  for (const bytes of feeds) {
    const p0 = performance.now();
    const parsed = parseFeedBytes(bytes, 'https://example.org/');
    if (!parsed.ok) throw new Error(parsed.error);
    const batch = parsed.feed.items.flatMap((item) => {
      const built = buildArticle({
        title: item.title,
        date: item.date,
        source: 'Bench',
        url: item.link,
        body: item.paragraphs.join('\n\n'),
        paragraphs: item.paragraphs,
      });
      return built.ok ? [built.article] : [];
    });
    clock.parseMs += performance.now() - p0;
    yield batch;
  }
}

/**
 * One thread: each feed ingested as the poller does. With a pool: the feeds as one bulk stream, as
 * `npm run ingest -- <folder>` takes them (starting the pool is part of the time).
 */
async function throughput(name: string, pool?: () => EnrichPool) {
  const articles = new ArticleRepository(openDatabase(path.join(tmp, `ingest-${name}.sqlite`)));
  const index = CorpusIndex.empty();
  const sync = new IndexSync({ index, articles, revision: articles.revision(), log });
  const clock = { parseMs: 0 };
  const timings = emptyTimings();
  const deps = { articles, gazetteer, index: sync, minRelevance: 0, log, timings };
  const t0 = performance.now();
  if (pool) await ingestStream(parsedFeeds(clock), 'bench', deps, Date.now(), pool);
  else for (const batch of parsedFeeds(clock)) ingestArticles(batch, 'bench', deps, Date.now());
  const totalMs = performance.now() - t0;
  return { articles, index, stored: articles.count(), totalMs, parseMs: clock.parseMs, timings };
}

const single = await throughput('single');
let poolSize = 0;
const parallel = await throughput('pool', () => {
  const pool = startEnrichPool(path.resolve('data/gazetteer.json'));
  poolSize = pool.size;
  return pool;
});
const { articles, index, stored, totalMs, parseMs, timings } = single;

// 2. Incremental update at 10k: fill the index to 10,000 with copies under new ids, then time single upserts.
const pool = [...articles.iterate()];
for (let i = 0; index.size < 10_000; i++) {
  const a = pool[i % pool.length] as StoredArticle;
  index.upsert({ ...a, id: `fill-${i}` });
}
const times: number[] = [];
for (let i = 0; i < 300; i++) {
  const a = pool[(i * 7) % pool.length] as StoredArticle;
  const u0 = performance.now();
  index.upsert({ ...a, id: `new-${i}`, title: `${a.title} ${i}` });
  times.push(performance.now() - u0);
}
times.sort((a, b) => a - b);
const pct = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] as number;

// 3. Near-duplicate precision / recall.
/** Base articles with rewritten copies of about half of them (`rewriteArticle`), shuffled. */
function withRewrittenCopies(bases: Article[], copiesPerBase: number, seed: number): NearDuplicateCase[] {
  const rnd = prng(seed);
  const all: NearDuplicateCase[] = [];
  bases.forEach((b, i) => {
    all.push({ article: b, story: i });
    if (rnd() < 0.5)
      for (let c = 0; c < copiesPerBase; c++)
        all.push({ article: rewriteArticle(b, seed * 1000 + i * 10 + c, c), story: i });
  });
  // Shuffle: copies must be found whichever arrives first.
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [all[i], all[j]] = [all[j] as NearDuplicateCase, all[i] as NearDuplicateCase];
  }
  return all;
}

/**
 * Clusters the articles as ingestion does (signatures, store look-ups, batches of 100 per transaction) and scores
 * the clustering over all pairs: a pair is predicted a copy when both land in one story.
 */
function nearDuplicateScore(
  all: readonly NearDuplicateCase[],
  name: string,
): { p: number; r: number; pairs: number; ms: number } {
  const repo = new ArticleRepository(openDatabase(path.join(tmp, `nd-${name}.sqlite`)));
  const clusterer = new StoryClusterer(repo);
  const cluster = new Map<string, string>();
  const empty = { sentences: [], summary: [], quotes: [], statements: [], topics: [], topicCounts: {}, people: [] };
  const s0 = performance.now();
  for (let i = 0; i < all.length; i += 100) {
    const batch: StoredArticle[] = [];
    for (const { article } of all.slice(i, i + 100)) {
      const dedupe = StoryClusterer.keysOf(article.body);
      const d = clusterer.assign(article.id, Date.parse(article.date), dedupe);
      cluster.set(article.id, d.clusterId);
      batch.push({
        ...article,
        origin: 'feed',
        originRef: 'nd',
        contentHash: article.id,
        enrichment: empty,
        enrichVersion: 0,
        clusterId: d.clusterId,
        dedupe,
      });
    }
    repo.write({ upsert: batch }, 0);
    clusterer.clearPending();
  }
  const ms = (performance.now() - s0) / all.length;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i] as NearDuplicateCase;
      const b = all[j] as NearDuplicateCase;
      const same = a.story === b.story;
      const predicted = cluster.get(a.article.id) === cluster.get(b.article.id);
      if (same && predicted) tp++;
      else if (predicted) fp++;
      else if (same) fn++;
    }
  }
  return { p: tp / Math.max(1, tp + fp), r: tp / Math.max(1, tp + fn), pairs: tp + fn, ms };
}

function realNewsBases(): Article[] {
  const dir = path.resolve('../shared/eval');
  const out: Article[] = [];
  const files = [path.join(dir, 'summarization/cnndm_dev_125.jsonl'), path.join(dir, 'quotes/quotes_dev.jsonl')];
  let n = 0;
  const seenBodies = new Set<string>();
  for (const file of files) {
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const { article } = JSON.parse(line) as { article: string };
      // Spread over 90 days so the 14-day story window holds several unrelated stories.
      const built = buildArticle({
        title: `Story ${n}`,
        date: new Date(Date.UTC(2026, 0, 1) + (n % 90) * 86_400_000).toISOString(),
        source: 'Base',
        url: `https://base.example/${n++}`,
        body: article,
      });
      // The two eval files share some stories: a base twice would count as a false "near-duplicate".
      if (built.ok && !seenBodies.has(built.article.body.slice(0, 300))) {
        seenBodies.add(built.article.body.slice(0, 300));
        out.push(built.article);
      }
    }
  }
  return out;
}

const real = realNewsBases();
const realScore = real.length > 0 ? nearDuplicateScore(withRewrittenCopies(real, 2, 5), 'real') : undefined;
const DIVERSE = Number(process.env.BENCH_NEAR_DUPLICATES ?? 2000);
const diverseCases = nearDuplicateCorpus({ stories: DIVERSE, seed: 3 });
const diverseScore = nearDuplicateScore(diverseCases, 'diverse');
const templateScore = nearDuplicateScore(
  withRewrittenCopies([...syntheticArticles({ count: 600, seed: 21 })], 2, 9),
  'template',
);

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const per = (ms: number) => (ms / stored).toFixed(2);
const nd = (s: { p: number; r: number; ms: number }) =>
  `precision ${s.p.toFixed(3)}, recall ${s.r.toFixed(3)} (${s.ms.toFixed(2)} ms per article to sign, cluster and store)`;
const lines = [
  `Machine: ${cpu}, ${os.cpus().length} cores, Node ${process.version}`,
  '',
  '| measure | value | target |',
  '| --- | --- | --- |',
  `| ingest throughput, one thread (${stored} synthetic articles: parse + enrich + dedupe + store + index) | ${Math.round(stored / (totalMs / 1000))} articles/s (${(totalMs / stored).toFixed(2)} ms each) | (the poller's path; the target is the bulk one below) |`,
  `| … per stage, ms per article | parse ${per(parseMs)}, lookup ${per(timings.lookup)}, enrich ${per(timings.enrich)}, signature ${per(timings.signature)}, cluster ${per(timings.cluster)}, store ${per(timings.store)}, index ${per(timings.index)} | |`,
  `| ingest throughput, enrichment on ${poolSize} worker threads (same articles as one bulk stream, pool start included) | ${Math.round(parallel.stored / (parallel.totalMs / 1000))} articles/s (${(parallel.totalMs / parallel.stored).toFixed(2)} ms each; main thread waited ${(parallel.timings.enrich / parallel.stored).toFixed(2)} ms per article for enrichment) | ≥ 300/s |`,
  `| incremental index upsert at ${index.size.toLocaleString('en')} indexed | p50 ${pct(0.5).toFixed(2)} ms, p95 ${pct(0.95).toFixed(2)} ms | ≤ 5 ms |`,
  realScore
    ? `| near-duplicates, ${real.length} real news bodies + rewritten copies (${realScore.pairs} true pairs) | ${nd(realScore)} | ≥ 0.95 / 0.90 |`
    : '| near-duplicates, real news bodies | skipped: ../shared/eval missing | |',
  `| near-duplicates, ${DIVERSE} diverse generated stories, ${diverseCases.length} articles with rewritten copies (${diverseScore.pairs} true pairs) | ${nd(diverseScore)} | ≥ 0.95 / 0.90 |`,
  `| near-duplicates, 600 template-generated articles + rewritten copies (${templateScore.pairs} true pairs; not a yardstick: unrelated articles share most shingles) | ${nd(templateScore)} | |`,
];
process.stdout.write(`${lines.join('\n')}\n`);
fs.rmSync(tmp, { recursive: true, force: true });
