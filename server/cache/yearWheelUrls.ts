/**
 * The cached calls of the rector's start view, the year wheel of their school
 * (dashboard/views/yearwheel: yearWheelView.ts and keyFigureRows.ts), in its default period:
 * the school year the overview defaults to, as of its last day (or today while it runs), and
 * the year before as of its own last day (pagePeriod.ts). The wheel's own items
 * (/api/yearwheel) are not kept answers: one school's rows, read in a few milliseconds.
 */
import { defaultAsOf, schoolYearOf, schoolYearPeriod } from '../../etl/calendar/period.ts';
import { defaultOverviewPeriod, type DataSpan } from './overviewUrls.ts';
import { queryString } from './queryString.ts';

/** The year wheel's follow-up and key figure calls for one school in the default period. */
export function yearWheelUrls(span: DataSpan, today: string, school: string, municipality: string): string[] {
  const now = defaultOverviewPeriod(span, today);
  const before = schoolYearPeriod(schoolYearOf(now.from) - 1, 'year');
  const previous = { ...before, asOf: defaultAsOf(before, today) };
  return [
    `/api/followup?${queryString({ ...now, school })}`,
    `/api/figures?${queryString({ ...now, school })}`,
    `/api/figures?${queryString({ ...previous, school })}`,
    `/api/figures?${queryString({ ...now, municipality, by: 'school' })}`,
  ];
}
