/**
 * For counts and sums, a total row should be the sum of the rows it totals. Where the sum of
 * the rows shown differs from the total, the table says so and why: some rows' values are
 * hidden (with the server's reason), or, with nothing hidden, the total was counted on its
 * own. Decided from the data, so the note appears only when it applies.
 */
import type { FigureKey, FigureRow, FigureSpec } from '../api/types.ts';
import { figureValue } from './figureValue.ts';
import { hiddenReasonOf, type HiddenReason } from './hiddenReason.ts';

/** Why the rows of some figures do not add up to the total: a hidden reason, `'hidden'` (no reason given) or `'other'`. */
export type MismatchCause = HiddenReason | 'hidden' | 'other';

export interface TotalMismatch {
  readonly cause: MismatchCause;
  readonly keys: readonly FigureKey[];
}

const additive = new Set<FigureSpec['kind']>(['count', 'sum']);

function causeOf(rows: readonly FigureRow[], spec: FigureSpec): MismatchCause {
  const hidden = rows.filter((row) => figureValue(row, spec).state === 'suppressed');
  if (hidden.length === 0) return 'other';
  return hidden.map(hiddenReasonOf).find((r) => r !== null) ?? 'hidden';
}

/** The additive figures whose visible rows do not sum to the visible total, grouped by cause (in `specs` order). */
export function totalMismatches(rows: readonly FigureRow[], total: FigureRow, specs: readonly FigureSpec[]): TotalMismatch[] {
  const byCause = new Map<MismatchCause, FigureKey[]>();
  for (const spec of specs) {
    if (!additive.has(spec.kind)) continue;
    const whole = figureValue(total, spec);
    if (whole.state !== 'value') continue;
    const sum = rows.reduce((acc, row) => {
      const v = figureValue(row, spec);
      return v.state === 'value' ? acc + v.value : acc;
    }, 0);
    // Counts are whole numbers and sums of whole numbers; the tolerance only absorbs float noise.
    if (Math.abs(sum - whole.value) < 1e-9) continue;
    const cause = causeOf(rows, spec);
    byCause.set(cause, [...(byCause.get(cause) ?? []), spec.key]);
  }
  return [...byCause].map(([cause, keys]) => ({ cause, keys }));
}
