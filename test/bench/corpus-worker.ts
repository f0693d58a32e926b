/**
 * One benchmark step in a fresh process, so each measurement starts cold and its heap is its own:
 *   build <db>  → builds the index from the store and saves the snapshot; prints { buildMs, snapshotBytes }
 *   query <db>  → a restart: opens the store, loads the snapshot, then runs composeBrief over many topics;
 *                 prints { readyMs, heapMB, p50, p95, briefs }
 */
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { composeBrief } from '../../src/briefing/brief.ts';
import { Corpus } from '../../src/briefing/corpus.ts';
import { loadGazetteer } from '../../src/nlp/gazetteer.ts';
import { openIndex } from '../../src/search/snapshot.ts';
import { ArticleRepository } from '../../src/store/articles.ts';
import { openDatabase } from '../../src/store/database.ts';
import { BENCH_TOPICS } from './synthetic-corpus.ts';

const [mode, db] = process.argv.slice(2);
if (!db || (mode !== 'build' && mode !== 'query')) throw new Error('usage: corpus-worker build|query <db>');
const log = pino({ level: 'silent' });
const gazetteer = loadGazetteer(path.resolve('data/gazetteer.json'));
const snapshot = `${db}.index`;

const gc = (globalThis as { gc?: () => void }).gc;
if (mode === 'build') {
  fs.rmSync(snapshot, { force: true });
  const started = performance.now();
  const articles = new ArticleRepository(openDatabase(db));
  openIndex(articles, snapshot, log);
  const buildMs = performance.now() - started;
  process.stdout.write(`${JSON.stringify({ buildMs, snapshotBytes: fs.statSync(snapshot).size })}\n`);
} else {
  gc?.();
  const baseHeap = process.memoryUsage().heapUsed;
  const started = performance.now();
  const articles = new ArticleRepository(openDatabase(db));
  const index = openIndex(articles, snapshot, log);
  const corpus = new Corpus(index, articles, gazetteer);
  const readyMs = performance.now() - started;
  gc?.();
  const heapMB = (process.memoryUsage().heapUsed - baseHeap) / 2 ** 20;
  const rssMB = process.memoryUsage().rss / 2 ** 20;
  const now = new Date('2026-11-21T00:00:00Z');
  const times: number[] = [];
  const rounds = 8;
  for (let r = 0; r < rounds; r++) {
    for (const topic of BENCH_TOPICS) {
      const t0 = performance.now();
      const result = composeBrief(corpus, corpus.resolve(topic), {
        now,
        defaultDays: 7,
        ...(r % 2 ? { days: 30 } : {}),
      });
      times.push(performance.now() - t0);
      if (r === 0 && !result.ok && topic === 'estonia') throw new Error('bench: no brief for estonia');
    }
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] as number;
  process.stdout.write(
    `${JSON.stringify({ readyMs, heapMB, rssMB, p50: q(0.5), p95: q(0.95), max: q(1), briefs: times.length })}\n`,
  );
}
