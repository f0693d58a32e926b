/** Articles with their enrichment, their quotes flat for speaker look-ups, and the corpus revision. */
export const sql = `
      CREATE TABLE articles (
        id            TEXT PRIMARY KEY,
        origin        TEXT NOT NULL,            -- 'file' (DATA_DIR) or 'feed' (ingested)
        origin_ref    TEXT NOT NULL,            -- the file path relative to DATA_DIR, or the feed URL
        content_hash  TEXT NOT NULL,            -- of the article as read: a changed file re-enriches
        title         TEXT NOT NULL,
        date_ms       INTEGER NOT NULL,
        source        TEXT NOT NULL,
        url           TEXT,
        topics        TEXT NOT NULL,            -- gazetteer topic ids, space-separated (copied from enrichment)
        body          TEXT NOT NULL,
        paragraphs    TEXT NOT NULL,            -- JSON string[]
        enrichment    TEXT NOT NULL,            -- JSON Enrichment
        enrich_version INTEGER NOT NULL,
        added_ms      INTEGER NOT NULL
      );
      CREATE INDEX articles_date ON articles(date_ms);
      CREATE INDEX articles_origin ON articles(origin);
      -- Quotes again, flat: speaker look-ups and autocomplete without reading every article's enrichment.
      CREATE TABLE quotes (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        seq        INTEGER NOT NULL,
        speaker    TEXT,
        role       TEXT,
        text       TEXT NOT NULL,
        date_ms    INTEGER NOT NULL,
        PRIMARY KEY (article_id, seq)
      );
      CREATE INDEX quotes_speaker ON quotes(speaker);
      CREATE INDEX quotes_date ON quotes(date_ms);
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      INSERT INTO meta(key, value) VALUES ('corpus_revision', '0');
    `;
