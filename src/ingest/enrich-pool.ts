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
  const queue: Task[] = [];
  const running = new Map<Worker, Task>();
  let nextId = 0;
  let alive = size;
  // Hands a worker its next task right away, inside the event that freed it: were it left to a promise, the
  // worker would sit idle while this thread stays busy with the results it just got.
  const dispatch = (worker: Worker) => {
    const task = queue.shift();
    if (!task) {
      idle.push(worker);
      return;
    }
    running.set(worker, task);
    worker.postMessage({ id: task.id, articles: task.inputs });
  };
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(url, { workerData: { gazetteerPath } });
    worker.on('message', (reply: Reply) => {
      const task = running.get(worker);
      running.delete(worker);
      dispatch(worker);
      if (!task || task.id !== reply.id) return;
      if ('error' in reply) task.reject(new Error(`enrichment worker: ${reply.error}`));
      else task.resolve(reply.results);
    });
    // A worker that dies fails its task; when none is left, the queued tasks fail too instead of waiting forever.
    worker.on('error', (error) => {
      running.get(worker)?.reject(error);
      running.delete(worker);
    });
    worker.on('exit', () => {
      running.get(worker)?.reject(new Error('enrichment worker stopped'));
      running.delete(worker);
      alive--;
      if (alive === 0) for (const task of queue.splice(0)) task.reject(new Error('no enrichment worker left'));
    });
    idle.push(worker);
    return worker;
  });
  return {
    size,
    enrich(articles) {
      if (articles.length === 0) return Promise.resolve([]);
      return new Promise<PreparedArticle[]>((resolve, reject) => {
        // Only what enrichment reads: the paragraphs (the body again) and the rest would double the copying.
        const inputs: EnrichInput[] = articles.map(({ title, date, body }) => ({ title, date, body }));
        if (alive === 0) {
          reject(new Error('no enrichment worker left'));
          return;
        }
        queue.push({ id: nextId++, inputs, resolve, reject });
        const worker = idle.pop();
        if (worker) dispatch(worker);
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

interface Task {
  id: number;
  inputs: EnrichInput[];
  resolve: (results: PreparedArticle[]) => void;
  reject: (error: Error) => void;
}

function defaultPoolSize(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}
