/**
 * Who may administer whom (`?view=users`, server/routes/users.ts): an administrator every
 * account and mapping; a municipality user the accounts and mappings of their own
 * municipality that are not administrators, granting only roles of their municipality
 * (municipality, ppt, or rector of one of its schools). Everyone else: 403.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { municipalityOfSchool, type Grant } from '../../etl/accounts/userChanges.ts';
import { HttpError } from '../http/HttpError.ts';
import type { Viewer } from './viewer.ts';

/** 403 unless the viewer administers users at all. */
export function requireUserAdmin(viewer: Viewer): void {
  if (viewer.role !== 'admin' && viewer.role !== 'municipality') throw new HttpError(403, 'forbidden', { reason: 'role' });
}

/** The municipality the viewer's administration is limited to, or undefined for everything. */
export function adminMunicipality(viewer: Viewer): string | undefined {
  return viewer.role === 'admin' ? undefined : (viewer.municipality ?? '\u0000none');
}

/** 403 unless the viewer may manage something with this role and municipality. */
export function requireManageable(viewer: Viewer, role: string, municipality: string | null): void {
  if (viewer.role === 'admin') return;
  if (role === 'admin' || municipality !== viewer.municipality) throw new HttpError(403, 'forbidden', { reason: 'out_of_scope' });
}

/** The grant's municipality (a rector's school's), 404 for an unknown school; then 403 if out of the viewer's reach. */
export async function requireGrantable(conn: DuckDBConnection, viewer: Viewer, grant: Grant): Promise<void> {
  let municipality = grant.municipality ?? null;
  if (grant.role === 'rector' && grant.school_id) {
    municipality = await municipalityOfSchool(conn, grant.school_id);
    if (municipality === null) throw new HttpError(404, 'unknown_school');
  }
  requireManageable(viewer, grant.role, municipality);
}
