import type { ArticleRepository } from '../store/articles.ts';
import type { FeedRepository, FeedState } from '../store/feeds.ts';
import { isoDay } from './dates.ts';
import { noticeReply, type Reply } from './reply.ts';

/** What the corpus holds: each outlet with its article count and date range; with `feeds`, each feed's health. */
export function sourcesReply(articles: ArticleRepository, feeds?: FeedRepository): Reply {
  const outlets = articles.outlets();
  const feedList = feeds?.all() ?? [];
  if (outlets.length === 0 && feedList.length === 0) {
    return noticeReply('The corpus is empty: add articles to data/articles/ or ingest a feed.');
  }
  const total = outlets.reduce((n, o) => n + o.articles, 0);
  const lines = outlets
    .slice(0, 40)
    .map(
      (o) =>
        `${o.source}: ${o.articles} article${o.articles === 1 ? '' : 's'}, ${isoDay(o.oldestMs)}${o.oldestMs === o.newestMs ? '' : ` – ${isoDay(o.newestMs)}`}`,
    );
  if (outlets.length > 40) lines.push(`… and ${outlets.length - 40} more outlets`);
  const sections = [
    {
      title: 'Sources',
      lines: lines.length > 0 ? lines : ['No articles yet.'],
      footer: `${total} article${total === 1 ? '' : 's'} from ${outlets.length} outlet${outlets.length === 1 ? '' : 's'}`,
    },
  ];
  if (feedList.length > 0) {
    const count = (test: (f: FeedState) => boolean) => feedList.filter(test).length;
    const summary = [
      [count((f) => !f.disabledReason && f.failures === 0 && f.lastOkMs !== undefined), 'healthy'],
      [count((f) => !f.disabledReason && f.failures > 0), 'failing'],
      [count((f) => Boolean(f.disabledReason)), 'disabled'],
      [count((f) => !f.disabledReason && f.failures === 0 && f.lastOkMs === undefined), 'not fetched yet'],
    ] as const;
    sections.push({
      title: 'Feeds',
      lines: feedList.slice(0, 25).map(feedHealthLine),
      footer: `${feedList.length} feed${feedList.length === 1 ? '' : 's'}: ${summary
        .filter(([n]) => n > 0)
        .map(([n, what]) => `${n} ${what}`)
        .join(', ')}`,
    });
  }
  return { sections };
}

/** "LSM — failing (3 in a row): HTTP 500; next try 2026-11-21" and the like: what an operator needs to act. */
export function feedHealthLine(f: FeedState): string {
  if (f.disabledReason) return `⛔ ${f.name} — disabled: ${f.disabledReason}`;
  if (f.failures > 0) {
    return `⚠️ ${f.name} — failing (${f.failures} in a row): ${f.lastError ?? 'unknown error'}; next try ${isoDay(f.nextFetchMs)}`;
  }
  if (f.lastOkMs === undefined) return `· ${f.name} — not fetched yet`;
  const note = f.lastError ? ` (${f.lastError})` : '';
  return `✅ ${f.name} — ok ${isoDay(f.lastOkMs)}, ${f.articlesAdded} article${f.articlesAdded === 1 ? '' : 's'} taken in${note}`;
}
