/**
 * Decides, per figure request, what the viewer may ask and which schools the SQL may read
 * (FigureQuery.allowedSchools: schools outside it are never read):
 * - `school=X`: X must be one the viewer may see one by one (404 when it does not exist,
 *   403 when it is out of scope); the SQL reads only those schools.
 * - `by=school`: only schools the viewer may see one by one; `municipality=` another
 *   municipality is 403 (non-admins never see other municipalities' schools).
 * - `municipality=N` or `by=municipality` without a school: municipality totals, which any
 *   viewer may see (with suppression where not scoped): the SQL reads N's (or all) schools.
 * - `total=all`: the total of every school of every municipality, which any viewer may see
 *   (suppressed where not scoped: only an admin is scoped to every school); it cannot be
 *   combined with `school`, `municipality` or `by` (400).
 * - nothing: the viewer's own scope (an admin: everything).
 */
import type { FigureQuery } from '../../etl/figures/index.ts';
import { HttpError } from '../http/HttpError.ts';
import type { ViewerAccess } from './viewerAccess.ts';

const forbidden = (reason: string) => new HttpError(403, 'forbidden', { reason });

/** `total=all` asks one thing; a filter or breakdown beside it is a mistake, not a narrower total. */
export function checkTotal(q: FigureQuery, total: boolean): void {
  if (!total || (q.school === undefined && q.municipality === undefined && q.by === undefined)) return;
  throw new HttpError(400, 'invalid_parameters', [
    { parameter: 'total', message: 'total=all er summen for alle kommuner og kan ikke kombineres med skole, kommune eller inndeling (school, municipality, by)' },
  ]);
}

export function scopeFigureQuery(access: ViewerAccess, q: FigureQuery, total = false): FigureQuery {
  if (q.school !== undefined && !access.schoolById.has(q.school)) throw new HttpError(404, 'unknown_school');
  if (q.municipality !== undefined && !access.municipalities.has(q.municipality)) throw new HttpError(404, 'unknown_municipality');
  if (access.isAdmin || total) return { ...q, allowedSchools: null };
  if (q.school !== undefined && !access.visible.has(q.school)) throw forbidden('school_out_of_scope');
  if (q.by === 'school' && q.municipality !== undefined && q.municipality !== access.home) throw forbidden('schools_of_other_municipality');
  const oneByOne = q.by === 'school' || q.school !== undefined;
  const totals = q.municipality !== undefined || q.by === 'municipality';
  const allowedSchools = oneByOne ? [...access.visible] : totals ? null : [...access.scoped];
  return { ...q, allowedSchools };
}

/** The scope a request asked for, as the audit log names it. */
export function askedTarget(q: Pick<FigureQuery, 'school' | 'municipality'>, total = false): string {
  if (total) return 'total:all';
  if (q.school !== undefined) return `school:${q.school}`;
  if (q.municipality !== undefined) return `municipality:${q.municipality}`;
  return 'scope';
}
