import type { Clock } from '../clock.ts';
import type { Article } from '../corpus/article.ts';
import { buildArticle } from '../corpus/readers.ts';
import type { FeedRepository, FeedState, FetchOutcome } from '../store/feeds.ts';
import { DEFAULT_FETCH_LIMITS, type FetchLimits, fetchWithLimits } from './fetch.ts';
import { fetchFullText } from './full-text.ts';
import { type IngestDeps, ingestArticles } from './ingest-articles.ts';
import { type FeedItem, parseFeedBytes } from './parse-feed.ts';

/** Consecutive failures after which a feed is switched off (with doubling back-off that is about four days). */
export const MAX_FAILURES = 10;
/** Back-off never waits longer than a day between tries. */
const MAX_BACKOFF_MS = 86_400_000;

export interface PollDeps extends IngestDeps {
  feeds: FeedRepository;
  clock: Clock;
  /** The normal time between two fetches of a feed. */
  intervalMs: number;
  limits?: FetchLimits;
}

/** What one fetch of one feed did. */
export interface FeedPollReport {
  url: string;
  ok: boolean;
  status?: number;
  notModified?: boolean;
  error?: string;
  disabled?: string;
  items: number;
  newItems: number;
  added: number;
  offRegion: number;
  joinedStories: number;
}

/**
 * Fetches one feed (conditionally, within the limits), takes its new items in and records the outcome on the feed:
 * validators and counters on success; on failure the reason, a doubled back-off, and after `MAX_FAILURES` in a row
 * (or a 410 Gone) the feed is disabled with the reason. Never throws.
 * @example const report = await pollFeed(feeds.get(url), deps);
 */
export async function pollFeed(feed: FeedState, deps: PollDeps): Promise<FeedPollReport> {
  const limits = deps.limits ?? DEFAULT_FETCH_LIMITS;
  const startedMs = deps.clock.now().getTime();
  const report: FeedPollReport = {
    url: feed.url,
    ok: false,
    items: 0,
    newItems: 0,
    added: 0,
    offRegion: 0,
    joinedStories: 0,
  };
  const fail = (error: string, status?: number, permanent?: string): FeedPollReport => {
    const failures = feed.failures + 1;
    const disable =
      permanent ?? (failures >= MAX_FAILURES ? `${failures} failures in a row, last: ${error}` : undefined);
    const backoff = Math.min(deps.intervalMs * 2 ** failures, MAX_BACKOFF_MS);
    const outcome: FetchOutcome = {
      ok: false,
      error,
      nextFetchMs: startedMs + backoff,
      ...(status !== undefined ? { status } : {}),
      ...(disable ? { disable } : {}),
    };
    deps.feeds.record(feed.url, outcome, startedMs);
    const level = disable ? 'warn' : 'info';
    deps.log[level]({ feed: feed.url, error, status, failures, disabled: disable }, 'feed fetch failed');
    return { ...report, error, ...(status !== undefined ? { status } : {}), ...(disable ? { disabled: disable } : {}) };
  };
  try {
    const fetched = await fetchWithLimits(feed.url, { etag: feed.etag, lastModified: feed.lastModified }, limits);
    if (!fetched.ok) {
      return fail(fetched.error, fetched.status, fetched.status === 410 ? 'HTTP 410: the feed is gone' : undefined);
    }
    const next = startedMs + deps.intervalMs;
    if ('notModified' in fetched) {
      deps.feeds.record(
        feed.url,
        { ok: true, status: 304, itemsSeen: 0, articlesAdded: 0, nextFetchMs: next },
        startedMs,
      );
      return { ...report, ok: true, status: 304, notModified: true };
    }
    const parsed = parseFeedBytes(fetched.body, fetched.url, fetched.contentType);
    if (!parsed.ok) return fail(parsed.error, fetched.status);
    const items = parsed.feed.items;
    const seen = deps.feeds.seenGuids(
      feed.url,
      items.map((i) => i.guid),
    );
    const fresh = items.filter((i) => !seen.has(i.guid));
    const articles: { guid: string; article: Article | null }[] = [];
    for (const item of fresh) {
      articles.push({ guid: item.guid, article: await articleOf(item, feed, startedMs, limits) });
    }
    const ingest = ingestArticles(
      articles.flatMap((a) => (a.article ? [a.article] : [])),
      feed.url,
      deps,
      startedMs,
    );
    const stored = new Set(ingest.ids);
    deps.feeds.markSeen(
      feed.url,
      articles.map((a) => ({
        guid: a.guid,
        articleId: a.article && stored.has(a.article.id) ? a.article.id : null,
      })),
      startedMs,
    );
    deps.feeds.record(
      feed.url,
      {
        ok: true,
        status: fetched.status,
        ...(fetched.etag ? { etag: fetched.etag } : {}),
        ...(fetched.lastModified ? { lastModified: fetched.lastModified } : {}),
        itemsSeen: fresh.length,
        articlesAdded: ingest.added,
        nextFetchMs: next,
        ...(parsed.feed.warnings.length > 0 ? { warning: parsed.feed.warnings.join('; ') } : {}),
      },
      startedMs,
    );
    deps.log.info(
      { feed: feed.url, items: items.length, new: fresh.length, added: ingest.added, offRegion: ingest.offRegion },
      'feed fetched',
    );
    return {
      ...report,
      ok: true,
      status: fetched.status,
      items: items.length,
      newItems: fresh.length,
      added: ingest.added,
      offRegion: ingest.offRegion,
      joinedStories: ingest.joinedStories,
    };
  } catch (error) {
    // A bug for one feed must not stop the others; it still counts against the feed so it backs off.
    deps.log.error({ err: error, feed: feed.url }, 'feed poll crashed');
    return fail(`internal error: ${(error as Error).message}`);
  }
}

