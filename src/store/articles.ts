import type { Article } from '../corpus/article.ts';
import type { Enrichment } from '../nlp/enrichment.ts';
import type { Db } from './database.ts';

/** Where an article came from: a file under DATA_DIR (synced on start) or a feed (ingested, never touched by sync). */
export type ArticleOrigin = 'file' | 'feed';

export interface StoredArticle extends Article {
  origin: ArticleOrigin;
  /** The file path relative to DATA_DIR, or the feed URL. */
  originRef: string;
  contentHash: string;
  enrichment: Enrichment;
  enrichVersion: number;
  /** The story this article belongs to (near-duplicates share it); absent: a story of its own. */
  clusterId?: string;
  /** Set by feed ingestion: what finds copies of this article later. */
  dedupe?: DedupeKeys;
}

/** An article's duplicate-detection keys: exact (body hash) and near (MinHash signature and its LSH band keys). */
export interface DedupeKeys {
  bodyHash: string;
  minhash: Uint32Array;
  bands: readonly number[];
}

/** What changed in the store after some revision: enough for an index to catch up without a rebuild. */
export interface CorpusChanges {
  revision: number;
  upserted: StoredArticle[];
  removed: string[];
}

/** The few columns the query path keeps in memory for every article: enough to filter and rank without the text. */
export interface ArticleHeader {
  id: string;
  title: string;
  dateMs: number;
  source: string;
  url?: string;
  /** Gazetteer topic ids, most mentioned first. */
  topics: string[];
  /** The story cluster, when the article has near-duplicates or copies from other outlets. */
  clusterId?: string;
}

/** A quote as the quotes table holds it. */
export interface StoredQuote {
  articleId: string;
  seq: number;
  speaker: string | null;
  role: string | null;
  text: string;
  dateMs: number;
}

/** Near-duplicate candidates returned per lookup. */
const CANDIDATE_LIMIT = 25;
/** Candidates looked up in the articles table per lookup at most (those outside the date window are skipped). */
const CANDIDATES_EXAMINED = 64;
/** Members read per LSH bucket (newest first). */
const BUCKET_READ_LIMIT = 16;
/** Buckets and candidates the near-duplicate cache holds before it starts afresh (bounds its memory). */
const CACHE_LIMIT = 300_000;
/**
 * Bucket rows up to which the cache loads every bucket at once: then a key it does not hold is known to be empty and
 * costs no query (a new article's own keys usually are). Larger stores fill the cache bucket by bucket instead.
 */
const LOAD_ALL_ROWS = 300_000;

/** What a near-duplicate lookup needs of a stored article; `minhash` null when it has none. */
interface CandidateDetail {
  dateMs: number;
  clusterId: string;
  minhash: Uint32Array | null;
}

/**
 * The near-duplicate lookup's view of the store, kept in memory: each LSH bucket's newest members (as the
 * `article_bands` rows give them, newest first) and each candidate's date, story and signature. Ingestion asks for
 * 32 buckets per article; reading them from SQLite one query each was most of the clustering time. Kept in step by
 * this process's own writes and valid for one corpus revision only, so a write by any other process (or
 * connection) makes it start afresh.
 */
class BandCache {
  /** The corpus revision the cached entries reflect; -1: stale, start afresh before use. */
  revision = -1;
  /** True when `buckets` holds every non-empty bucket (all rows were loaded), false when filled one by one. */
  complete = false;
  readonly buckets = new Map<number, string[]>();
  readonly details = new Map<string, CandidateDetail | undefined>();

  reset(revision: number): void {
    this.revision = revision;
    this.complete = false;
    this.buckets.clear();
    this.details.clear();
  }

  /** Notes a bucket row just inserted: it is the bucket's newest member. */
  addMember(key: number, id: string): void {
    const members = this.buckets.get(key);
    if (!members) {
      if (this.complete) this.buckets.set(key, [id]);
      return;
    }
    members.unshift(id);
    if (members.length > BUCKET_READ_LIMIT) members.pop();
  }
}

