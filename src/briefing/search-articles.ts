import { contentTerms } from '../nlp/tokens.ts';
import type { StoredArticle } from '../store/articles.ts';
import { sentencesOf } from './brief.ts';
import type { Corpus } from './corpus.ts';
import { DAY_MS, daysLabel, isoDay } from './dates.ts';
import { noticeReply, type Reply, type ReplyButton } from './reply.ts';
import { echo, shorten } from './text.ts';

export const SEARCH_PAGE_SIZE = 5;
/** Discord's custom_id holds 100 characters; the query rides along, shortened to what fits. */
const QUERY_IN_ACTION = 60;

export interface SearchOptions {
  query: string;
  days?: number;
  /** 0-based. */
  page?: number;
  now: Date;
}

export interface SearchResultItem {
  id: string;
  title: string;
  source: string;
  dateMs: number;
  url?: string;
  /** The sentence that best matches the query. */
  snippet: string;
}

export interface SearchPage {
  items: SearchResultItem[];
  page: number;
  pages: number;
  total: number;
}

/**
 * One page of articles matching free words, newest relevant first, each with the sentence that best matches.
 * @example searchArticles(corpus, { query: 'troops', now })
 */
export function searchArticles(corpus: Corpus, options: SearchOptions): SearchPage {
  const filter = options.days !== undefined ? { sinceMs: options.now.getTime() - options.days * DAY_MS } : {};
  const hits = corpus.search(corpus.resolve(options.query), filter, 500);
  const pages = Math.max(1, Math.ceil(hits.length / SEARCH_PAGE_SIZE));
  const page = Math.min(Math.max(0, options.page ?? 0), pages - 1);
  const slice = hits.slice(page * SEARCH_PAGE_SIZE, (page + 1) * SEARCH_PAGE_SIZE);
  const wanted = new Set(contentTerms(options.query));
  const items = corpus.articles.getMany(slice.map((h) => h.id)).map((a) => ({
    id: a.id,
    title: a.title,
    source: a.source,
    dateMs: Date.parse(a.date),
    ...(a.url ? { url: a.url } : {}),
    snippet: bestSentence(a, wanted),
  }));
  return { items, page, pages, total: hits.length };
}

function bestSentence(article: StoredArticle, wanted: Set<string>): string {
  const sentences = sentencesOf(article);
  let best = sentences[0] ?? article.title;
  let bestScore = -1;
  for (const s of sentences) {
    const score = contentTerms(s).filter((t) => wanted.has(t)).length;
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  return shorten(best, 300);
}

/** The search reply: numbered results with snippets, buttons to page and to open an article. */
export function searchReply(result: SearchPage, options: SearchOptions): Reply {
  if (result.total === 0) {
    const window = options.days !== undefined ? ` in the last ${daysLabel(options.days)}` : '';
    return noticeReply(`No articles match “${echo(options.query)}”${window}. Try other words or \`/sources\`.`);
  }
  const first = result.page * SEARCH_PAGE_SIZE;
  const lines = result.items.flatMap((item, i) => {
    const head = `${first + i + 1}. ${item.title}`;
    const after = ` — ${item.source}, ${isoDay(item.dateMs)} · id ${item.id}`;
    return [item.url ? { text: head, url: item.url, after } : `${head}${after}`, `   ${item.snippet}`];
  });
  const query = options.query.replace(/\s+/g, ' ').trim().slice(0, QUERY_IN_ACTION);
  const days = options.days ?? '';
  const nav: ReplyButton[] = [
    {
      kind: 'action',
      label: '◀ Previous',
      action: `search:${result.page - 1}:${days}:${query}`,
      disabled: result.page === 0,
    },
    {
      kind: 'action',
      label: 'Next ▶',
      action: `search:${result.page + 1}:${days}:${query}`,
      disabled: result.page >= result.pages - 1,
    },
  ];
  const open: ReplyButton[] = result.items.map((item, i) => ({
    kind: 'action',
    label: `Open ${first + i + 1}`,
    action: `article:${item.id}`,
  }));
  return {
    sections: [
      {
        title: `Search: ${echo(options.query)}`,
        lines,
        footer: `Page ${result.page + 1} of ${result.pages} · ${result.total} article${result.total === 1 ? '' : 's'}`,
      },
    ],
    buttons: [nav, open],
  };
}
