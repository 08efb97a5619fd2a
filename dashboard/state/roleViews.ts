/**
 * Which views a role can use (the server enforces this anyway; the dashboard only hides
 * what would be refused), and where a user starts when the URL names no view.
 */
import type { Role, SessionUser } from '../api/types.ts';
import type { View } from './dashboardState.ts';
import type { QueryState } from './urlState.ts';

const byRole: Record<Role, readonly View[]> = {
  admin: ['overview', 'comparison', 'school', 'log', 'competence'],
  municipality: ['overview', 'comparison', 'school'],
  ppt: ['overview', 'comparison', 'school', 'competence'],
  rector: ['overview', 'comparison', 'school'],
};

export function viewsFor(role: Role): readonly View[] {
  return byRole[role];
}

/**
 * Where the URL leaves it open: a user bound to a municipality starts in it, a rector on
 * their own school's page; an administrator on the overview of the first municipality.
 */
export function withStartView(q: QueryState, user: SessionUser): QueryState {
  const withHome = !q.municipality && user.municipality ? { ...q, municipality: user.municipality } : q;
  if (q.view || user.role !== 'rector' || !user.school_id) return withHome;
  return { ...withHome, view: 'school', school: user.school_id };
}

/**
 * A URL that asks for what the user may not see: a view their role cannot use, or (for a
 * non-administrator) a school that is not among theirs. Shown as "no access", never as data.
 */
export function isDenied(q: QueryState, user: SessionUser, schoolIds: readonly string[]): boolean {
  if (q.view && !viewsFor(user.role).includes(q.view)) return true;
  return user.role !== 'admin' && q.view === 'school' && q.school !== undefined && !schoolIds.includes(q.school);
}
