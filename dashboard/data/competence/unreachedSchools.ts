/** The schools of the selection an effort has not reached in the period (no session), by name. */
import type { Competence } from '../../api/types.ts';

export function unreachedSchools(data: Pick<Competence, 'reach' | 'schools'>, effortId: string): Competence['schools'] {
  const reached = new Set(data.reach.filter((r) => r.effort_id === effortId).map((r) => r.school_id));
  return data.schools.filter((s) => !reached.has(s.school_id));
}
