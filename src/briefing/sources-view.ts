import type { ArticleRepository } from '../store/articles.ts';
import { isoDay } from './dates.ts';
import { noticeReply, type Reply } from './reply.ts';

/** What the corpus holds: each outlet with its article count and date range. */
export function sourcesReply(articles: ArticleRepository): Reply {
  const outlets = articles.outlets();
  if (outlets.length === 0) return noticeReply('The corpus is empty: add articles to data/articles/ or ingest a feed.');
  const total = outlets.reduce((n, o) => n + o.articles, 0);
  const lines = outlets
    .slice(0, 40)
    .map(
      (o) =>
        `${o.source}: ${o.articles} article${o.articles === 1 ? '' : 's'}, ${isoDay(o.oldestMs)}${o.oldestMs === o.newestMs ? '' : ` – ${isoDay(o.newestMs)}`}`,
    );
  if (outlets.length > 40) lines.push(`… and ${outlets.length - 40} more outlets`);
  return {
    sections: [
      {
        title: 'Sources',
        lines,
        footer: `${total} article${total === 1 ? '' : 's'} from ${outlets.length} outlet${outlets.length === 1 ? '' : 's'}`,
      },
    ],
  };
}
