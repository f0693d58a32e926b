/**
 * Wall-clock schedules in any IANA time zone, with `Intl` only: "08:00 Europe/Tallinn on weekdays" → the UTC
 * instants it means. Correct across DST changes: 08:00 stays 08:00 local on both sides; a time the clocks skip
 * (a spring-forward gap) moves forward by the gap, and a time that happens twice (fall back) is the first of the two,
 * as Temporal's `disambiguation: 'compatible'` does.
 */

/** When a digest goes out: minutes after local midnight, a zone, and the weekdays (bit 0 = Monday … bit 6 = Sunday). */
export interface Schedule {
  minutes: number;
  timeZone: string;
  /** Bitmask of weekdays; 127 = every day. */
  days: number;
}

/** One scheduled slot: its local date (the period key, unique per subscription) and the instant it falls on. */
export interface Slot {
  period: string;
  dueMs: number;
}

export const EVERY_DAY = 0b1111111;
export const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * The zone's canonical name if `Intl` knows it ("europe/tallinn" → "Europe/Tallinn", "Etc/UTC" stays), else undefined.
 * @example canonicalTimeZone('utc') // 'UTC'
 */
export function canonicalTimeZone(input: string): string | undefined {
  const name = input.trim();
  if (!name || name.length > 64) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** Local calendar fields of an instant in a zone. */
export function localParts(ms: number, timeZone: string): { y: number; m: number; d: number; minutes: number } {
  const out = { y: 0, m: 0, d: 0, h: 0, min: 0 };
  for (const p of formatter(timeZone).formatToParts(ms)) {
    if (p.type === 'year') out.y = Number(p.value);
    else if (p.type === 'month') out.m = Number(p.value);
    else if (p.type === 'day') out.d = Number(p.value);
    else if (p.type === 'hour') out.h = Number(p.value);
    else if (p.type === 'minute') out.min = Number(p.value);
  }
  return { y: out.y, m: out.m, d: out.d, minutes: out.h * 60 + out.min };
}

/** The zone's UTC offset at an instant, in milliseconds (Tallinn in summer: +3 h). */
function offsetAt(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  const asUtc = Date.UTC(p.y, p.m - 1, p.d, 0, p.minutes);
  return asUtc - Math.floor(ms / 60_000) * 60_000;
}

/**
 * The instant a local wall time names in a zone (see the module note for skipped and repeated times).
 * @example localToUtc(2026, 3, 29, 8 * 60, 'Europe/Tallinn') // 2026-03-29T05:00:00Z (EEST, after the change)
 */
export function localToUtc(y: number, m: number, d: number, minutes: number, timeZone: string): number {
  const wall = Date.UTC(y, m - 1, d, 0, minutes);
  // Offsets half a day either side bracket any transition that could touch this wall time.
  const before = offsetAt(wall - DAY_MS / 2, timeZone);
  const after = offsetAt(wall + DAY_MS / 2, timeZone);
  const valid = [wall - before, wall - after].filter((t) => offsetAt(t, timeZone) === wall - t);
  if (valid.length > 0) return Math.min(...valid);
  // Skipped by a spring-forward change: read with the offset from before it, which lands after the gap.
  return wall - before;
}

function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 0 = Monday … 6 = Sunday, for a calendar date. */
function weekdayOf(y: number, m: number, d: number): number {
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** The slots on the local dates around an instant, `from` to `to` days away from its local date. */
function* slotsAround(ms: number, schedule: Schedule, from: number, to: number, step: 1 | -1): Generator<Slot> {
  const here = localParts(ms, schedule.timeZone);
  for (let k = from; step > 0 ? k <= to : k >= to; k += step) {
    const day = new Date(Date.UTC(here.y, here.m - 1, here.d + k));
    const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
    if ((schedule.days & (1 << weekdayOf(y, m, d))) === 0) continue;
    yield { period: isoDate(y, m, d), dueMs: localToUtc(y, m, d, schedule.minutes, schedule.timeZone) };
  }
}

/**
 * The first slot strictly after `afterMs`, or undefined when the schedule has no weekdays.
 * @example nextSlot(Date.parse('2026-03-28T07:00Z'), { minutes: 480, timeZone: 'Europe/Tallinn', days: 127 })
 */
export function nextSlot(afterMs: number, schedule: Schedule): Slot | undefined {
  for (const slot of slotsAround(afterMs, schedule, -1, 8, 1)) if (slot.dueMs > afterMs) return slot;
  return undefined;
}

/** The latest slot at or before `nowMs` (within the past 8 days), or undefined. */
export function latestSlot(nowMs: number, schedule: Schedule): Slot | undefined {
  for (const slot of slotsAround(nowMs, schedule, 1, -8, -1)) if (slot.dueMs <= nowMs) return slot;
  return undefined;
}

/** "08:00" from minutes after midnight. */
export function formatTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** "HH:MM" (or "H:MM") → minutes after midnight, or undefined. */
export function parseTime(input: string): number | undefined {
  const m = /^\s*([01]?\d|2[0-3])[:.h]([0-5]\d)\s*$/.exec(input);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

const DAY_WORDS: Record<string, number> = {
  mon: 0,
  monday: 0,
  tue: 1,
  tues: 1,
  tuesday: 1,
  wed: 2,
  wednesday: 2,
  thu: 3,
  thur: 3,
  thurs: 3,
  thursday: 3,
  fri: 4,
  friday: 4,
  sat: 5,
  saturday: 5,
  sun: 6,
  sunday: 6,
};

/**
 * Weekdays as people write them: "every day", "weekdays", "weekends", "mon,wed,fri", "mon-fri", "sat sun".
 * Returns the bitmask, or undefined when a word is not a day.
 * @example parseDays('mon-fri') // 0b0011111
 */
export function parseDays(input: string): number | undefined {
  const text = input
    .trim()
    .toLowerCase()
    .replace(/\s*[-–]\s*/g, '-');
  if (!text || /^(every ?day|daily|all)$/.test(text)) return EVERY_DAY;
  if (/^(weekdays?|workdays?)$/.test(text)) return 0b0011111;
  if (/^weekends?$/.test(text)) return 0b1100000;
  let mask = 0;
  for (const part of text.split(/[\s,;/]+/).filter(Boolean)) {
    const range = /^([a-z]+)\s*[-–]\s*([a-z]+)$/.exec(part);
    if (range) {
      const a = DAY_WORDS[range[1] as string];
      const b = DAY_WORDS[range[2] as string];
      if (a === undefined || b === undefined) return undefined;
      for (let k = a; ; k = (k + 1) % 7) {
        mask |= 1 << k;
        if (k === b) break;
      }
      continue;
    }
    const day = DAY_WORDS[part];
    if (day === undefined) return undefined;
    mask |= 1 << day;
  }
  return mask || undefined;
}

/** "every day", "Mon–Fri", "Sat, Sun", "Mon, Wed, Fri". */
export function formatDays(mask: number): string {
  if ((mask & EVERY_DAY) === EVERY_DAY) return 'every day';
  if (mask === 0b0011111) return 'Mon–Fri';
  return WEEKDAY_NAMES.filter((_, k) => mask & (1 << k)).join(', ');
}
