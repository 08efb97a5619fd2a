/**
 * The real app serving the built dashboard (dashboard/dist) on the sample data, for the
 * browser tests, plus what they need around it: waiting until a view is drawn and asking
 * the figures module directly for the numbers the page should show.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { projectRoot } from '../../etl/db/defaultPaths.ts';
import { FigureQuery } from '../../etl/figures/index.ts';
import { importBatch } from '../../etl/load/importBatch.ts';
import { pseudonymKey } from '../../etl/load/pseudonymKey.ts';
import { startAuthSampleApp, startSampleApp, type SampleApp } from './sampleApp.ts';

export const dashboardDir = join(projectRoot, 'dashboard', 'dist');

/**
 * Starts the app with the built dashboard. `extraData` are more files or folders imported
 * after the sample data (e.g. a school with a tricky name).
 */
export async function startDashboardApp(extraData: readonly string[] = []): Promise<SampleApp> {
  if (!existsSync(join(dashboardDir, 'index.html'))) {
    throw new Error('dashboard/dist is missing: run `npm run build` first (npm test does)');
  }
  const app = await startSampleApp({ dashboardDir, allowAnonymousAdmin: true });
  if (extraData.length) await importBatch(app.db.connection, extraData, { key: pseudonymKey(Buffer.alloc(32, 7)) });
  return app;
}

/** The app with the built dashboard as `npm start` runs it: sign-in required, one demo user per role. */
export function startAuthDashboardApp(): Promise<SampleApp> {
  if (!existsSync(join(dashboardDir, 'index.html'))) {
    throw new Error('dashboard/dist is missing: run `npm run build` first (npm test does)');
  }
  return startAuthSampleApp({}, { dashboardDir });
}

/** Waits until the dashboard has drawn the current state: every section settled. */
export async function waitForDashboard(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getElementById('app')?.dataset.ready === 'true' && !document.querySelector('[aria-busy="true"]'));
}

/** Opens the data tables behind "Vis tabell" (built on first opening) under `scope`, and waits for them. */
export async function openChartTables(page: Page, scope = 'main'): Promise<void> {
  const count = await page.$$eval(`${scope} details.chart-table`, (all) => {
    all.forEach((d) => ((d as HTMLDetailsElement).open = true));
    return all.length;
  });
  await page.waitForFunction(
    ([selector, n]) => document.querySelectorAll(selector).length >= n,
    [`${scope} details.chart-table table`, count] as const,
  );
}

/** The figure query the dashboard sends for a period and scope (the as-of date must be given). */
export function figureQuery(q: { from: string; to: string; asOf: string; municipality?: string; school?: string; level?: string }): FigureQuery {
  return FigureQuery.parse(q);
}
