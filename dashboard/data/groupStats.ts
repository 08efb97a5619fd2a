/**
 * Reference values across groups: the median of the schools (or municipalities) per figure,
 * and whether a set of rows holds any data at all (for the empty state).
 */
import { median } from 'd3';
import type { FigureRow, FigureSpec } from '../api/types.ts';
import { numericValue } from './figureValue.ts';

/** Per figure, the median over the rows that have a value (null when none has). */
export function medianRow(rows: readonly FigureRow[], specs: readonly FigureSpec[]): FigureRow {
  const row: Record<string, number | null> = {};
  for (const spec of specs) {
    const values = rows.map((r) => numericValue(r, spec)).filter((v): v is number => v !== null);
    row[spec.key] = values.length ? median(values)! : null;
  }
  return row as unknown as FigureRow;
}

/** True when some figure is non-zero or some base count is positive. */
export function hasData(rows: readonly FigureRow[]): boolean {
  return rows.some((row) => Object.values(row).some((value) => typeof value === 'number' && value > 0));
}
