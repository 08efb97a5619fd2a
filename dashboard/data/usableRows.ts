/**
 * Series rows the charts can draw: those whose numbers the server did not suppress. A
 * series whose rows are all suppressed is shown as such, never as an empty or zero chart.
 */
import type { Suppressed } from '../api/types.ts';
import { isSuppressed } from './figureValue.ts';

export type SeriesRows<R> = { readonly state: 'rows'; readonly rows: R[] } | { readonly state: 'empty' } | { readonly state: 'suppressed' };

/** The rows whose `columns` are all present, and whether anything was left. */
export function usableRows<R extends { readonly suppressed?: Suppressed }>(rows: readonly R[], columns: readonly (keyof R & string)[]): SeriesRows<R> {
  if (rows.length === 0) return { state: 'empty' };
  const usable = rows.filter(
    (row) => !columns.some((c) => isSuppressed(row, c) || row[c] === null || row[c] === undefined),
  );
  return usable.length ? { state: 'rows', rows: usable } : { state: 'suppressed' };
}
