/**
 * The instant a day begins in Norway (Europe/Oslo, summer time included), for filters by
 * day on timestamps stored in UTC (the audit log): 2026-03-29 begins at 23:00 UTC the day
 * before, 2026-07-01 at 22:00 UTC.
 */

/** Minutes Oslo is ahead of UTC at an instant. */
function osloOffsetMinutes(instant: number): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return Math.round((local - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/** Midnight at the start of `day` (YYYY-MM-DD) in Oslo, as a Date. */
export function osloMidnight(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  // The offset at Oslo midnight is the one a few hours into the day (changes happen at 01:00–03:00 UTC, never near midnight).
  return new Date(utcMidnight - osloOffsetMinutes(utcMidnight) * 60_000);
}

/** The day after `day` (YYYY-MM-DD). */
export function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
