import type { ArticleRepository } from '../store/articles.ts';
import type { FeedRepository } from '../store/feeds.ts';
import type { IndexSync } from './index-sync.ts';

const DAY_MS = 86_400_000;
/**
 * Articles removed per transaction. Removing tens of thousands at once (the first start on a large old corpus) held
 * the main thread for seconds, and Discord interactions waiting behind it expired; a batch takes tens of ms.
 */
const REMOVE_BATCH = 500;

/**
 * Drops feed articles older than the retention window from the store and the index (files under DATA_DIR are the
 * user's and stay), a batch at a time with the event loop free in between, and forgets feed GUIDs seen long enough
 * ago that no feed still lists them.
 * @example await applyRetention({ articles, feeds, index }, 90, Date.now()) // → articles removed
 */
export async function applyRetention(
  deps: { articles: ArticleRepository; feeds: FeedRepository; index?: IndexSync | undefined },
  retentionDays: number,
  nowMs: number,
): Promise<number> {
  const cutoff = nowMs - retentionDays * DAY_MS;
  const expired = deps.articles.feedArticlesBefore(cutoff);
  for (let i = 0; i < expired.length; i += REMOVE_BATCH) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    const batch = expired.slice(i, i + REMOVE_BATCH);
    const revision = deps.articles.write({ remove: batch }, nowMs);
    deps.index?.applyWrite(revision, [], batch);
  }
  deps.feeds.forgetSeenBefore(cutoff - 30 * DAY_MS);
  return expired.length;
}
