/**
 * The periods a viewer is answered about schools outside their scope: whole school years
 * (1 August of year Y to 31 July of year Y+1+k, k ≥ 0) read at the default as-of date. Any
 * other period would let two answers a day apart, or a term and its school year, be
 * differenced into a handful of cases. Periods of several school years may overlap (2023–25
 * and 2024–26), so a unit is shown over several years only where the plan of every school
 * year in it shows it (viewSuppression.ts): the answer is then the sum of visible one-year
 * answers and tells nothing new.
 */
import { maxPeriodYears } from '../http/periodLimits.ts';

/** A school year, named by the calendar year it starts in (2024 = 2024/25). */
export function schoolYearPeriod(year: number): { readonly from: string; readonly to: string } {
  const y = (n: number) => String(n).padStart(4, '0');
  return { from: `${y(year)}-08-01`, to: `${y(year + 1)}-07-31` };
}

/**
 * The default as-of date of a period: its last day once that is past, else today (what the
 * dashboard asks, and what an API request without `asOf` gets).
 */
export function defaultAsOf(to: string, today: string): string {
  return to < today ? to : today;
}



/**
 * The school years of `q` when it is whole school years read at the default as-of date (at
 * most `maxPeriodYears`, the limit of a period), else null: then cells outside the viewer's scope show no
 * case-based figure.
 */
export function wholeSchoolYears(q: { readonly from: string; readonly to: string; readonly asOf: string }, today: string): number[] | null {
  const from = /^(\d{4})-08-01$/.exec(q.from);
  const to = /^(\d{4})-07-31$/.exec(q.to);
  if (!from || !to || q.asOf !== defaultAsOf(q.to, today)) return null;
  const first = Number(from[1]);
  const count = Number(to[1]) - first;
  if (count < 1 || count > maxPeriodYears) return null;
  return Array.from({ length: count }, (_, i) => first + i);
}
