import { describe, expect, test } from 'vitest';
import {
  canonicalTimeZone,
  EVERY_DAY,
  formatDays,
  latestSlot,
  localToUtc,
  nextSlot,
  parseDays,
  parseTime,
} from '../../src/scheduler/schedule.ts';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('local wall times to instants', () => {
  test.each([
    // Tallinn: EET (+2) in winter, EEST (+3) in summer; clocks go forward 2026-03-29 03:00 → 04:00, back 2026-10-25 04:00 → 03:00.
    ['08:00 Tallinn, the day before spring forward', 2026, 3, 28, 480, 'Europe/Tallinn', '2026-03-28T06:00:00.000Z'],
    ['08:00 Tallinn, spring-forward day', 2026, 3, 29, 480, 'Europe/Tallinn', '2026-03-29T05:00:00.000Z'],
    ['08:00 Tallinn, the day before fall back', 2026, 10, 24, 480, 'Europe/Tallinn', '2026-10-24T05:00:00.000Z'],
    ['08:00 Tallinn, fall-back day', 2026, 10, 25, 480, 'Europe/Tallinn', '2026-10-25T06:00:00.000Z'],
    [
      '03:30 Tallinn in the skipped hour moves forward to 04:30',
      2026,
      3,
      29,
      210,
      'Europe/Tallinn',
      '2026-03-29T01:30:00.000Z',
    ],
    [
      '03:30 Tallinn in the repeated hour is the first one',
      2026,
      10,
      25,
      210,
      'Europe/Tallinn',
      '2026-10-25T00:30:00.000Z',
    ],
    ['08:00 New York on its own DST day', 2026, 3, 8, 480, 'America/New_York', '2026-03-08T12:00:00.000Z'],
    ['08:00 UTC', 2026, 7, 1, 480, 'UTC', '2026-07-01T08:00:00.000Z'],
    ['08:00 Etc/UTC', 2026, 7, 1, 480, 'Etc/UTC', '2026-07-01T08:00:00.000Z'],
    ['09:30 Kolkata (+05:30)', 2026, 1, 15, 570, 'Asia/Kolkata', '2026-01-15T04:00:00.000Z'],
  ])('GIVEN %s THEN the instant is right', (_name, y, m, d, minutes, zone, expected) => {
    expect(iso(localToUtc(y, m, d, minutes, zone))).toBe(expected);
  });
});

describe('slots', () => {
  const tallinn8 = { minutes: 480, timeZone: 'Europe/Tallinn', days: EVERY_DAY };

  test('GIVEN a daily 08:00 Tallinn digest THEN consecutive slots stay at 08:00 local across the spring change', () => {
    const first = nextSlot(at('2026-03-28T00:00Z'), tallinn8);
    const second = nextSlot(first!.dueMs, tallinn8);
    const third = nextSlot(second!.dueMs, tallinn8);
    expect([first, second, third].map((s) => [s?.period, iso(s?.dueMs)])).toEqual([
      ['2026-03-28', '2026-03-28T06:00:00.000Z'],
      ['2026-03-29', '2026-03-29T05:00:00.000Z'],
      ['2026-03-30', '2026-03-30T05:00:00.000Z'],
    ]);
    // 23 hours between the two sides of the change: local time, not a fixed 24 h step.
    expect(second!.dueMs - first!.dueMs).toBe(23 * 3_600_000);
  });

  test.each([
    ['weekdays, Friday evening → Monday', 'weekdays', '2026-11-20T18:00Z', '2026-11-23'],
    ['weekends, Monday → Saturday', 'weekends', '2026-11-23T09:00Z', '2026-11-28'],
    ['mon,wed,fri, Monday after 08:00 → Wednesday', 'mon,wed,fri', '2026-11-23T07:00Z', '2026-11-25'],
    ['every day, before 08:00 local → today', 'every day', '2026-11-23T05:59Z', '2026-11-23'],
  ])('GIVEN %s THEN the next slot is on the right day', (_name, days, now, period) => {
    const slot = nextSlot(at(now), { ...tallinn8, days: parseDays(days)! });
    expect(slot?.period).toBe(period);
  });

  test('GIVEN three missed days THEN the latest slot is today’s, not the oldest', () => {
    expect(latestSlot(at('2026-11-23T10:00Z'), tallinn8)?.period).toBe('2026-11-23');
    expect(latestSlot(at('2026-11-23T05:00Z'), tallinn8)?.period).toBe('2026-11-22');
  });

  test('GIVEN a local date across the date line THEN the period is the local date', () => {
    // 08:00 in Auckland on 24 Nov is still 23 Nov in UTC.
    const slot = nextSlot(at('2026-11-23T12:00Z'), { minutes: 480, timeZone: 'Pacific/Auckland', days: EVERY_DAY });
    expect(slot).toEqual({ period: '2026-11-24', dueMs: at('2026-11-23T19:00Z') });
  });
});

describe('parsing what people type', () => {
  test.each([
    ['08:00', 480],
    ['7:30', 450],
    ['23:59', 1439],
    ['24:00', undefined],
    ['8', undefined],
    ['noon', undefined],
  ])('time %s → %s', (input, minutes) => {
    expect(parseTime(input)).toBe(minutes);
  });

  test.each([
    ['every day', 'every day'],
    ['weekdays', 'Mon–Fri'],
    ['mon - fri', 'Mon–Fri'],
    ['sat,sun', 'Sat, Sun'],
    ['fri-mon', 'Mon, Fri, Sat, Sun'],
    ['Monday Wednesday', 'Mon, Wed'],
  ])('days %s → %s', (input, label) => {
    expect(formatDays(parseDays(input)!)).toBe(label);
  });

  test.each(['funday', 'mon-xyz'])('days %s are refused', (input) => {
    expect(parseDays(input)).toBeUndefined();
  });

  test.each([
    ['europe/tallinn', 'Europe/Tallinn'],
    ['UTC', 'UTC'],
    ['Etc/UTC', 'UTC'],
    ['Mars/Olympus', undefined],
  ])('time zone %s → %s', (input, zone) => {
    expect(canonicalTimeZone(input)).toBe(zone);
  });
});
