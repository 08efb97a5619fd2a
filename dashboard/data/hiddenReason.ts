/**
 * Why the server hid a figure (the row's `suppressed_reason`): too few cases
 * (`small_numbers`), a period other than a whole school year for a school or municipality
 * outside the viewer's scope (`whole_school_years_only`), or one level's slice of a total
 * outside it (`level_slice`). The dashboard says which; an access rule is never presented
 * as small numbers. Null when the row does not say (then only "hidden" is claimed).
 */
import type { Suppressed } from '../api/types.ts';

export const hiddenReasons = ['small_numbers', 'whole_school_years_only', 'level_slice'] as const;
export type HiddenReason = (typeof hiddenReasons)[number];

export interface ReasonedRow {
  readonly suppressed?: Suppressed;
  readonly suppressed_reason?: string | null;
}

export function hiddenReasonOf(row: ReasonedRow): HiddenReason | null {
  const reason = row.suppressed_reason;
  return (hiddenReasons as readonly (string | null | undefined)[]).includes(reason) ? (reason as HiddenReason) : null;
}

/** The reason shared by hidden rows: the first row's that names one (a series is hidden for one reason). */
export function hiddenReasonOfRows(rows: readonly ReasonedRow[]): HiddenReason | null {
  for (const row of rows) {
    const reason = hiddenReasonOf(row);
    if (reason) return reason;
  }
  return null;
}
