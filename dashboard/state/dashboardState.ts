/**
 * The whole state of the dashboard: which view, which period and scope, which figure the
 * charts show, how tables are sorted, and the language. The URL's query string is the only
 * place it is kept (see urlState.ts), so a link reproduces the view.
 */
import type { FigureKey, SchoolLevel } from '../api/types.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Term } from '../../etl/calendar/period.ts';

export const views = ['overview', 'comparison', 'school', 'log', 'competence', 'yearwheel', 'annualreview', 'deviations', 'deviationreport', 'import', 'users'] as const;
export type View = (typeof views)[number];

/** The views about one school the viewer is scoped to (the school picker lists only those). */
export function isScopedSchoolView(view: View): boolean {
  return view === 'yearwheel' || view === 'annualreview';
}

import type { PerSize } from '../data/schoolComparison.ts';

export type SortKey = 'name' | FigureKey;
export type SortDir = 'asc' | 'desc';

export interface DashboardState {
  readonly view: View;
  readonly lang: Lang;
  /** The school year (its first calendar year); also the base of a custom period's defaults. */
  readonly year: number;
  readonly term: Term;
  /** The period, derived from year and term unless the term is `custom`. */
  readonly from: string;
  readonly to: string;
  /** A chosen as-of date; null means the default (see defaultAsOf). */
  readonly asOf: string | null;
  readonly municipality: string;
  readonly level: SchoolLevel | null;
  /** The school on the school page, the year wheel and the annual review. */
  readonly school: string | null;
  /** The figure the charts show. */
  readonly figure: FigureKey;
  readonly sort: SortKey;
  readonly dir: SortDir;
  /** The school page's counts per pupil or per 10 staff; absent: as counted. */
  readonly per?: PerSize;
  /** The log's filters (the server narrows the log by them); absent: the whole log. */
  readonly log?: LogFilter;
}

/** The log's filters, in the URL as `logUser`, `logAction`, `logSchool`, `logDay`, `logViews=0`. */
export interface LogFilter {
  readonly user?: string;
  readonly action?: string;
  readonly school?: string;
  /** An ISO day (Norwegian time). */
  readonly day?: string;
  /** false: the view events left out. */
  readonly views?: false;
}
