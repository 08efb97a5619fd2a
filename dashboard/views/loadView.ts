/**
 * Each view's code in a chunk of its own, fetched when the view is first shown: the landing
 * page (the overview, or a rector's year wheel) then loads and evaluates only its own code,
 * not the import page, the user list or the deviation report. The chunks are on the same
 * server as the page (vite's build), so the dashboard still works without network access.
 */
import type { DashboardState } from '../state/dashboardState.ts';
import type { ViewContext, ViewResult } from './viewContext.ts';

export type BuildView = (ctx: ViewContext) => ViewResult;

const loaders: Record<DashboardState['view'], () => Promise<BuildView>> = {
  overview: async () => (await import('./overviewView.ts')).overviewView,
  comparison: async () => (await import('./comparisonView.ts')).comparisonView,
  school: async () => (await import('./schoolView.ts')).schoolView,
  log: async () => (await import('./logView.ts')).logView,
  competence: async () => (await import('./competenceView.ts')).competenceView,
  yearwheel: async () => (await import('./yearwheel/yearWheelView.ts')).yearWheelView,
  annualreview: async () => (await import('./yearwheel/annualReviewView.ts')).annualReviewView,
  deviations: async () => (await import('./deviationsView.ts')).deviationsView,
  deviationreport: async () => (await import('./deviations/deviationReportView.ts')).deviationReportView,
  import: async () => (await import('./import/importView.ts')).importView,
  users: async () => (await import('./usersView.ts')).usersView,
};

/** The view's build function, its chunk fetched on first use (the browser keeps the module after). */
export function loadView(view: DashboardState['view']): Promise<BuildView> {
  return loaders[view]();
}
