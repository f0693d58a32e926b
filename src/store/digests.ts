import type { Schedule } from '../scheduler/schedule.ts';
import type { Db } from './database.ts';

/** A channel's digest subscription as stored. */
export interface Subscription {
  id: number;
  guildId: string;
  channelId: string;
  channelName: string | null;
  schedule: Schedule;
  /** Gazetteer topic ids; empty means every region topic. */
  topics: string[];
  /** Say nothing on a day without news (else a one-line note). */
  quiet: boolean;
  createdBy: string | null;
  createdMs: number;
  /** The next slot to deliver; null while paused. */
  nextDueMs: number | null;
  /** End of the window the last delivered digest covered; null before the first. */
  lastUntilMs: number | null;
  pausedReason: string | null;
  pausedMs: number | null;
}

export type DeliveryStatus = 'claimed' | 'sent' | 'skipped' | 'failed';

/** One claimed (and maybe finished) delivery of a subscription's period. */
export interface Delivery {
  subscriptionId: number;
  period: string;
  dueMs: number;
  nonce: string;
  status: DeliveryStatus;
  /** The composed Reply as JSON: a retry sends exactly this. */
  reply: string | null;
  articleIds: string[];
  sinceMs: number;
  untilMs: number;
  attempts: number;
  retryAtMs: number | null;
  claimedMs: number;
  doneMs: number | null;
  messageId: string | null;
  error: string | null;
}

/** What a subscriber chooses; the rest is bookkeeping. */
export interface SubscriptionInput {
  guildId: string;
  channelId: string;
  channelName?: string | null;
  schedule: Schedule;
  topics: string[];
  quiet: boolean;
  createdBy?: string | null;
}

export interface NewDelivery {
  subscriptionId: number;
  period: string;
  dueMs: number;
  nonce: string;
  reply: string | null;
  articleIds: string[];
  sinceMs: number;
  untilMs: number;
}

interface SubRow {
  id: number;
  guild_id: string;
  channel_id: string;
  channel_name: string | null;
  minutes: number;
  time_zone: string;
  days: number;
  topics: string;
  quiet: number;
  created_by: string | null;
  created_ms: number;
  next_due_ms: number | null;
  last_until_ms: number | null;
  paused_reason: string | null;
  paused_ms: number | null;
}

interface DeliveryRow {
  subscription_id: number;
  period: string;
  due_ms: number;
  nonce: string;
  status: DeliveryStatus;
  reply: string | null;
  article_ids: string;
  since_ms: number;
  until_ms: number;
  attempts: number;
  retry_at_ms: number | null;
  claimed_ms: number;
  done_ms: number | null;
  message_id: string | null;
  error: string | null;
}

/**
 * Subscriptions, deliveries and what each channel has received. A delivery row is the claim: unique per subscription
 * and period, written before anything is sent, so a crash leaves either nothing (the period is claimed again) or a
 * claim to retry with the same nonce and the same digest.
 */
export class DigestRepository {
  readonly #db: Db;
  readonly #byChannel;
  readonly #byId;
  readonly #claim;
  readonly #delivery;
  readonly #insertSeen;

