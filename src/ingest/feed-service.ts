import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import { type Config, FEED_DEFAULTS } from '../config.ts';
import type { Gazetteer } from '../nlp/gazetteer.ts';
import type { CorpusIndex } from '../search/corpus-index.ts';
import type { ArticleRepository } from '../store/articles.ts';
import type { FeedRepository } from '../store/feeds.ts';
import { IndexSync } from './index-sync.ts';
import { FeedPoller } from './poller.ts';
import { applyRetention } from './retention.ts';

/** The feed side of a running app: the poller (started by the bot only) and the index kept in step with the store. */
export interface FeedIngest {
  feeds: FeedRepository;
  indexSync: IndexSync;
  poller: FeedPoller;
}

/**
 * Wires the poller: each round fetches the due feeds into the store and the live index, then applies the retention
 * window and saves the index snapshot, so a restart loads it instead of rebuilding.
 * @example const ingest = createFeedIngest({ config, clock, log, feeds, articles, gazetteer, index, revision });
 */
export function createFeedIngest(deps: {
  config: Config;
  clock: Clock;
  log: Logger;
  feeds: FeedRepository;
  articles: ArticleRepository;
  gazetteer: Gazetteer;
  index: CorpusIndex;
  /** The store revision the index reflects. */
  revision: number;
  snapshotPath: string;
}): FeedIngest {
  const log = deps.log.child({ module: 'feeds' });
  const indexSync = new IndexSync({
    index: deps.index,
    articles: deps.articles,
    revision: deps.revision,
    snapshotPath: deps.snapshotPath,
    log,
  });
  const retentionDays = deps.config.articleRetentionDays ?? FEED_DEFAULTS.retentionDays;
  const poller = new FeedPoller({
    articles: deps.articles,
    feeds: deps.feeds,
    gazetteer: deps.gazetteer,
    index: indexSync,
    clock: deps.clock,
    log,
    intervalMs: (deps.config.feedPollMinutes ?? FEED_DEFAULTS.pollMinutes) * 60_000,
    minRelevance: deps.config.relevanceMinScore ?? FEED_DEFAULTS.relevanceMinScore,
    afterRound: async () => {
      const nowMs = deps.clock.now().getTime();
      const dropped = await applyRetention(
        { articles: deps.articles, feeds: deps.feeds, index: indexSync },
        retentionDays,
        nowMs,
      );
      if (dropped > 0) log.info({ dropped, retentionDays }, 'old feed articles dropped');
      indexSync.save();
    },
  });
  return { feeds: deps.feeds, indexSync, poller };
}
