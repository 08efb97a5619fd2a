/** From the dashboard state to the query every figure endpoint takes. */
import type { FigureParams } from '../api/types.ts';
import type { DashboardState } from './dashboardState.ts';
import { defaultAsOf } from '../../etl/calendar/period.ts';

/** The as-of date in force: the chosen one, or the default for the period. */
export function effectiveAsOf(state: DashboardState, today: string): string {
  return state.asOf ?? defaultAsOf(state, today);
}

/** The figure query for the state, narrowed to a municipality or a school when given. */
export function figureParams(
  state: DashboardState,
  today: string,
  scope: { municipality?: string; school?: string } = {},
): FigureParams {
  return {
    from: state.from,
    to: state.to,
    asOf: effectiveAsOf(state, today),
    level: state.level ?? undefined,
    ...scope,
  };
}
