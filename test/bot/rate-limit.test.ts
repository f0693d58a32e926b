import { describe, expect, test } from 'vitest';
import { createUserRateLimiter } from '../../src/bot/rate-limit.ts';

describe('createUserRateLimiter', () => {
  test('GIVEN the defaults WHEN one user runs 10 commands in 20 s THEN all are allowed', () => {
    const limiter = createUserRateLimiter();
    const results = Array.from({ length: 10 }, (_, i) => limiter.take('u1', i * 1000).allowed);
    expect(results.every(Boolean)).toBe(true);
  });

  test('GIVEN a user at the limit THEN the next is refused with the wait, and others are unaffected', () => {
    const limiter = createUserRateLimiter({ limit: 3, windowMs: 10_000 });
    for (const t of [0, 1000, 2000]) limiter.take('u1', t);
    expect(limiter.take('u1', 3000)).toEqual({ allowed: false, retryAfterMs: 7000 });
    expect(limiter.take('u2', 3000).allowed).toBe(true);
  });

  test('GIVEN the window passes THEN the user may run commands again', () => {
    const limiter = createUserRateLimiter({ limit: 2, windowMs: 10_000 });
    limiter.take('u1', 0);
    limiter.take('u1', 1);
    expect(limiter.take('u1', 5000).allowed).toBe(false);
    expect(limiter.take('u1', 10_001).allowed).toBe(true);
  });
});
