/**
 * Dates as whole days since 1970-01-01 (UTC), so date arithmetic is integer arithmetic and
 * never touches the local time zone. ISO strings are cached because the national scale
 * formats tens of millions of dates over a few thousand distinct days.
 */

export type Day = number;

const msPerDay = 86_400_000;
const isoCache: string[] = [];
const cacheBase = Date.UTC(2000, 0, 1) / msPerDay;

export function dayOf(year: number, month: number, day: number): Day {
  return Date.UTC(year, month - 1, day) / msPerDay;
}

/** `YYYY-MM-DD` for a day. */
export function isoDate(day: Day): string {
  const slot = day - cacheBase;
  if (slot >= 0 && slot < 20_000) {
    return (isoCache[slot] ??= new Date(day * msPerDay).toISOString().slice(0, 10));
  }
  return new Date(day * msPerDay).toISOString().slice(0, 10);
}

/** The day of a `YYYY-MM-DD` string. */
export function parseIsoDate(text: string): Day {
  return Date.parse(`${text}T00:00:00Z`) / msPerDay;
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function weekday(day: Day): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export function monthOf(day: Day): number {
  return new Date(day * msPerDay).getUTCMonth() + 1;
}

/** The Monday of ISO week `week` of `year` (week 1 holds 4 January). */
export function isoWeekMonday(year: number, week: number): Day {
  const jan4 = dayOf(year, 1, 4);
  return jan4 - (weekday(jan4) - 1) + 7 * (week - 1);
}

/** The same day moved back to Friday when it falls on a weekend. */
export function backToWeekday(day: Day): Day {
  const wd = weekday(day);
  return wd === 6 ? day - 1 : wd === 7 ? day - 2 : day;
}

/** The same day moved on to Monday when it falls on a weekend. */
export function onToWeekday(day: Day): Day {
  const wd = weekday(day);
  return wd === 6 ? day + 2 : wd === 7 ? day + 1 : day;
}