interface Row {
  id: string;
  origin: ArticleOrigin;
  origin_ref: string;
  content_hash: string;
  title: string;
  date_ms: number;
  source: string;
  url: string | null;
  body: string;
  paragraphs: string;
  enrichment: string;
  enrich_version: number;
  cluster_id: string | null;
}

/**
 * The articles table. Every write bumps the corpus revision, which tells other processes (and the saved index) that
 * what they hold is stale.
 */
export class ArticleRepository {
  readonly #db: Db;
  readonly #get;
  readonly #upsert;
  readonly #delete;
  readonly #deleteQuotes;
  readonly #insertQuote;
  readonly #bump;
  readonly #deleteBands;
  readonly #insertBand;
  readonly #logRemoval;
  readonly #revision;
  readonly #fingerprint;
  readonly #byBodyHash;
  readonly #bandMembers;
  readonly #candidateDate;
  readonly #candidate;
  readonly #bandCache = new BandCache();

  constructor(db: Db) {
    this.#db = db;
    this.#get = db.prepare<[string], Row>('SELECT * FROM articles WHERE id = ?');
    this.#upsert = db.prepare(`
      INSERT INTO articles (id, origin, origin_ref, content_hash, title, date_ms, source, url, topics, body, paragraphs,
                            enrichment, enrich_version, added_ms, cluster_id, body_hash, minhash, changed_rev)
      VALUES (@id, @origin, @originRef, @contentHash, @title, @dateMs, @source, @url, @topics, @body, @paragraphs,
              @enrichment, @enrichVersion, @addedMs, @clusterId, @bodyHash, @minhash, @changedRev)
      ON CONFLICT(id) DO UPDATE SET origin = excluded.origin, origin_ref = excluded.origin_ref,
        content_hash = excluded.content_hash, title = excluded.title, date_ms = excluded.date_ms,
        source = excluded.source, url = excluded.url, topics = excluded.topics, body = excluded.body, paragraphs = excluded.paragraphs,
        enrichment = excluded.enrichment, enrich_version = excluded.enrich_version,
        cluster_id = excluded.cluster_id, body_hash = excluded.body_hash, minhash = excluded.minhash,
        changed_rev = excluded.changed_rev`);
    this.#deleteBands = db.prepare('DELETE FROM article_bands WHERE article_id = ?');
    this.#insertBand = db.prepare('INSERT INTO article_bands (band_key, article_id) VALUES (?, ?)');
    this.#logRemoval = db.prepare(
      'INSERT INTO article_removals (id, rev) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET rev = excluded.rev',
    );
    this.#delete = db.prepare('DELETE FROM articles WHERE id = ?');
    this.#deleteQuotes = db.prepare('DELETE FROM quotes WHERE article_id = ?');
    this.#insertQuote = db.prepare(
      'INSERT INTO quotes (article_id, seq, speaker, role, text, date_ms) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.#bump = db.prepare(
      "UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'corpus_revision'",
    );
    // Prepared once: ingestion asks these for every incoming article.
    this.#revision = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'corpus_revision'");
    this.#fingerprint = db.prepare<[string], { origin: ArticleOrigin; content_hash: string; enrich_version: number }>(
      'SELECT origin, content_hash, enrich_version FROM articles WHERE id = ?',
    );
    this.#byBodyHash = db.prepare<[string], { id: string; cluster_id: string | null }>(
      'SELECT id, cluster_id FROM articles WHERE body_hash = ? ORDER BY date_ms, id LIMIT 1',
    );
    // Newest members of one bucket first (the index on band_key keeps rowid order), so a bucket filled by common
    // phrasing costs at most the limit, however many articles share it.
    this.#bandMembers = db
      .prepare<[number, number], string>(
        'SELECT article_id FROM article_bands WHERE band_key = ? ORDER BY rowid DESC LIMIT ?',
      )
      .pluck();
    // Two steps: the date sits before the text in the row, the signature after it (a later column), so most
    // candidates (outside the window) are dismissed without reading through the text's overflow pages.
    this.#candidateDate = db.prepare<[string], number>('SELECT date_ms FROM articles WHERE id = ?').pluck();
    this.#candidate = db.prepare<[string], { cluster_id: string | null; minhash: Buffer | null }>(
      'SELECT cluster_id, minhash FROM articles WHERE id = ?',
    );
  }

  /** A number that changes whenever any process changes the articles. */
  revision(): number {
    return Number((this.#revision.get() as { value: string }).value);
  }

  count(): number {
    return (this.#db.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;
  }

  /** What is stored for one id, without reading its text: lets ingestion skip an article it already has. */
  fingerprint(id: string): { origin: ArticleOrigin; contentHash: string; enrichVersion: number } | undefined {
    const row = this.#fingerprint.get(id);
    return row ? { origin: row.origin, contentHash: row.content_hash, enrichVersion: row.enrich_version } : undefined;
  }

  get(id: string): StoredArticle | undefined {
    const row = this.#get.get(id);
    return row ? fromRow(row) : undefined;
  }

  /** The stored articles with these ids, in the order asked; unknown ids are left out. */
  getMany(ids: readonly string[]): StoredArticle[] {
    const out: StoredArticle[] = [];
    for (const id of ids) {
      const a = this.get(id);
      if (a) out.push(a);
    }
    return out;
  }

  /** What is stored for one origin, by id: lets a sync skip articles whose content has not changed. */
  fingerprints(origin: ArticleOrigin): Map<string, { contentHash: string; enrichVersion: number }> {
    const rows = this.#db
      .prepare('SELECT id, content_hash, enrich_version FROM articles WHERE origin = ?')
      .all(origin) as { id: string; content_hash: string; enrich_version: number }[];
    return new Map(rows.map((r) => [r.id, { contentHash: r.content_hash, enrichVersion: r.enrich_version }]));
  }

  /**
   * Inserts or replaces articles and removes ids, all in one transaction and one revision bump. Returns the revision
   * the write created (the current one when there was nothing to write).
   */
  write(changes: { upsert?: readonly StoredArticle[]; remove?: readonly string[] }, nowMs: number): number {
    const upserts = changes.upsert ?? [];
    const removals = changes.remove ?? [];
    if (upserts.length === 0 && removals.length === 0) return this.revision();
    // Whether the write took rows out of LSH buckets (the cache cannot tell which older member moves up in its
    // place), or runs inside a caller's transaction that may still roll back.
    let bucketsShrank = removals.length > 0 || this.#db.inTransaction;
    const revision = this.#db.transaction(() => {
      // The revision this write creates: stamped on every row it touches, so an index can catch up on it.
      const changedRev = this.revision() + 1;
      for (const a of upserts) {
        this.#upsert.run({
          id: a.id,
          origin: a.origin,
          originRef: a.originRef,
          contentHash: a.contentHash,
          title: a.title,
          dateMs: Date.parse(a.date),
          source: a.source,
          url: a.url ?? null,
          topics: a.enrichment.topics.join(' '),
          body: a.body,
          paragraphs: paragraphsColumn(a),
          enrichment: JSON.stringify(a.enrichment),
          enrichVersion: a.enrichVersion,
          addedMs: nowMs,
          clusterId: a.clusterId ?? a.id,
          bodyHash: a.dedupe?.bodyHash ?? null,
          minhash: a.dedupe
            ? Buffer.from(a.dedupe.minhash.buffer, a.dedupe.minhash.byteOffset, a.dedupe.minhash.byteLength)
            : null,
          changedRev,
        });
        if (this.#deleteBands.run(a.id).changes > 0) bucketsShrank = true;
        for (const key of a.dedupe?.bands ?? []) this.#insertBand.run(key, a.id);
        this.#deleteQuotes.run(a.id);
        a.enrichment.quotes.forEach((q, seq) => {
          this.#insertQuote.run(a.id, seq, q.speaker, q.role, q.text, Date.parse(a.date));
        });
      }
      for (const id of removals) {
        this.#delete.run(id);
        this.#logRemoval.run(id, changedRev);
      }
      this.#bump.run();
      return changedRev;
    })();
    this.#keepCacheInStep(upserts, revision, bucketsShrank);
    return revision;
  }

  /** After a committed write: brings the near-duplicate cache to the new revision, or empties it. */
  #keepCacheInStep(upserts: readonly StoredArticle[], revision: number, bucketsShrank: boolean): void {
    const cache = this.#bandCache;
    if (bucketsShrank || cache.revision !== revision - 1) {
      cache.reset(-1);
      return;
    }
    cache.revision = revision;
    for (const a of upserts) {
      // Rows were inserted in this order, each with a higher rowid than any before it.
      for (const key of a.dedupe?.bands ?? []) cache.addMember(key, a.id);
      // Dropped rather than rewritten: the next look-up reads the row back exactly as stored.
      cache.details.delete(a.id);
    }
  }

  /** Every article's header, newest first. */
  headers(): ArticleHeader[] {
    const rows = this.#db
      .prepare('SELECT id, title, date_ms, source, url, topics, cluster_id FROM articles ORDER BY date_ms DESC')
      .all() as {
      id: string;
      title: string;
      date_ms: number;
      source: string;
      url: string | null;
      topics: string;
      cluster_id: string | null;
    }[];
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      dateMs: r.date_ms,
      source: r.source,
      ...(r.url ? { url: r.url } : {}),
      topics: r.topics ? r.topics.split(' ') : [],
      ...(r.cluster_id && r.cluster_id !== r.id ? { clusterId: r.cluster_id } : {}),
    }));
  }

  /** Attributed speakers with how many quotes each has, most quoted first. */
  speakers(): { speaker: string; quotes: number }[] {
    return this.#db
      .prepare(
        'SELECT speaker, COUNT(*) AS quotes FROM quotes WHERE speaker IS NOT NULL GROUP BY speaker ORDER BY quotes DESC, speaker',
      )
      .all() as { speaker: string; quotes: number }[];
  }

  /** Quotes, newest first, optionally only by these speakers and since a time. */
  quotes(filter: { speakers?: readonly string[]; sinceMs?: number; limit: number }): StoredQuote[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.speakers) {
      if (filter.speakers.length === 0) return [];
      where.push(`q.speaker IN (${filter.speakers.map(() => '?').join(', ')})`);
      params.push(...filter.speakers);
    }
    if (filter.sinceMs !== undefined) {
      where.push('q.date_ms >= ?');
      params.push(filter.sinceMs);
    }
    const sql = `SELECT q.article_id AS articleId, q.seq, q.speaker, q.role, q.text, q.date_ms AS dateMs
                 FROM quotes q ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                 ORDER BY q.date_ms DESC, q.article_id, q.seq LIMIT ?`;
    return this.#db.prepare(sql).all(...params, filter.limit) as StoredQuote[];
  }

  /** Per outlet: how many articles, the oldest and the newest. */
  outlets(): { source: string; articles: number; oldestMs: number; newestMs: number }[] {
    return this.#db
      .prepare(
        `SELECT source, COUNT(*) AS articles, MIN(date_ms) AS oldestMs, MAX(date_ms) AS newestMs
         FROM articles GROUP BY source ORDER BY articles DESC, source`,
      )
      .all() as { source: string; articles: number; oldestMs: number; newestMs: number }[];
  }

  /**
   * What changed after `revision`: articles written since (their current state) and ids removed since. A removed id
   * that was written again later shows as upserted only.
   */
  changesSince(revision: number): CorpusChanges {
    return this.#db.transaction(() => {
      const now = this.revision();
      if (now === revision) return { revision: now, upserted: [], removed: [] };
      const upserted = this.#db
        .prepare<[number], Row>('SELECT * FROM articles WHERE changed_rev > ?')
        .all(revision)
        .map(fromRow);
      const written = new Set(upserted.map((a) => a.id));
      const removed = (
        this.#db.prepare('SELECT id FROM article_removals WHERE rev > ?').all(revision) as { id: string }[]
      )
        .map((r) => r.id)
        .filter((id) => !written.has(id));
      return { revision: now, upserted, removed };
    })();
  }

  /** Per story cluster, its articles' outlets and links, oldest first: "reported by ERR, LSM, Reuters". */
  clusterMembers(clusterIds: readonly string[]): Map<string, { id: string; source: string; url?: string }[]> {
    const out = new Map<string, { id: string; source: string; url?: string }[]>();
    const stmt = this.#db.prepare<[string], { id: string; source: string; url: string | null }>(
      'SELECT id, source, url FROM articles WHERE cluster_id = ? ORDER BY date_ms, id',
    );
    for (const clusterId of new Set(clusterIds)) {
      out.set(
        clusterId,
        stmt.all(clusterId).map((r) => ({ id: r.id, source: r.source, ...(r.url ? { url: r.url } : {}) })),
      );
    }
    return out;
  }

  /** An article whose normalised body has this hash (an exact copy), with its story cluster. */
  findByBodyHash(bodyHash: string): { id: string; clusterId: string } | undefined {
    const row = this.#byBodyHash.get(bodyHash);
    return row ? { id: row.id, clusterId: row.cluster_id ?? row.id } : undefined;
  }

  /**
   * Articles sharing at least one LSH band key within a date window, with their signatures: near-duplicate
   * candidates, the 25 sharing most bands first (the most similar share the most, so the cap keeps lookups bounded).
   * Each bucket is read up to its 16 newest members and at most 64 candidates are looked up, so the work stays
   * bounded however many articles share common phrasing: a bucket that full holds stock phrases, not one story,
   * and a real copy also shares the rarer buckets of its own content.
   */
  bandCandidates(
    keys: readonly number[],
    window: { fromMs: number; toMs: number },
  ): { id: string; clusterId: string; dateMs: number; minhash: Uint32Array; shared: number }[] {
    const cache = this.#bandCache;
    const revision = this.revision();
    if (cache.revision !== revision || cache.buckets.size > CACHE_LIMIT || cache.details.size > CACHE_LIMIT) {
      this.#refillCache(revision);
    }
    const shared = new Map<string, number>();
    for (const key of new Set(keys)) {
      let members = cache.buckets.get(key);
      if (!members) {
        if (cache.complete) continue;
        members = this.#bandMembers.all(key, BUCKET_READ_LIMIT);
        cache.buckets.set(key, members);
      }
      for (const id of members) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    const out: { id: string; clusterId: string; dateMs: number; minhash: Uint32Array; shared: number }[] = [];
    for (const [id, count] of mostShared(shared, CANDIDATES_EXAMINED)) {
      if (out.length === CANDIDATE_LIMIT) break;
      let detail: CandidateDetail | undefined;
      if (cache.details.has(id)) detail = cache.details.get(id);
      else {
        detail = this.#readCandidate(id);
        cache.details.set(id, detail);
      }
      if (!detail) continue;
      const { dateMs } = detail;
      if (dateMs < window.fromMs || dateMs > window.toMs || !detail.minhash) continue;
      out.push({ id, clusterId: detail.clusterId, dateMs, minhash: detail.minhash.slice(), shared: count });
    }
    return out;
  }

  /** Starts the near-duplicate cache afresh at `revision`: every bucket at once when the store is small enough. */
  #refillCache(revision: number): void {
    const cache = this.#bandCache;
    cache.reset(revision);
    const rows = this.#db.prepare('SELECT MAX(rowid) FROM article_bands').pluck().get() as number | null;
    if ((rows ?? 0) > LOAD_ALL_ROWS) return;
    // Oldest first, so each row read is its bucket's newest so far.
    const all = this.#db.prepare('SELECT band_key, article_id FROM article_bands ORDER BY rowid').raw();
    cache.complete = true;
    for (const [key, id] of all.iterate() as IterableIterator<[number, string]>) cache.addMember(key, id);
  }

  /** One candidate's date, story and signature as stored; undefined when no such article. */
  #readCandidate(id: string): CandidateDetail | undefined {
    const dateMs = this.#candidateDate.get(id);
    if (dateMs === undefined) return undefined;
    const row = this.#candidate.get(id);
    if (!row) return undefined;
    const minhash = row.minhash
      ? new Uint32Array(
          row.minhash.buffer.slice(row.minhash.byteOffset, row.minhash.byteOffset + row.minhash.byteLength),
        )
      : null;
    return { dateMs, clusterId: row.cluster_id ?? id, minhash };
  }

  /** Ids of feed-ingested articles dated before `beforeMs`: what the retention window drops. */
  feedArticlesBefore(beforeMs: number): string[] {
    return (
      this.#db.prepare("SELECT id FROM articles WHERE origin = 'feed' AND date_ms < ?").all(beforeMs) as {
        id: string;
      }[]
    ).map((r) => r.id);
  }

  /** Walks every stored article without holding them all in memory (index rebuilds at 50k articles). */
  *iterate(): Generator<StoredArticle> {
    for (const row of this.#db.prepare<[], Row>('SELECT * FROM articles').iterate()) yield fromRow(row);
  }
}

/**
 * The `limit` ids sharing most buckets, most first; ties by id (code-unit order) so the answer does not depend on
 * the order buckets were read. Grouped by count first: a full sort of every id met was most of a look-up's time.
 */
function mostShared(shared: ReadonlyMap<string, number>, limit: number): [string, number][] {
  const byCount: string[][] = [];
  for (const [id, count] of shared) {
    const group = byCount[count];
    if (group) group.push(id);
    else byCount[count] = [id];
  }
  const out: [string, number][] = [];
  for (let count = byCount.length - 1; count > 0 && out.length < limit; count--) {
    const group = byCount[count];
    if (!group) continue;
    // The default sort compares strings by UTF-16 code units, as `<` does.
    group.sort();
    for (const id of group) {
      if (out.length === limit) break;
      out.push([id, count]);
    }
  }
  return out;
}

const PARAGRAPH_BREAK = '\n\n';

/**
 * The paragraphs column: empty when the paragraphs are just the body split at blank lines (as every reader builds
 * them), else their JSON. Storing them again beside the body doubled each row's text and much of the write time.
 */
function paragraphsColumn(a: Article): string {
  const fromBody =
    a.paragraphs.join(PARAGRAPH_BREAK) === a.body && !a.paragraphs.some((p) => p.includes(PARAGRAPH_BREAK));
  return fromBody && a.paragraphs.length > 0 ? '' : JSON.stringify(a.paragraphs);
}

function fromRow(row: Row): StoredArticle {
  return {
    id: row.id,
    origin: row.origin,
    originRef: row.origin_ref,
    contentHash: row.content_hash,
    title: row.title,
    date: new Date(row.date_ms).toISOString(),
    source: row.source,
    ...(row.url ? { url: row.url } : {}),
    body: row.body,
    paragraphs: row.paragraphs === '' ? row.body.split(PARAGRAPH_BREAK) : (JSON.parse(row.paragraphs) as string[]),
    enrichment: JSON.parse(row.enrichment) as Enrichment,
    enrichVersion: row.enrich_version,
    ...(row.cluster_id && row.cluster_id !== row.id ? { clusterId: row.cluster_id } : {}),
  };
}
