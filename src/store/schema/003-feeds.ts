/**
 * Feeds and their fetch state, GUIDs seen per feed, near-duplicate signatures and story clusters, and a change log
 * (issue: a living corpus).
 */
export const sql = `
      CREATE TABLE feeds (
        url             TEXT PRIMARY KEY,
        name            TEXT NOT NULL,
        language        TEXT NOT NULL DEFAULT 'en',
        full_text       INTEGER NOT NULL DEFAULT 0,
        -- Conditional GET: what the server said last time.
        etag            TEXT,
        last_modified   TEXT,
        last_fetch_ms   INTEGER,
        last_ok_ms      INTEGER,
        last_status     INTEGER,                -- HTTP status, or NULL when no response came
        last_error      TEXT,
        failures        INTEGER NOT NULL DEFAULT 0,   -- consecutive
        next_fetch_ms   INTEGER NOT NULL DEFAULT 0,   -- back-off: not fetched before this
        disabled_reason TEXT,                   -- set: the poller skips the feed until re-enabled
        items_seen      INTEGER NOT NULL DEFAULT 0,
        articles_added  INTEGER NOT NULL DEFAULT 0
      );
      -- Feed GUIDs already taken in: an item seen once is never fetched or enriched again.
      CREATE TABLE feed_items (
        feed_url   TEXT NOT NULL,
        guid       TEXT NOT NULL,
        article_id TEXT,                        -- NULL when the item was left out (off-region, unreadable)
        seen_ms    INTEGER NOT NULL,
        PRIMARY KEY (feed_url, guid)
      );
      -- Story clusters: near-duplicates share a cluster id (the id of the story's first article).
      ALTER TABLE articles ADD COLUMN cluster_id TEXT;
      -- sha256 of the normalised body: exact copies across outlets.
      ALTER TABLE articles ADD COLUMN body_hash TEXT;
      -- MinHash signature (Uint32 little-endian) for near-duplicate checks.
      ALTER TABLE articles ADD COLUMN minhash BLOB;
      -- The corpus revision of the article's last write: lets an index catch up on what changed since its revision.
      ALTER TABLE articles ADD COLUMN changed_rev INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX articles_cluster ON articles(cluster_id);
      CREATE INDEX articles_body_hash ON articles(body_hash);
      CREATE INDEX articles_changed ON articles(changed_rev);
      -- LSH buckets of the MinHash signatures: candidate near-duplicates by lookup, not by scanning.
      CREATE TABLE article_bands (
        band_key   INTEGER NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
      );
      CREATE INDEX article_bands_key ON article_bands(band_key);
      CREATE INDEX article_bands_article ON article_bands(article_id);
      -- Removed article ids with the revision that removed them (the other half of the change log).
      CREATE TABLE article_removals (id TEXT PRIMARY KEY, rev INTEGER NOT NULL);
      CREATE INDEX article_removals_rev ON article_removals(rev);
    `;
