import type { ArticleRepository } from '../store/articles.ts';
import type { FeedRepository } from '../store/feeds.ts';
import type { IndexSync } from './index-sync.ts';

const DAY_MS = 86_400_000;

/**
 * Drops feed articles older than the retention window from the store and the index (files under DATA_DIR are the
 * user's and stay), and forgets feed GUIDs seen long enough ago that no feed still lists them.
 * @example applyRetention({ articles, feeds, index }, 90, Date.now()) // → articles removed
 */
export function applyRetention(
  deps: { articles: ArticleRepository; feeds: FeedRepository; index?: IndexSync | undefined },
  retentionDays: number,
  nowMs: number,
): number {
  const cutoff = nowMs - retentionDays * DAY_MS;
  const expired = deps.articles.feedArticlesBefore(cutoff);
  if (expired.length > 0) {
    const revision = deps.articles.write({ remove: expired }, nowMs);
    deps.index?.applyWrite(revision, [], expired);
  }
  deps.feeds.forgetSeenBefore(cutoff - 30 * DAY_MS);
  return expired.length;
}
