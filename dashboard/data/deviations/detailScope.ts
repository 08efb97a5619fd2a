/**
 * Which scope the deviations page asks GET /api/deviations for: the server answers the list
 * and the breakdowns only for schools the viewer is scoped to. The municipality when every
 * school of it (at the chosen level) is the viewer's; a rector's own school when it is the
 * only one; otherwise none (the page says the details are for the viewer's own schools and
 * sends no request).
 */
import type { SchoolInfo } from '../../api/types.ts';

export type DetailScope = { readonly municipality: string } | { readonly school: string; readonly name: string } | null;

export function detailScope(municipality: string, schools: readonly SchoolInfo[]): DetailScope {
  if (schools.length > 0 && schools.every((s) => s.scoped)) return { municipality };
  const own = schools.filter((s) => s.scoped);
  return own.length === 1 ? { school: own[0]!.school_id, name: own[0]!.school_name } : null;
}
