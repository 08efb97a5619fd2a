/**
 * What a link asked for that the dashboard could not show as asked, so the view can say so
 * instead of silently showing something else: a date that does not exist (`2025-02-31`), a
 * custom period whose `from` is after its `to` or lacks an end, a school year without data.
 * Pure: the raw query string in, the problems out (the raw values kept, to quote them).
 */
import { schoolYearsInSpan } from '../../etl/calendar/period.ts';

export type UrlProblem =
  | { readonly kind: 'bad_date'; readonly parameter: 'from' | 'to' | 'asOf'; readonly value: string }
  | { readonly kind: 'from_after_to'; readonly from: string; readonly to: string }
  | { readonly kind: 'custom_incomplete' }
  | { readonly kind: 'unknown_year'; readonly value: string };

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** True for `2025-02-28`, false for `2025-02-31` or `28.02.2025`. */
export function isCalendarDate(value: string): boolean {
  if (!isoDate.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A raw value as it may be quoted back: trimmed and cut short (it is the reader's own link). */
function quoted(value: string): string {
  const trimmed = value.trim();
  return trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed;
}

export function urlProblems(search: string, span: { first_date: string | null; last_date: string | null }, today: string): UrlProblem[] {
  const q = new URLSearchParams(search);
  const problems: UrlProblem[] = [];
  const dates = { from: q.get('from'), to: q.get('to'), asOf: q.get('asOf') };
  for (const parameter of ['from', 'to', 'asOf'] as const) {
    const value = dates[parameter];
    // An empty value is "not given" (a form left blank), not a mistake.
    if (value !== null && value.trim() !== '' && !isCalendarDate(value)) problems.push({ kind: 'bad_date', parameter, value: quoted(value) });
  }
  const custom = q.get('term') === 'custom' || (q.get('term') === null && (dates.from !== null || dates.to !== null));
  const good = (v: string | null): v is string => v !== null && isCalendarDate(v);
  if (custom) {
    if (good(dates.from) && good(dates.to) && dates.from > dates.to) problems.push({ kind: 'from_after_to', from: dates.from, to: dates.to });
    else if (!problems.some((p) => p.kind === 'bad_date' && p.parameter !== 'asOf') && (!good(dates.from) || !good(dates.to))) problems.push({ kind: 'custom_incomplete' });
  }
  const year = q.get('year');
  if (year !== null && !custom && !schoolYearsInSpan(span, today).includes(Number(year))) problems.push({ kind: 'unknown_year', value: quoted(year) });
  return problems;
}
