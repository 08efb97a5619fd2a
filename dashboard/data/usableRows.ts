/**
 * Series rows the charts can draw: those whose numbers the server did not suppress. A
 * series whose rows are all suppressed is shown as such, never as an empty or zero chart.
 */
import { isSuppressed } from './figureValue.ts';
import { hiddenReasonOfRows, type HiddenReason, type ReasonedRow } from './hiddenReason.ts';

export type SeriesRows<R> =
  | { readonly state: 'rows'; readonly rows: R[] }
  | { readonly state: 'empty' }
  | { readonly state: 'suppressed'; readonly reason: HiddenReason | null };

/** The rows whose `columns` are all present, and whether anything was left (if not, why the server hid them). */
export function usableRows<R extends ReasonedRow>(rows: readonly R[], columns: readonly (keyof R & string)[]): SeriesRows<R> {
  if (rows.length === 0) return { state: 'empty' };
  const usable = rows.filter(
    (row) => !columns.some((c) => isSuppressed(row, c) || row[c] === null || row[c] === undefined),
  );
  return usable.length ? { state: 'rows', rows: usable } : { state: 'suppressed', reason: hiddenReasonOfRows(rows) };
}
