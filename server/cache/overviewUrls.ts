/**
 * The API calls the dashboard's overview makes when it opens (dashboard/views/overviewRequests.ts
 * and api/endpoints.ts): the schools' table, the scope's figures, the monthly series per
 * school and for the scope, the durations and survival, all as JSON, for the default period:
 * the latest school year that has ended by today (or the running one when none has), read as
 * of its last day (or today while it runs) — what the dashboard shows before anyone chooses.
 */
import { defaultAsOf, defaultSchoolYear, schoolYearPeriod, schoolYearsInSpan } from '../../etl/calendar/period.ts';
import { queryString } from './queryString.ts';

export interface DataSpan {
  readonly first_date: string | null;
  readonly last_date: string | null;
}

/** The overview's default figure query: `from`, `to` and `asOf`. */
export function defaultOverviewPeriod(span: DataSpan, today: string): { from: string; to: string; asOf: string } {
  const period = schoolYearPeriod(defaultSchoolYear(schoolYearsInSpan(span, today), today), 'year');
  return { ...period, asOf: defaultAsOf(period, today) };
}

/** The overview's six calls for one municipality in the default period. */
export function overviewUrls(span: DataSpan, today: string, municipality: string): string[] {
  const period = defaultOverviewPeriod(span, today);
  const q = (by?: string) => queryString({ ...period, municipality, by });
  return [
    `/api/figures?${q('school')}`,
    `/api/figures?${q()}`,
    `/api/series/monthly?${q('school')}`,
    `/api/series/monthly?${q()}`,
    `/api/series/durations?${q()}`,
    `/api/series/survival?${q()}`,
  ];
}
