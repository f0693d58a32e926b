const DAY_MS = 86_400_000;

export { DAY_MS };

/** "14 March 2024": how a date reads in a reply, in UTC so every reader sees the same day. */
export function formatDay(ms: number): string {
  return new Date(ms).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** "2024-03-14": the short form used in citations. */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** "7 days", "1 day". */
export function daysLabel(days: number): string {
  return days === 1 ? '1 day' : `${days} days`;
}
