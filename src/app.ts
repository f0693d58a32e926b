import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { Corpus } from './briefing/corpus.ts';
import { type Clock, systemClock } from './clock.ts';
import { type Config, ConfigError } from './config.ts';
import { syncArticleFiles } from './ingest/sync-files.ts';
import { loadGazetteer } from './nlp/gazetteer.ts';
import { openIndex } from './search/snapshot.ts';
import { ArticleRepository } from './store/articles.ts';
import { openDatabase } from './store/database.ts';

/** What commands and adapters use: configuration, time, and the corpus with its store and index. */
export interface Services {
  config: Config;
  clock: Clock;
  corpus: Corpus;
  articles: ArticleRepository;
}

export interface App {
  services: Services;
  /** Closes the database; safe to call twice. */
  close(): void;
}

/**
 * The composition root: config → store → article files synced → index (saved snapshot or rebuilt) → services.
 * @example const app = await createApp(loadConfig(), log);
 */
export async function createApp(config: Config, log: Logger, options: { clock?: Clock } = {}): Promise<App> {
  const clock = options.clock ?? systemClock;
  checkDataDir(config.dataDir);
  const db = openDatabase(config.databasePath);
  try {
    const gazetteer = loadGazetteer(path.join(config.dataDir, 'gazetteer.json'));
    const articles = new ArticleRepository(db);
    syncArticleFiles(
      path.join(config.dataDir, 'articles'),
      articles,
      gazetteer,
      log.child({ module: 'sync' }),
      clock.now().getTime(),
    );
    const index = openIndex(articles, `${config.databasePath}.index`, log.child({ module: 'index' }));
    const corpus = new Corpus(index, articles, gazetteer);
    let closed = false;
    return {
      services: { config, clock, corpus, articles },
      close() {
        if (closed) return;
        closed = true;
        db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** A missing data folder or gazetteer is a setup mistake: say which and how to fix it, before touching anything. */
function checkDataDir(dataDir: string): void {
  if (!fs.existsSync(dataDir)) {
    throw new ConfigError(
      `DATA_DIR: ${dataDir} does not exist. Point DATA_DIR at a folder holding articles/ and gazetteer.json, or unset it to use the bundled ./data.`,
    );
  }
  if (!fs.existsSync(path.join(dataDir, 'gazetteer.json'))) {
    throw new ConfigError(
      `DATA_DIR: ${dataDir} has no gazetteer.json. Copy data/gazetteer.json from Baltic Brief into it (topics and people are read from there).`,
    );
  }
}
