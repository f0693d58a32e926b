import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { Corpus } from './briefing/corpus.ts';
import { type Clock, systemClock } from './clock.ts';
import { type Config, ConfigError } from './config.ts';
import { armFailpoints } from './failpoints.ts';
import { createFeedIngest, type FeedIngest } from './ingest/feed-service.ts';
import { readFeedsFile } from './ingest/feeds-file.ts';
import { syncArticleFiles } from './ingest/sync-files.ts';
import { loadGazetteer } from './nlp/gazetteer.ts';
import { openIndex } from './search/snapshot.ts';
import { ArticleRepository } from './store/articles.ts';
import { openDatabase } from './store/database.ts';
import { DigestRepository } from './store/digests.ts';
import { FeedRepository } from './store/feeds.ts';

/** What commands and adapters use: configuration, time, and the corpus with its store and index. */
export interface Services {
  config: Config;
  clock: Clock;
  corpus: Corpus;
  articles: ArticleRepository;
  /** Digest subscriptions, deliveries and what each channel has received. */
  digests: DigestRepository;
  /** Feeds with their fetch state (for `/sources`). */
  feeds?: FeedRepository;
}

export interface App {
  services: Services;
  /** Feed polling and the index kept in step with the store; the bot starts the poller, the console does not. */
  ingest?: FeedIngest;
  /** Saves the index snapshot if it changed, then closes the database; safe to call twice. */
  close(): void;
}

/**
 * The composition root: config → store → article files synced → index (saved snapshot or rebuilt) → services.
 * @example const app = await createApp(loadConfig(), log);
 */
export async function createApp(config: Config, log: Logger, options: { clock?: Clock } = {}): Promise<App> {
  const clock = options.clock ?? systemClock;
  armFailpoints(config.failpoints ?? []);
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
    const feeds = new FeedRepository(db);
    feeds.register(readFeedsFile(path.join(config.dataDir, 'feeds.json')));
    const ingest = createFeedIngest({
      config,
      clock,
      log,
      feeds,
      articles,
      gazetteer,
      index,
      revision: articles.revision(),
      snapshotPath: `${config.databasePath}.index`,
    });
    let closed = false;
    return {
      services: { config, clock, corpus, articles, digests: new DigestRepository(db), feeds },
      ingest,
      close() {
        if (closed) return;
        closed = true;
        try {
          ingest.indexSync.save();
        } catch (error) {
          log.warn({ err: error }, 'could not save the index on close');
        }
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
