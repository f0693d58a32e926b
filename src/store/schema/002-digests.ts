/**
 * Digest subscriptions (one per channel), their deliveries (one row per subscription and period: the claim that makes
 * delivery exactly-once), and the stories each channel has already received.
 */
export const sql = `
      CREATE TABLE subscriptions (
        id            INTEGER PRIMARY KEY,
        guild_id      TEXT NOT NULL,
        channel_id    TEXT NOT NULL UNIQUE,
        channel_name  TEXT,                     -- as it was when subscribed: mentions do not render in our embeds
        minutes       INTEGER NOT NULL,         -- local time of day, minutes after midnight
        time_zone     TEXT NOT NULL,            -- IANA name as Intl resolved it
        days          INTEGER NOT NULL,         -- weekday bitmask, bit 0 = Monday
        topics        TEXT NOT NULL,            -- gazetteer topic ids, space-separated; '' = every region topic
        quiet         INTEGER NOT NULL DEFAULT 0, -- 1: say nothing on a day without news
        created_by    TEXT,
        created_ms    INTEGER NOT NULL,
        next_due_ms   INTEGER,                  -- the next slot; NULL while paused
        last_until_ms INTEGER,                  -- end of the window the last delivered digest covered
        paused_reason TEXT,
        paused_ms     INTEGER
      );
      CREATE INDEX subscriptions_guild ON subscriptions(guild_id);
      CREATE INDEX subscriptions_due ON subscriptions(next_due_ms);
      CREATE TABLE deliveries (
        subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
        period        TEXT NOT NULL,            -- the slot's local date, YYYY-MM-DD
        due_ms        INTEGER NOT NULL,
        nonce         TEXT NOT NULL,            -- Discord message nonce: the same on every retry
        status        TEXT NOT NULL,            -- claimed | sent | skipped | failed
        reply         TEXT,                     -- JSON Reply composed at claim time, so a retry sends the same digest
        article_ids   TEXT NOT NULL DEFAULT '', -- stories it carries, space-separated
        since_ms      INTEGER NOT NULL,
        until_ms      INTEGER NOT NULL,
        attempts      INTEGER NOT NULL DEFAULT 0,
        retry_at_ms   INTEGER,
        claimed_ms    INTEGER NOT NULL,
        done_ms       INTEGER,
        message_id    TEXT,
        error         TEXT,
        PRIMARY KEY (subscription_id, period)
      );
      CREATE INDEX deliveries_pending ON deliveries(status, retry_at_ms);
      CREATE TABLE digest_seen (
        channel_id  TEXT NOT NULL,
        guild_id    TEXT NOT NULL,
        article_id  TEXT NOT NULL,
        sent_ms     INTEGER NOT NULL,
        PRIMARY KEY (channel_id, article_id)
      );
      CREATE INDEX digest_seen_guild ON digest_seen(guild_id);
    `;
