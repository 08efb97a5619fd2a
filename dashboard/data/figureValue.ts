/**
 * What one figure of one row is: a number, missing (an empty denominator: "no basis"), or
 * suppressed (too few cases for this viewer); and the n it rests on.
 */
import type { BaseColumn, FigureBaseKey, FigureRow, FigureSpec, Suppressed } from '../api/types.ts';

export type FigureValue =
  | { readonly state: 'value'; readonly value: number }
  | { readonly state: 'missing' }
  | { readonly state: 'suppressed' };

/**
 * Whether the server hid a column of the row by small-number suppression. The server lists
 * the hidden columns in `suppressed`: an array in JSON, comma-joined text in Arrow; `true`
 * hides every column.
 */
export function isSuppressed(row: { readonly suppressed?: Suppressed }, column: string): boolean {
  const s = row.suppressed;
  if (s === true) return true;
  if (typeof s === 'string') return s.split(',').includes(column);
  return Array.isArray(s) && s.includes(column);
}

export function figureValue(row: FigureRow, spec: FigureSpec): FigureValue {
  if (isSuppressed(row, spec.key)) return { state: 'suppressed' };
  const value = row[spec.key];
  return typeof value === 'number' && Number.isFinite(value) ? { state: 'value', value } : { state: 'missing' };
}

/** The base shown as a figure's n: its denominator, else the cases it rests on; null for plain counts of meetings. */
export function nBase(spec: FigureSpec): FigureBaseKey | null {
  return spec.denominator ?? spec.cases;
}

/** The n behind a figure in a row, or null when the figure has no base or the row lacks it. */
export function figureN(row: FigureRow, spec: FigureSpec): number | null {
  const base = nBase(spec);
  if (!base) return null;
  const n = row[`n_${base}` as BaseColumn];
  return typeof n === 'number' ? n : null;
}

/** The number, or null when missing or suppressed (for charts and medians). */
export function numericValue(row: FigureRow, spec: FigureSpec): number | null {
  const v = figureValue(row, spec);
  return v.state === 'value' ? v.value : null;
}
