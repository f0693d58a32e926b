import type { Db } from './database.ts';

/** A feed as the user configured it (data/feeds.json or a one-off import). */
export interface FeedSpec {
  url: string;
  name: string;
  language: string;
  /** Fetch each item's page and extract the main text, instead of trusting the feed's own (often short) text. */
  fullText: boolean;
}

/** A feed with its fetch state: what conditional GET, back-off and `/sources` need. */
export interface FeedState extends FeedSpec {
  etag?: string;
  lastModified?: string;
  lastFetchMs?: number;
  lastOkMs?: number;
  /** The last HTTP status, absent when no response came (timeout, refused connection). */
  lastStatus?: number;
  lastError?: string;
  /** Consecutive failures; 0 after a success. */
  failures: number;
  /** Back-off: the feed is not fetched before this time. */
  nextFetchMs: number;
  /** Set when the feed was switched off after repeated failures; the poller skips it. */
  disabledReason?: string;
  itemsSeen: number;
  articlesAdded: number;
}

/** How one fetch ended, as recorded on the feed. */
export type FetchOutcome =
  | {
      ok: true;
      status: number;
      etag?: string;
      lastModified?: string;
      itemsSeen: number;
      articlesAdded: number;
      nextFetchMs: number;
      /** Something wrong that did not stop the feed being read (shown as its last error). */
      warning?: string;
    }
  | { ok: false; status?: number; error: string; nextFetchMs: number; disable?: string };

interface Row {
  url: string;
  name: string;
  language: string;
  full_text: number;
  etag: string | null;
  last_modified: string | null;
  last_fetch_ms: number | null;
  last_ok_ms: number | null;
  last_status: number | null;
  last_error: string | null;
  failures: number;
  next_fetch_ms: number;
  disabled_reason: string | null;
  items_seen: number;
  articles_added: number;
}

/** The feeds table and the GUIDs each feed has delivered. */
export class FeedRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  /**
   * Adds feeds that are new and updates the name, language and full-text flag of known ones; fetch state is kept.
   * Feeds no longer listed are left alone (their articles stay until retention drops them).
   */
  register(specs: readonly FeedSpec[]): void {
    const stmt = this.#db.prepare(`
      INSERT INTO feeds (url, name, language, full_text) VALUES (@url, @name, @language, @fullText)
      ON CONFLICT(url) DO UPDATE SET name = excluded.name, language = excluded.language, full_text = excluded.full_text`);
    this.#db.transaction(() => {
      for (const f of specs) stmt.run({ url: f.url, name: f.name, language: f.language, fullText: f.fullText ? 1 : 0 });
    })();
  }

  get(url: string): FeedState | undefined {
    const row = this.#db.prepare<[string], Row>('SELECT * FROM feeds WHERE url = ?').get(url);
    return row ? fromRow(row) : undefined;
  }

  /** Every feed, by name. */
  all(): FeedState[] {
    return this.#db.prepare<[], Row>('SELECT * FROM feeds ORDER BY name, url').all().map(fromRow);
  }

  /** Enabled feeds whose back-off has passed. */
  due(nowMs: number): FeedState[] {
    return this.#db
      .prepare<[number], Row>(
        'SELECT * FROM feeds WHERE disabled_reason IS NULL AND next_fetch_ms <= ? ORDER BY next_fetch_ms, url',
      )
      .all(nowMs)
      .map(fromRow);
  }

  /** Records a fetch: validators and counters on success; the error, failure count and back-off on failure. */
  record(url: string, outcome: FetchOutcome, nowMs: number): void {
    if (outcome.ok) {
      this.#db
        .prepare(
          `UPDATE feeds SET etag = COALESCE(@etag, etag), last_modified = COALESCE(@lastModified, last_modified),
             last_fetch_ms = @now, last_ok_ms = @now, last_status = @status, last_error = @warning, failures = 0,
             next_fetch_ms = @next, items_seen = items_seen + @seen, articles_added = articles_added + @added
           WHERE url = @url`,
        )
        .run({
          url,
          etag: outcome.etag ?? null,
          lastModified: outcome.lastModified ?? null,
          now: nowMs,
          status: outcome.status,
          next: outcome.nextFetchMs,
          seen: outcome.itemsSeen,
          added: outcome.articlesAdded,
          warning: outcome.warning ?? null,
        });
      return;
    }
    this.#db
      .prepare(
        `UPDATE feeds SET last_fetch_ms = @now, last_status = @status, last_error = @error, failures = failures + 1,
           next_fetch_ms = @next, disabled_reason = COALESCE(@disable, disabled_reason)
         WHERE url = @url`,
      )
      .run({
        url,
        now: nowMs,
        status: outcome.status ?? null,
        error: outcome.error,
        next: outcome.nextFetchMs,
        disable: outcome.disable ?? null,
      });
  }

  /** Switches a disabled feed back on, with its failure count reset: for an operator who fixed the URL. */
  enable(url: string): void {
    this.#db.prepare('UPDATE feeds SET disabled_reason = NULL, failures = 0, next_fetch_ms = 0 WHERE url = ?').run(url);
  }

  /** Which of these GUIDs this feed has already delivered. */
  seenGuids(feedUrl: string, guids: readonly string[]): Set<string> {
    const stmt = this.#db.prepare<[string, string], { guid: string }>(
      'SELECT guid FROM feed_items WHERE feed_url = ? AND guid = ?',
    );
    const seen = new Set<string>();
    for (const g of guids) if (stmt.get(feedUrl, g)) seen.add(g);
    return seen;
  }

  /** Remembers delivered GUIDs (with the article they became, or null when left out). */
  markSeen(feedUrl: string, items: readonly { guid: string; articleId: string | null }[], nowMs: number): void {
    const stmt = this.#db.prepare(
      'INSERT OR IGNORE INTO feed_items (feed_url, guid, article_id, seen_ms) VALUES (?, ?, ?, ?)',
    );
    this.#db.transaction(() => {
      for (const i of items) stmt.run(feedUrl, i.guid, i.articleId, nowMs);
    })();
  }

  /** Forgets GUIDs seen before `beforeMs`, so the table does not grow forever (feeds only list recent items). */
  forgetSeenBefore(beforeMs: number): number {
    return this.#db.prepare('DELETE FROM feed_items WHERE seen_ms < ?').run(beforeMs).changes;
  }
}

function fromRow(r: Row): FeedState {
  return {
    url: r.url,
    name: r.name,
    language: r.language,
    fullText: r.full_text === 1,
    ...(r.etag !== null ? { etag: r.etag } : {}),
    ...(r.last_modified !== null ? { lastModified: r.last_modified } : {}),
    ...(r.last_fetch_ms !== null ? { lastFetchMs: r.last_fetch_ms } : {}),
    ...(r.last_ok_ms !== null ? { lastOkMs: r.last_ok_ms } : {}),
    ...(r.last_status !== null ? { lastStatus: r.last_status } : {}),
    ...(r.last_error !== null ? { lastError: r.last_error } : {}),
    failures: r.failures,
    nextFetchMs: r.next_fetch_ms,
    ...(r.disabled_reason !== null ? { disabledReason: r.disabled_reason } : {}),
    itemsSeen: r.items_seen,
    articlesAdded: r.articles_added,
  };
}
