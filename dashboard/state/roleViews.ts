/**
 * Which views a role can use (the server enforces this anyway; the dashboard only hides
 * what would be refused), and where a user starts when the URL names no view.
 */
import type { Role, SessionUser } from '../api/types.ts';
import type { View } from './dashboardState.ts';
import type { QueryState } from './urlState.ts';

const byRole: Record<Role, readonly View[]> = {
  admin: ['yearwheel', 'overview', 'comparison', 'school', 'log', 'competence', 'deviations', 'deviationreport', 'annualreview', 'import', 'users'],
  municipality: ['yearwheel', 'overview', 'comparison', 'school', 'competence', 'deviations', 'deviationreport', 'annualreview', 'import', 'users'],
  ppt: ['yearwheel', 'overview', 'comparison', 'school', 'competence', 'deviations', 'deviationreport', 'annualreview'],
  // The deviations come from /api/figures like every figure: outside the viewer's scope suppressed as case counts.
  rector: ['yearwheel', 'overview', 'comparison', 'school', 'deviations', 'deviationreport', 'annualreview'],
};

/**
 * Views reached from elsewhere, not from the menu (the annual review: from the year wheel;
 * the deviation report: from the deviations page;
 * the user administration: from the user bar, so the menu still fits one row).
 */
const offMenu: ReadonlySet<View> = new Set(['annualreview', 'deviationreport', 'users']);

export function viewsFor(role: Role): readonly View[] {
  return byRole[role];
}

/** The views of the menu, in its order. */
export function menuViewsFor(role: Role): readonly View[] {
  return byRole[role].filter((v) => !offMenu.has(v));
}

/**
 * Where the URL leaves it open: a user bound to a municipality starts in it, a rector on
 * their own school's year wheel; an administrator on the overview of the first municipality.
 */
export function withStartView(q: QueryState, user: SessionUser): QueryState {
  const withHome = !q.municipality && user.municipality ? { ...q, municipality: user.municipality } : q;
  if (q.view || user.role !== 'rector' || !user.school_id) return withHome;
  return { ...withHome, view: 'yearwheel', school: user.school_id };
}

/**
 * A URL that asks for a view the user's role cannot use: shown as "no access", never as
 * data. (A municipality or school out of reach falls back to the user's own instead, with
 * a notice: see resolveState and unavailableInQuery.)
 */
export function isDenied(q: QueryState, user: SessionUser): boolean {
  return q.view !== undefined && !viewsFor(user.role).includes(q.view);
}
