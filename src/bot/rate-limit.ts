/** How many commands one user may run in a window; the defaults allow any normal burst of use. */
export interface UserRateLimitOptions {
  /** Commands allowed per window (default 12: a person paging through search results stays well under). */
  limit?: number;
  /** Window length in milliseconds (default 20 s). */
  windowMs?: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** When refused: milliseconds until the user may run a command again. */
  retryAfterMs: number;
}

export interface UserRateLimiter {
  /** Counts one command by `userId` at `nowMs` and says whether it may run. Refused attempts are not counted. */
  take(userId: string, nowMs: number): RateLimitDecision;
}

/**
 * A sliding-window limit per user: at most `limit` commands in any `windowMs`. Memory stays bounded because users
 * whose last command left the window are forgotten on the next sweep.
 * @example const limiter = createUserRateLimiter(); if (!limiter.take(userId, Date.now()).allowed) …
 */
export function createUserRateLimiter(options: UserRateLimitOptions = {}): UserRateLimiter {
  const limit = options.limit ?? 12;
  const windowMs = options.windowMs ?? 20_000;
  const history = new Map<string, number[]>();
  let lastSweep = 0;

  function sweep(nowMs: number): void {
    if (nowMs - lastSweep < windowMs) return;
    lastSweep = nowMs;
    for (const [user, times] of history) {
      if ((times.at(-1) ?? 0) <= nowMs - windowMs) history.delete(user);
    }
  }

  return {
    take(userId, nowMs) {
      sweep(nowMs);
      const times = (history.get(userId) ?? []).filter((t) => t > nowMs - windowMs);
      if (times.length >= limit) {
        history.set(userId, times);
        return { allowed: false, retryAfterMs: Math.max(0, times[0]! + windowMs - nowMs) };
      }
      times.push(nowMs);
      history.set(userId, times);
      return { allowed: true, retryAfterMs: 0 };
    },
  };
}
