/**
 * The overview's data, asked for as soon as the state is known: main.ts calls this before the
 * view's code and the chart libraries (Plot, d3, Arrow) are fetched and evaluated, so the
 * server works while the browser does. The view's sections ask for the same URLs later and
 * get these answers from the page's cache (api/http.ts), so nothing is asked twice. The order
 * is the view's: the schools' table and the first chart first (the server's queue keeps one
 * user's requests in the order they came).
 */
import { getDurations, getFigures, getFiguresBy, getMonthly, getSurvival } from '../api/endpoints.ts';
import type { FigureParams } from '../api/types.ts';
import type { DashboardState } from '../state/dashboardState.ts';
import { figureParams } from '../state/figureParams.ts';

/** The figure query of every section of the overview. */
export function overviewParams(state: DashboardState, today: string): FigureParams {
  return figureParams(state, today, { municipality: state.municipality });
}

export function startOverviewRequests(state: DashboardState, today: string): void {
  const params = overviewParams(state, today);
  const requests: Promise<unknown>[] = [getFiguresBy(params, 'school'), getFigures(params), getMonthly(params, 'school'), getMonthly(params), getDurations(params), getSurvival(params)];
  // A failure is the section's to show (it asks again, as failures are not cached).
  for (const request of requests) request.catch(() => undefined);
}
