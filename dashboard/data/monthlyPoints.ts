/**
 * Monthly series for the charts: one figure's value per month (and per school), the months
 * after the as-of date left out (they have not happened), and the municipality's reference
 * line, which is the municipality's own figure for rates, means and medians, and its total
 * divided by its number of schools for counts and sums (a school is compared with the mean
 * school, not with the whole municipality).
 */
import type { FigureSpec, MonthlyRow } from '../api/types.ts';
import { monthToDate } from '../format/dateFormat.ts';
import { numericValue } from './figureValue.ts';

export interface MonthPoint {
  readonly month: string;
  readonly date: Date;
  /** The panel or series the point belongs to (a school name, or a reference label). */
  readonly series: string;
  readonly value: number | null;
}

/** Whether a figure is compared per school (counts, sums) rather than as it is (rates, medians). */
export function isAdditive(spec: FigureSpec): boolean {
  return spec.kind === 'count' || spec.kind === 'sum';
}

export function monthsUpTo(rows: readonly MonthlyRow[], asOf: string): MonthlyRow[] {
  const last = asOf.slice(0, 7);
  return rows.filter((r) => r.month <= last);
}

/** One point per row: the row's series name from `seriesOf`. */
export function monthPoints(rows: readonly MonthlyRow[], spec: FigureSpec, seriesOf: (row: MonthlyRow) => string): MonthPoint[] {
  return rows.map((row) => ({ month: row.month, date: monthToDate(row.month), series: seriesOf(row), value: numericValue(row, spec) }));
}

/** The municipality's reference line for one figure, from its monthly totals. */
export function referencePoints(rows: readonly MonthlyRow[], spec: FigureSpec, schools: number, label: string): MonthPoint[] {
  const divisor = isAdditive(spec) ? Math.max(1, schools) : 1;
  return rows.map((row) => {
    const value = numericValue(row, spec);
    return { month: row.month, date: monthToDate(row.month), series: label, value: value === null ? null : value / divisor };
  });
}

/** Last year's points moved a year on (`2024-09` is drawn at September 2025), so the two years share the axis. */
export function lastYearPoints(points: readonly MonthPoint[], label: string): MonthPoint[] {
  return points.map((p) => {
    const month = `${String(Number(p.month.slice(0, 4)) + 1).padStart(4, '0')}${p.month.slice(4)}`;
    return { month, date: monthToDate(month), series: label, value: p.value };
  });
}
