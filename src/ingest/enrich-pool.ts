import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Article } from '../corpus/article.ts';
import type { EnrichInput } from '../nlp/enrich.ts';
import type { Enrichment } from '../nlp/enrichment.ts';
import type { DedupeKeys } from '../store/articles.ts';

/** What a worker computes for one article: everything about it that needs no store. */
export interface PreparedArticle {
  enrichment: Enrichment;
  dedupe: DedupeKeys;
}

/** Enrichment on worker threads: the CPU-heavy half of ingestion, run beside the store and index work. */
export interface EnrichPool {
  readonly size: number;
  /** The articles' enrichments and duplicate keys, in order, computed on whichever worker is free. */
  enrich(articles: readonly Article[]): Promise<PreparedArticle[]>;
  close(): Promise<void>;
}

type Reply = { id: number; results: PreparedArticle[] } | { id: number; error: string };

/**
 * Starts `size` workers (default: one per core), each loading the gazetteer once.
 * Each worker registers tsx itself (enrich-worker.js), so this works from `npm start`, `npm run ingest` and tests.
 * @example const pool = startEnrichPool('data/gazetteer.json'); const enrichments = await pool.enrich(articles);
 */
export function startEnrichPool(gazetteerPath: string, size = defaultPoolSize()): EnrichPool {
  const url = new URL('./enrich-worker.js', import.meta.url);
  const idle: Worker[] = [];
  const waiting: (() => void)[] = [];
  const pending = new Map<number, { resolve: (r: PreparedArticle[]) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(url, { workerData: { gazetteerPath } });
    worker.on('message', (reply: Reply) => {
      const task = pending.get(reply.id);
      pending.delete(reply.id);
      if ('error' in reply) task?.reject(new Error(`enrichment worker: ${reply.error}`));
      else task?.resolve(reply.results);
      release(worker);
    });
    worker.on('error', (error) => {
      for (const task of pending.values()) task.reject(error);
      pending.clear();
    });
    idle.push(worker);
    return worker;
  });
  const release = (worker: Worker) => {
    idle.push(worker);
    waiting.shift()?.();
  };
  const acquire = async (): Promise<Worker> => {
    while (idle.length === 0) await new Promise<void>((resolve) => waiting.push(resolve));
    return idle.pop() as Worker;
  };
  return {
    size,
    async enrich(articles) {
      if (articles.length === 0) return [];
      const worker = await acquire();
      const id = nextId++;
      return new Promise<PreparedArticle[]>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        // Only what enrichment reads: the paragraphs (the body again) and the rest would double the copying.
        const inputs: EnrichInput[] = articles.map(({ title, date, body }) => ({ title, date, body }));
        worker.postMessage({ id, articles: inputs });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

function defaultPoolSize(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}
