/**
 * Whether a period can have data at all: one that starts after today has not happened, one
 * wholly before or after the data's span has nothing imported. The views say so (and offer
 * a period with data) instead of a table of zeros and an empty chart.
 */
import type { Period } from '../../etl/calendar/period.ts';

export type PeriodCoverage = 'ok' | 'future' | 'outside_data' | 'no_data';

export function periodCoverage(period: Period, span: { first_date: string | null; last_date: string | null }, today: string): PeriodCoverage {
  if (period.from > today) return 'future';
  if (!span.first_date || !span.last_date) return 'no_data';
  if (period.from > span.last_date || period.to < span.first_date) return 'outside_data';
  return 'ok';
}

/** A chosen as-of date before the period starts: nothing in the period has happened by then. */
export function asOfBeforeStart(period: Period, asOf: string | null): boolean {
  return asOf !== null && asOf < period.from;
}