/**
 * An article from a feed item: the page's main text when the feed asks for full text (the feed's own text when
 * that fails); the fetch time when the item has no date; null when there is no text at all.
 */
async function articleOf(item: FeedItem, feed: FeedState, nowMs: number, limits: FetchLimits): Promise<Article | null> {
  let paragraphs = item.paragraphs;
  if (feed.fullText && item.link) paragraphs = (await fetchFullText(item.link, limits)) ?? paragraphs;
  if (paragraphs.length === 0 && item.title) paragraphs = [item.title];
  const built = buildArticle({
    title: item.title || undefined,
    date: item.date ?? new Date(nowMs).toISOString(),
    source: feed.name,
    url: item.link,
    body: paragraphs.join('\n\n'),
    paragraphs,
  });
  return built.ok ? built.article : null;
}

export interface FeedPollerDeps extends PollDeps {
  /** Feeds fetched at the same time at most (default 4). */
  concurrency?: number;
  /** Runs after each round: retention and the index snapshot. */
  afterRound?: (reports: FeedPollReport[]) => void | Promise<void>;
}

/**
 * Polls every due feed while the bot runs: every `intervalMs` (and once at start), at most `concurrency` feeds at a
 * time, each on its own so a failing or slow feed never blocks the others. After each round: the retention window
 * is applied and the index snapshot saved. Rounds never overlap.
 */
export class FeedPoller {
  readonly #deps: FeedPollerDeps;
  #timer: NodeJS.Timeout | undefined;
  #round: Promise<FeedPollReport[]> | undefined;
  #stopped = false;

  constructor(deps: FeedPollerDeps) {
    this.#deps = deps;
  }

  /** Starts polling: a first round now, then one every interval. */
  start(): void {
    this.#stopped = false;
    void this.runRound();
    this.#timer = setInterval(() => void this.runRound(), this.#deps.intervalMs);
    this.#timer.unref();
  }

  /** Stops the timer and waits for a round under way to finish. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#round?.catch(() => undefined);
  }

  /** One round over the due feeds; a round already running is awaited rather than doubled. */
  runRound(): Promise<FeedPollReport[]> {
    this.#round ??= this.#runRound().finally(() => {
      this.#round = undefined;
    });
    return this.#round;
  }

  async #runRound(): Promise<FeedPollReport[]> {
    const deps = this.#deps;
    const due = deps.feeds.due(deps.clock.now().getTime());
    const reports: FeedPollReport[] = [];
    let next = 0;
    const worker = async () => {
      while (next < due.length && !this.#stopped) {
        const feed = due[next++] as FeedState;
        reports.push(await pollFeed(feed, deps));
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, deps.concurrency ?? 4) }, worker));
    try {
      await deps.afterRound?.(reports);
    } catch (error) {
      deps.log.error({ err: error }, 'after-round step failed');
    }
    return reports;
  }
}
