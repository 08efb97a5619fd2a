/**
 * The municipalities whose schools the viewer may list one by one, which the overview and
 * the school page need (the server answers `by=school` for another municipality with 403):
 * those of the schools /api/meta lists. Every other municipality reaches the viewer only as
 * a row of the comparison. In /api/meta's order.
 */
import type { Meta } from '../api/types.ts';

export function openMunicipalities(meta: Pick<Meta, 'schools' | 'municipalities'>): string[] {
  const open = new Set(meta.schools.map((s) => s.municipality));
  return meta.municipalities.filter((m) => open.has(m));
}

/** Whether a URL's municipality or school is one the viewer cannot open (or that does not exist). */
export function unavailableInQuery(q: { readonly view?: string; readonly municipality?: string; readonly school?: string }, meta: Pick<Meta, 'schools' | 'municipalities'>): boolean {
  if (q.view === 'school' && q.school !== undefined) return !meta.schools.some((s) => s.school_id === q.school);
  // On the school page a known school decides the municipality; the comparison lists them all.
  return q.view !== 'comparison' && q.municipality !== undefined && !openMunicipalities(meta).includes(q.municipality);
}
