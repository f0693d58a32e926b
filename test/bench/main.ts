/**
 * `npm run bench`: the core's speed and memory on a deterministic synthetic corpus at 1k, 10k and 50k articles
 * (override with BENCH_SIZES=1000,10000). Prints a Markdown table for the README.
 * Steps per size: enrich + store (throughput), index build, restart (index ready, heap), composeBrief p50/p95.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hashArticle } from '../../src/ingest/sync-files.ts';
import { enrichArticle } from '../../src/nlp/enrich.ts';
import { ENRICHMENT_VERSION } from '../../src/nlp/enrichment.ts';
import { loadGazetteer } from '../../src/nlp/gazetteer.ts';
import { ArticleRepository, type StoredArticle } from '../../src/store/articles.ts';
import { openDatabase } from '../../src/store/database.ts';
import { benchInteractions } from './interactions.ts';
import { BENCH_TOPICS, syntheticArticles } from './synthetic-corpus.ts';

const sizes = (process.env.BENCH_SIZES ?? '1000,10000,50000')
  .split(',')
  .map(Number)
  .sort((a, b) => a - b);
const largest = sizes.at(-1) as number;
const dir = path.resolve('var/bench');
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
const gazetteer = loadGazetteer(path.resolve('data/gazetteer.json'));

// 1. Enrich the largest corpus once, writing each article to every store that is at least that big.
const stores = sizes.map((n) => ({ n, file: path.join(dir, `corpus-${n}.sqlite`) }));
const repos = stores.map((s) => ({ ...s, repo: new ArticleRepository(openDatabase(s.file)) }));
let batch: { seq: number; article: StoredArticle }[] = [];
let enrichMs = 0;
let writeMs = 0;
let bytes = 0;
let i = 0;
const flush = () => {
  const t0 = performance.now();
  for (const r of repos) {
    const part = batch.filter((b) => b.seq < r.n).map((b) => b.article);
    if (part.length) r.repo.write({ upsert: part }, Date.now());
  }
  writeMs += performance.now() - t0;
  batch = [];
};
for (const article of syntheticArticles({ count: largest })) {
  const t0 = performance.now();
  const enrichment = enrichArticle(article, gazetteer);
  enrichMs += performance.now() - t0;
  bytes += article.body.length;
  const stored: StoredArticle = {
    ...article,
    // Not 'file': a start with another DATA_DIR (the interaction benchmark) must not sync them away.
    origin: 'feed',
    originRef: 'bench',
    contentHash: hashArticle(article),
    enrichment,
    enrichVersion: ENRICHMENT_VERSION,
  };
  batch.push({ seq: i, article: stored });
  if (++i % 1000 === 0) flush();
}
flush();
const perSecond = largest / ((enrichMs + writeMs) / 1000);

// 2. For each size: build the index, then restart and query, each in a fresh process.
const worker = path.resolve('test/bench/corpus-worker.ts');
const run = (mode: string, file: string) =>
  JSON.parse(
    execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', worker, mode, file], { encoding: 'utf8' }).trim(),
  );
const rows: string[] = [];
for (const { n, file } of stores) {
  const build = run('build', file);
  const query = run('query', file);
  rows.push(
    `| ${n.toLocaleString('en')} | ${(build.buildMs / 1000).toFixed(1)} s | ${(build.snapshotBytes / 2 ** 20).toFixed(1)} MB | ${Math.round(query.readyMs)} ms | ${Math.round(query.heapMB)} MB | ${Math.round(query.rssMB)} MB | ${query.p50.toFixed(1)} ms | ${query.p95.toFixed(1)} ms |`,
  );
}

// 3. Interaction received → reply callback sent, through the real discord.js client and the fake Discord, at 10k
// articles (or the largest size below that).
const interactionStore = [...stores].reverse().find((s) => s.n <= 10_000) ?? stores[0];
let interactionLine = '';
if (interactionStore) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-bench-data-'));
  fs.copyFileSync(path.resolve('data/gazetteer.json'), path.join(dataDir, 'gazetteer.json'));
  fs.mkdirSync(path.join(dataDir, 'articles'));
  const r = await benchInteractions({
    count: 500,
    dataDir,
    databasePath: interactionStore.file,
    corpusSize: interactionStore.n,
    topics: BENCH_TOPICS,
  });
  interactionLine = `/brief interaction received → reply callback sent, ${r.count} interactions at ${interactionStore.n.toLocaleString('en')} articles through the fake Discord: p50 ${r.p50Ms.toFixed(1)} ms, p95 ${r.p95Ms.toFixed(1)} ms, max ${r.maxMs.toFixed(1)} ms (${r.deferred} deferred)`;
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
process.stdout.write(
  [
    `Machine: ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    '',
    `Load + enrich + store: ${Math.round(perSecond)} articles/s (${largest.toLocaleString('en')} articles, ${(bytes / 2 ** 20).toFixed(0)} MB of text; enrich ${(enrichMs / 1000).toFixed(1)} s, store ${(writeMs / 1000).toFixed(1)} s)`,
    '',
    '| articles | index build | saved index | ready after restart | heap (index + headers) | RSS | composeBrief p50 | p95 |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    interactionLine,
    '',
  ].join('\n'),
);
