/** The schools of a municipality that match the level filter, from /api/meta. */
import type { Meta, SchoolInfo, SchoolLevel } from '../api/types.ts';

export function schoolsInScope(meta: Meta, municipality: string, level: SchoolLevel | null): SchoolInfo[] {
  return meta.schools.filter((s) => s.municipality === municipality && (!level || s.level === level));
}
