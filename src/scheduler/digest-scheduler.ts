import type { Logger } from 'pino';
import type { Corpus } from '../briefing/corpus.ts';
import { DigestComposer, digestWindow, topicLabels } from '../briefing/digest.ts';
import { type DigestMessage, digestMarker, digestMessage, withDigestMarker } from '../briefing/digest-reply.ts';
import type { Reply } from '../briefing/reply.ts';
import type { Clock } from '../clock.ts';
import { failpoint } from '../failpoints.ts';
import type { Delivery, DigestRepository, Subscription } from '../store/digests.ts';
import type { DigestPoster, PostOutcome } from './poster.ts';
import { latestSlot, nextSlot } from './schedule.ts';

export interface DigestSchedulerOptions {
  repo: DigestRepository;
  corpus: Corpus;
  clock: Clock;
  poster: DigestPoster;
  log: Logger;
  /** Sharding: deliver only for guilds this process serves (default: all). */
  ownsGuild?: (guildId: string) => boolean;
  /** Posts in flight at once (default 8): Discord's global limit, not us, should bound the rate. */
  concurrency?: number;
  /** Longest wait between passes while running (default 10 s): a digest goes out within its minute. */
  tickMs?: number;
  /** Tries per delivery before it is given up for that period (default 8). */
  maxAttempts?: number;
  /** Wait before retry number `attempt` (1-based); default 5 s doubling, at most 10 min. */
  backoffMs?: (attempt: number) => number;
}

/** What one pass did, for logs, tests and the benchmark. */
export interface PassReport {
  claimed: number;
  sent: number;
  /** Of `sent`: retries that found their message already in the channel and posted nothing. */
  recovered: number;
  skipped: number;
  retrying: number;
  paused: number;
  failed: number;
  /** Distinct digests composed (subscriptions with the same topics and window share one). */
  composed: number;
  composeMs: number;
}

/** Seen-lists are kept this long; older stories are outside any window. */
const SEEN_KEEP_MS = 30 * 86_400_000;
const HOUR_MS = 3_600_000;

/** Discord message nonces hold 25 characters: "d<subscription>.<yyyymmdd>" is the same on every retry. */
export function deliveryNonce(subscriptionId: number, period: string): string {
  return `d${subscriptionId}.${period.replaceAll('-', '')}`;
}

/** "Estonia, Latvia", "Estonia, Latvia, Lithuania and 2 more", or "region" for every topic. */
export function scopeLabel(corpus: Corpus, topics: readonly string[]): string {
  if (topics.length === 0) return 'region';
  const names = topicLabels(corpus.gazetteer, topics);
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}

/**
 * A subscription's digest as of `untilMs`: what it would receive now (preview, test) or at its slot (delivery).
 * @example const { reply } = composeSubscriptionDigest(new DigestComposer(corpus), corpus, sub, seen, now)
 */
export function composeSubscriptionDigest(
  composer: DigestComposer,
  corpus: Corpus,
  sub: Pick<Subscription, 'topics' | 'lastUntilMs' | 'quiet'>,
  seen: ReadonlySet<string>,
  untilMs: number,
): DigestMessage & { sinceMs: number; untilMs: number } {
  const window = digestWindow(sub, untilMs);
  const names = new Map(corpus.gazetteer.topics.map((t) => [t.id, t.name]));
  const message = digestMessage(composer.candidates(window), seen, {
    topicName: (id) => names.get(id) ?? id,
    scope: scopeLabel(corpus, sub.topics),
    sinceMs: sub.lastUntilMs ?? window.sinceMs,
    quiet: sub.quiet,
  });
  return { ...message, sinceMs: window.sinceMs, untilMs: window.untilMs };
}

interface Job {
  sub: Subscription;
  delivery: Delivery;
  /** A claim from an earlier pass (a crash, a failed attempt): it may have reached Discord already. */
  retry: boolean;
}

