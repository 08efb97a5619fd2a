/**
 * The year wheel page reads one whole school year (the chosen one; a term or custom dates
 * widen to their school year, since the wheel is a year), as of the chosen date or the
 * default (the year's last day when it is over, else today), and the year before for the
 * comparison (as of its own last day).
 */
import { defaultAsOf, schoolYearLabel, schoolYearPeriod } from '../../../etl/calendar/period.ts';
import type { ViewContext } from '../viewContext.ts';

export interface PagePeriod {
  readonly from: string;
  readonly to: string;
  readonly asOf: string;
  readonly label: string;
  readonly previous: { readonly from: string; readonly to: string; readonly asOf: string; readonly label: string };
}

export function pagePeriod(ctx: ViewContext): PagePeriod {
  const year = ctx.state.year;
  const period = schoolYearPeriod(year, 'year');
  const before = schoolYearPeriod(year - 1, 'year');
  return {
    ...period,
    asOf: ctx.state.asOf ?? defaultAsOf(period, ctx.meta.asOf),
    label: schoolYearLabel(year),
    previous: { ...before, asOf: defaultAsOf(before, ctx.meta.asOf), label: schoolYearLabel(year - 1) },
  };
}
