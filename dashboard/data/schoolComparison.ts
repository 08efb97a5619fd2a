/**
 * The school page's fair comparisons (issue 12, point 2), one figure at a time:
 * - **per pupil / per 10 staff** (the `per` switch): counts and sums divided by the school's
 *   pupils, or by its staff and times ten; rates, means and medians are already per case and
 *   stay as they are. Unknown or zero size: no value.
 * - **the mean school** of the municipality (the same level filter): for counts and sums the
 *   municipality's total over its number of schools; per pupil (per 10 staff) the total over
 *   the pupils (staff) of those schools, that is the municipality's own rate, weighted by size
 *   (unknown when any school's size is unknown, since the total counts that school too); for
 *   other figures the municipality's own figure.
 * - **last year**: the same period one year earlier (`previousPeriod`), scaled by the same
 *   (current) size — the schools file has one size per school, not one per year — and the
 *   change, rates in percentage points by the formatter.
 */
import type { FigureRow, FigureSpec } from '../api/types.ts';
import { figureValue } from './figureValue.ts';
import { isAdditive } from './monthlyPoints.ts';

export type PerSize = 'pupils' | 'staff';
export const perSizes: readonly PerSize[] = ['pupils', 'staff'];

export interface Size {
  readonly students: number | null;
  readonly staff: number | null;
}

/** A shown value: a number, null (no basis), or hidden for this viewer. */
export type Shown = number | null | 'hidden';

export interface SchoolComparison {
  readonly school: Shown;
  readonly meanSchool: Shown;
  readonly previous: Shown;
  readonly change: number | null;
}

function shown(row: FigureRow, spec: FigureSpec): Shown {
  const v = figureValue(row, spec);
  return v.state === 'value' ? v.value : v.state === 'suppressed' ? 'hidden' : null;
}

/** A count or sum per pupil, or per 10 staff; other figures as they are. */
export function perSize(value: Shown, spec: FigureSpec, size: Size, per: PerSize | null): Shown {
  if (typeof value !== 'number' || per === null || !isAdditive(spec)) return value;
  const base = per === 'pupils' ? size.students : size.staff;
  if (base === null || base <= 0) return null;
  return per === 'pupils' ? value / base : (value / base) * 10;
}

/** The sizes of a group of schools added up; unknown when any is unknown. */
export function totalSize(sizes: readonly Size[]): Size {
  const sum = (key: keyof Size) => (sizes.some((s) => s[key] === null) ? null : sizes.reduce((a, s) => a + s[key]!, 0));
  return { students: sum('students'), staff: sum('staff') };
}

/** The same period one year earlier (29 February becomes 28 February). */
export function previousPeriod(p: { from: string; to: string }): { from: string; to: string } {
  const back = (iso: string) => {
    const y = Number(iso.slice(0, 4)) - 1;
    const md = iso.slice(5) === '02-29' ? '02-28' : iso.slice(5);
    return `${String(y).padStart(4, '0')}-${md}`;
  };
  return { from: back(p.from), to: back(p.to) };
}

export function schoolComparison(
  spec: FigureSpec,
  rows: { readonly school: FigureRow; readonly municipality: FigureRow; readonly previous: FigureRow },
  sizes: { readonly school: Size; readonly municipality: Size; readonly schools: number },
  per: PerSize | null,
): SchoolComparison {
  const school = perSize(shown(rows.school, spec), spec, sizes.school, per);
  const previous = perSize(shown(rows.previous, spec), spec, sizes.school, per);
  const municipality = shown(rows.municipality, spec);
  let meanSchool: Shown = municipality;
  if (typeof municipality === 'number' && isAdditive(spec)) {
    meanSchool = per === null ? (sizes.schools > 0 ? municipality / sizes.schools : null) : perSize(municipality, spec, sizes.municipality, per);
  }
  const change = typeof school === 'number' && typeof previous === 'number' ? school - previous : null;
  return { school, meanSchool, previous, change };
}