/**
 * Delivers digests on their schedule, exactly once per subscription and period: a pass claims each due period in the
 * store (with the composed digest, stamped with its delivery marker, and a fixed nonce) before posting, and records
 * the message after. A claim from an earlier pass (left by a crash, or by a failed attempt) first looks for its
 * marker among the channel's recent messages: if the message is there it is recorded, not posted again; if not, or if
 * the history cannot be read, it is posted with the same nonce (Discord's `enforce_nonce` keeps one message while it
 * remembers the nonce, a few minutes). A period missed while the bot was down is delivered once, the latest.
 * `start()` runs passes on a timer; `tick()` runs one now.
 * @example const s = new DigestScheduler({ repo, corpus, clock, poster, log }); s.start(); … await s.stop();
 */
export class DigestScheduler {
  readonly #o: Required<Omit<DigestSchedulerOptions, 'ownsGuild'>> & Pick<DigestSchedulerOptions, 'ownsGuild'>;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<PassReport> | undefined;
  #stopped = true;
  #lastPruneMs = 0;

  constructor(options: DigestSchedulerOptions) {
    this.#o = {
      concurrency: 8,
      tickMs: 10_000,
      maxAttempts: 8,
      backoffMs: (attempt) => Math.min(600_000, 5000 * 2 ** (attempt - 1)),
      ...options,
    };
  }

  /** Runs a pass now and then every `tickMs` until stopped. */
  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    const loop = (): void => {
      this.tick()
        .catch((err) => this.#o.log.error({ err }, 'digest pass failed'))
        .finally(() => {
          if (!this.#stopped) this.#timer = setTimeout(loop, this.#o.tickMs);
        });
    };
    loop();
  }

  /** Stops the timer and waits for a pass in progress (its posts included) to finish. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running?.catch(() => undefined);
  }

  /** One pass: retries due claims, claims and composes due periods, posts them. Concurrent calls share one pass. */
  tick(): Promise<PassReport> {
    this.#running ??= this.#pass().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async #pass(): Promise<PassReport> {
    const { repo, clock, log } = this.#o;
    const owns = this.#o.ownsGuild ?? (() => true);
    const report: PassReport = {
      claimed: 0,
      sent: 0,
      recovered: 0,
      skipped: 0,
      retrying: 0,
      paused: 0,
      failed: 0,
      composed: 0,
      composeMs: 0,
    };
    const nowMs = clock.now().getTime();
    // Claims left by a crash or waiting out a backoff go first: they are the oldest promises.
    const jobs: Job[] = repo
      .pending(nowMs)
      .filter((p) => owns(p.subscription.guildId))
      .map((p) => ({ sub: p.subscription, delivery: p.delivery, retry: true }));

    const started = performance.now();
    const composer = new DigestComposer(this.#o.corpus);
    for (const sub of repo.due(nowMs)) {
      if (!owns(sub.guildId)) continue;
      const job = this.#claim(sub, nowMs, composer, report);
      if (job) jobs.push(job);
    }
    report.composed = composer.distinct;
    report.composeMs = Math.round(performance.now() - started);

    await runPool(jobs, this.#o.concurrency, (job) =>
      this.#post(job, report).catch((err) => log.error({ err, subscriptionId: job.sub.id }, 'digest post crashed')),
    );
    if (nowMs - this.#lastPruneMs > HOUR_MS) {
      this.#lastPruneMs = nowMs;
      repo.pruneSeen(nowMs - SEEN_KEEP_MS);
    }
    if (jobs.length > 0 || report.skipped > 0) log.info({ ...report }, 'digest pass');
    return report;
  }

  /** Claims the subscription's latest due period with its composed digest; undefined when there is nothing to post. */
  #claim(sub: Subscription, nowMs: number, composer: DigestComposer, report: PassReport): Job | undefined {
    const { repo, corpus } = this.#o;
    // The latest slot only: a bot that was down for three days sends one digest, not three.
    const slot = latestSlot(nowMs, sub.schedule);
    if (!slot || repo.delivery(sub.id, slot.period)) {
      repo.reschedule(sub.id, nextSlot(nowMs, sub.schedule)?.dueMs ?? null);
      return undefined;
    }
    const digest = composeSubscriptionDigest(composer, corpus, sub, repo.seen(sub.channelId), slot.dueMs);
    const claimed = repo.claim(
      {
        subscriptionId: sub.id,
        period: slot.period,
        dueMs: slot.dueMs,
        nonce: deliveryNonce(sub.id, slot.period),
        // The marker goes into the stored reply, so every retry carries the same one.
        reply: digest.reply
          ? JSON.stringify(
              withDigestMarker(
                digest.reply,
                digestMarker({ subscriptionId: sub.id, period: slot.period, timeZone: sub.schedule.timeZone }),
              ),
            )
          : null,
        articleIds: digest.articleIds,
        sinceMs: digest.sinceMs,
        untilMs: digest.untilMs,
      },
      nowMs,
    );
    failpoint('after-claim');
    // Someone else (another process on the same store) claimed it first: theirs to send.
    if (!claimed) return undefined;
    report.claimed++;
    if (!digest.reply) {
      repo.finish(sub.id, slot.period, { status: 'skipped' }, nextSlot(slot.dueMs, sub.schedule)?.dueMs ?? null, nowMs);
      report.skipped++;
      return undefined;
    }
    return { sub, delivery: repo.delivery(sub.id, slot.period) as Delivery, retry: false };
  }

  /**
   * Sends a claimed delivery, or, for a claim from an earlier pass, first looks whether it already arrived. Every
   * retry looks, not only old ones: Discord's nonce window is undocumented ("a few minutes"), a backoff reaches 10
   * minutes, and a post that timed out or got a 5xx may still have landed; retries are rare, and one read is cheap.
   */
  async #send({ sub, delivery, retry }: Job): Promise<PostOutcome & { recovered?: boolean }> {
    const { poster, log } = this.#o;
    const where = { subscriptionId: sub.id, channelId: sub.channelId, period: delivery.period };
    if (retry && poster.findDelivered) {
      const look = await poster.findDelivered(sub.channelId, { subscriptionId: sub.id, period: delivery.period });
      if (look.kind === 'found') return { ok: true, messageId: look.messageId, recovered: true };
      if (look.kind === 'retry') return { ...look, ok: false };
      if (look.kind === 'unreadable') {
        log.warn(
          { ...where, status: look.status, reason: look.reason },
          'cannot read channel history, relying on nonce',
        );
      }
    }
    const reply = JSON.parse(delivery.reply ?? '{}') as Reply;
    const outcome = await poster.post(sub.channelId, reply, delivery.nonce);
    failpoint('after-send');
    return outcome;
  }

  async #post(job: Job, report: PassReport): Promise<void> {
    const { sub, delivery } = job;
    const { repo, clock, log } = this.#o;
    const next = nextSlot(delivery.dueMs, sub.schedule)?.dueMs ?? null;
    const outcome = await this.#send(job);
    const nowMs = clock.now().getTime();
    const where = { subscriptionId: sub.id, channelId: sub.channelId, period: delivery.period };
    if (outcome.ok) {
      repo.finish(sub.id, delivery.period, { status: 'sent', messageId: outcome.messageId }, next, nowMs);
      report.sent++;
      if (outcome.recovered) {
        report.recovered++;
        log.info({ ...where, messageId: outcome.messageId }, 'digest was already in the channel, recorded as sent');
      } else log.debug({ ...where, messageId: outcome.messageId }, 'digest sent');
      return;
    }
    if (outcome.kind === 'pause') {
      repo.fail(sub.id, delivery.period, outcome.reason, { pause: outcome.reason, nextDueMs: null }, nowMs);
      report.paused++;
      log.warn({ ...where, status: outcome.status, reason: outcome.reason }, 'digest subscription paused');
      return;
    }
    const attempt = delivery.attempts + 1;
    if (outcome.kind === 'retry' && attempt < this.#o.maxAttempts) {
      const wait = Math.max(outcome.retryAfterMs ?? 0, this.#o.backoffMs(attempt));
      repo.retryLater(sub.id, delivery.period, outcome.reason, nowMs + wait);
      report.retrying++;
      log.warn({ ...where, status: outcome.status, attempt, waitMs: wait }, 'digest post failed, will retry');
      return;
    }
    repo.fail(sub.id, delivery.period, outcome.reason, { nextDueMs: next }, nowMs);
    report.failed++;
    log.error({ ...where, status: outcome.status, reason: outcome.reason, attempt }, 'digest dropped for this period');
  }
}

/** Runs `work` over `items` with at most `limit` at once; one slow or failing item never holds up the rest. */
async function runPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