  constructor(db: Db) {
    this.#db = db;
    this.#byChannel = db.prepare<[string], SubRow>('SELECT * FROM subscriptions WHERE channel_id = ?');
    this.#byId = db.prepare<[number], SubRow>('SELECT * FROM subscriptions WHERE id = ?');
    this.#claim = db.prepare(`
      INSERT INTO deliveries (subscription_id, period, due_ms, nonce, status, reply, article_ids, since_ms, until_ms,
                              claimed_ms)
      VALUES (@subscriptionId, @period, @dueMs, @nonce, 'claimed', @reply, @articleIds, @sinceMs, @untilMs, @nowMs)
      ON CONFLICT(subscription_id, period) DO NOTHING`);
    this.#delivery = db.prepare<[number, string], DeliveryRow>(
      'SELECT * FROM deliveries WHERE subscription_id = ? AND period = ?',
    );
    this.#insertSeen = db.prepare(
      'INSERT OR IGNORE INTO digest_seen (channel_id, guild_id, article_id, sent_ms) VALUES (?, ?, ?, ?)',
    );
  }

  /**
   * Subscribes a channel, or updates its subscription (which also resumes a paused one: subscribing again is how a
   * fixed channel comes back). `created` tells which happened.
   */
  subscribe(
    input: SubscriptionInput,
    nextDueMs: number | null,
    nowMs: number,
  ): { subscription: Subscription; created: boolean } {
    const existing = this.#byChannel.get(input.channelId);
    const values = {
      guildId: input.guildId,
      channelId: input.channelId,
      channelName: input.channelName ?? null,
      minutes: input.schedule.minutes,
      timeZone: input.schedule.timeZone,
      days: input.schedule.days,
      topics: input.topics.join(' '),
      quiet: input.quiet ? 1 : 0,
      createdBy: input.createdBy ?? null,
      nextDueMs,
      nowMs,
    };
    if (existing) {
      this.#db
        .prepare(
          `UPDATE subscriptions SET guild_id = @guildId, channel_name = COALESCE(@channelName, channel_name),
             minutes = @minutes, time_zone = @timeZone, days = @days, topics = @topics, quiet = @quiet,
             next_due_ms = @nextDueMs, paused_reason = NULL, paused_ms = NULL
           WHERE channel_id = @channelId`,
        )
        .run(values);
    } else {
      this.#db
        .prepare(
          `INSERT INTO subscriptions (guild_id, channel_id, channel_name, minutes, time_zone, days, topics, quiet,
             created_by, created_ms, next_due_ms)
           VALUES (@guildId, @channelId, @channelName, @minutes, @timeZone, @days, @topics, @quiet, @createdBy,
             @nowMs, @nextDueMs)`,
        )
        .run(values);
    }
    return { subscription: this.byChannel(input.channelId) as Subscription, created: !existing };
  }

  byChannel(channelId: string): Subscription | undefined {
    const row = this.#byChannel.get(channelId);
    return row ? fromSubRow(row) : undefined;
  }

  byId(id: number): Subscription | undefined {
    const row = this.#byId.get(id);
    return row ? fromSubRow(row) : undefined;
  }

  /** A server's subscriptions, by channel name. */
  inGuild(guildId: string): Subscription[] {
    return (
      this.#db
        .prepare('SELECT * FROM subscriptions WHERE guild_id = ? ORDER BY channel_name, channel_id')
        .all(guildId) as SubRow[]
    ).map(fromSubRow);
  }

  countInGuild(guildId: string): number {
    return (
      this.#db.prepare('SELECT COUNT(*) AS n FROM subscriptions WHERE guild_id = ?').get(guildId) as { n: number }
    ).n;
  }

  count(): number {
    return (this.#db.prepare('SELECT COUNT(*) AS n FROM subscriptions').get() as { n: number }).n;
  }

  /** Removes a channel's subscription (its deliveries go with it); false when there was none. */
  unsubscribe(channelId: string): boolean {
    return this.#db.prepare('DELETE FROM subscriptions WHERE channel_id = ?').run(channelId).changes > 0;
  }

  /** The bot left a server: everything it held for that server goes. Returns how many subscriptions there were. */
  removeGuild(guildId: string): number {
    return this.#db.transaction(() => {
      this.#db.prepare('DELETE FROM digest_seen WHERE guild_id = ?').run(guildId);
      return this.#db.prepare('DELETE FROM subscriptions WHERE guild_id = ?').run(guildId).changes;
    })();
  }

  /** Active subscriptions whose next slot has come and that have no claimed delivery still being retried. */
  due(nowMs: number, limit = 10_000): Subscription[] {
    return (
      this.#db
        .prepare(
          `SELECT s.* FROM subscriptions s
           WHERE s.paused_reason IS NULL AND s.next_due_ms IS NOT NULL AND s.next_due_ms <= ?
             AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.subscription_id = s.id AND d.status = 'claimed')
           ORDER BY s.next_due_ms, s.id LIMIT ?`,
        )
        .all(nowMs, limit) as SubRow[]
    ).map(fromSubRow);
  }

  /** Claimed deliveries of active subscriptions whose (re)try time has come: after a crash, all of them. */
  pending(nowMs: number): { delivery: Delivery; subscription: Subscription }[] {
    const rows = this.#db
      .prepare(
        `SELECT d.* FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id
         WHERE d.status = 'claimed' AND s.paused_reason IS NULL AND (d.retry_at_ms IS NULL OR d.retry_at_ms <= ?)
         ORDER BY d.due_ms, d.subscription_id`,
      )
      .all(nowMs) as DeliveryRow[];
    return rows.map((r) => ({
      delivery: fromDeliveryRow(r),
      subscription: this.byId(r.subscription_id) as Subscription,
    }));
  }

  delivery(subscriptionId: number, period: string): Delivery | undefined {
    const row = this.#delivery.get(subscriptionId, period);
    return row ? fromDeliveryRow(row) : undefined;
  }

  /** The most recent delivery of a subscription (any status). */
  lastDelivery(subscriptionId: number): Delivery | undefined {
    const row = this.#db
      .prepare('SELECT * FROM deliveries WHERE subscription_id = ? ORDER BY due_ms DESC LIMIT 1')
      .get(subscriptionId) as DeliveryRow | undefined;
    return row ? fromDeliveryRow(row) : undefined;
  }

  /** Claims a period for delivery; false when it was already claimed (by us before a crash, or another process). */
  claim(delivery: NewDelivery, nowMs: number): boolean {
    return this.#claim.run({ ...delivery, articleIds: delivery.articleIds.join(' '), nowMs }).changes > 0;
  }

  /**
   * Records a delivery as done — `sent` (with the message id) or `skipped` (nothing new, and the subscription keeps
   * quiet) — and, in the same transaction, remembers its stories for the channel, moves the window on and sets the
   * next slot.
   */
  finish(
    subscriptionId: number,
    period: string,
    outcome: { status: 'sent' | 'skipped'; messageId?: string },
    nextDueMs: number | null,
    nowMs: number,
  ): void {
    this.#db.transaction(() => {
      const d = this.#delivery.get(subscriptionId, period);
      const sub = this.#byId.get(subscriptionId);
      if (!d || !sub) return;
      this.#db
        .prepare(
          `UPDATE deliveries SET status = ?, message_id = ?, done_ms = ?, error = NULL, retry_at_ms = NULL
           WHERE subscription_id = ? AND period = ?`,
        )
        .run(outcome.status, outcome.messageId ?? null, nowMs, subscriptionId, period);
      if (outcome.status === 'sent') {
        for (const id of d.article_ids.split(' ').filter(Boolean)) {
          this.#insertSeen.run(sub.channel_id, sub.guild_id, id, nowMs);
        }
      }
      this.#db
        .prepare(
          'UPDATE subscriptions SET last_until_ms = MAX(COALESCE(last_until_ms, 0), ?), next_due_ms = ? WHERE id = ?',
        )
        .run(d.until_ms, nextDueMs, subscriptionId);
    })();
  }

  /** A retryable failure (429, 5xx, network): same claim, same nonce, tried again at `retryAtMs`. */
  retryLater(subscriptionId: number, period: string, error: string, retryAtMs: number): void {
    this.#db
      .prepare(
        `UPDATE deliveries SET attempts = attempts + 1, retry_at_ms = ?, error = ?
         WHERE subscription_id = ? AND period = ? AND status = 'claimed'`,
      )
      .run(retryAtMs, error, subscriptionId, period);
  }

  /**
   * Gives up on a delivery. With `pause` (the channel is gone or the bot lost access) the subscription pauses with
   * that reason until someone subscribes again; otherwise it carries on at `nextDueMs`, the window unmoved so the
   * stories go out next time.
   */
  fail(
    subscriptionId: number,
    period: string,
    error: string,
    options: { pause?: string; nextDueMs: number | null },
    nowMs: number,
  ): void {
    this.#db.transaction(() => {
      this.#db
        .prepare(
          `UPDATE deliveries SET status = 'failed', error = ?, done_ms = ?, attempts = attempts + 1, retry_at_ms = NULL
           WHERE subscription_id = ? AND period = ?`,
        )
        .run(error, nowMs, subscriptionId, period);
      if (options.pause) {
        this.#db
          .prepare('UPDATE subscriptions SET paused_reason = ?, paused_ms = ?, next_due_ms = NULL WHERE id = ?')
          .run(options.pause, nowMs, subscriptionId);
      } else {
        this.#db
          .prepare('UPDATE subscriptions SET next_due_ms = ? WHERE id = ?')
          .run(options.nextDueMs, subscriptionId);
      }
    })();
  }

  /** Moves a subscription's next slot without a delivery (its latest slot was already delivered). */
  reschedule(subscriptionId: number, nextDueMs: number | null): void {
    this.#db.prepare('UPDATE subscriptions SET next_due_ms = ? WHERE id = ?').run(nextDueMs, subscriptionId);
  }

  /** Pauses a subscription with a reason shown in `/digest list`. */
  pause(subscriptionId: number, reason: string, nowMs: number): void {
    this.#db
      .prepare('UPDATE subscriptions SET paused_reason = ?, paused_ms = ?, next_due_ms = NULL WHERE id = ?')
      .run(reason, nowMs, subscriptionId);
  }

  /** Article ids the channel has received in a digest. */
  seen(channelId: string): Set<string> {
    const rows = this.#db.prepare('SELECT article_id FROM digest_seen WHERE channel_id = ?').pluck().all(channelId);
    return new Set(rows as string[]);
  }

  /** Forgets what channels received before `beforeMs`: older stories fall outside every window anyway. */
  pruneSeen(beforeMs: number): number {
    return this.#db.prepare('DELETE FROM digest_seen WHERE sent_ms < ?').run(beforeMs).changes;
  }
}

function fromSubRow(r: SubRow): Subscription {
  return {
    id: r.id,
    guildId: r.guild_id,
    channelId: r.channel_id,
    channelName: r.channel_name,
    schedule: { minutes: r.minutes, timeZone: r.time_zone, days: r.days },
    topics: r.topics ? r.topics.split(' ') : [],
    quiet: r.quiet === 1,
    createdBy: r.created_by,
    createdMs: r.created_ms,
    nextDueMs: r.next_due_ms,
    lastUntilMs: r.last_until_ms,
    pausedReason: r.paused_reason,
    pausedMs: r.paused_ms,
  };
}

function fromDeliveryRow(r: DeliveryRow): Delivery {
  return {
    subscriptionId: r.subscription_id,
    period: r.period,
    dueMs: r.due_ms,
    nonce: r.nonce,
    status: r.status,
    reply: r.reply,
    articleIds: r.article_ids ? r.article_ids.split(' ') : [],
    sinceMs: r.since_ms,
    untilMs: r.until_ms,
    attempts: r.attempts,
    retryAtMs: r.retry_at_ms,
    claimedMs: r.claimed_ms,
    doneMs: r.done_ms,
    messageId: r.message_id,
    error: r.error,
  };
}
