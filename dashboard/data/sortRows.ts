/**
 * Table order: by name in Norwegian alphabetical order (Æ Ø Å last), or by a figure with
 * missing and suppressed values always last, whichever the direction.
 */
import type { FigureRow, FigureSpec } from '../api/types.ts';
import type { SortDir, SortKey } from '../state/dashboardState.ts';
import { numericValue } from './figureValue.ts';

const collator = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });

export function rowName(row: FigureRow): string {
  return row.school_name ?? row.municipality ?? '';
}

export function sortRows(
  rows: readonly FigureRow[],
  key: SortKey,
  dir: SortDir,
  specs: readonly FigureSpec[],
): FigureRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  const byName = (a: FigureRow, b: FigureRow) => collator.compare(rowName(a), rowName(b));
  const spec = specs.find((s) => s.key === key);
  if (!spec) return [...rows].sort((a, b) => sign * byName(a, b));
  return [...rows].sort((a, b) => {
    const va = numericValue(a, spec);
    const vb = numericValue(b, spec);
    if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1;
    return sign * (va - vb) || byName(a, b);
  });
}
