/**
 * Dashboard metrics at national scale: `first_chart_ms` (navigation → first chart drawn, in
 * Debian's Chromium against the real app on localhost, figure facts already built as at
 * server start, and the year figures as the server has them after its first warming pass;
 * no answer is kept in advance) and `largest_response_bytes` (the largest API answer the overview needs).
 * The bench signs in as an implicit admin: it measures speed, not access control. The app
 * runs in a process of its own (dashboardServer.ts says why), and the driver waits for the
 * mark without running anything in the page while it loads (firstChartProbe.ts says why).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../etl/db/defaultPaths.ts';
import { gotoFirstChart, observeFirstChart } from './firstChartProbe.ts';
import { startDashboardServer, stopDashboardServer } from './dashboardServerProcess.ts';
import { chromiumPath, launchChromium, newDashboardContext } from '../tests/helpers/browser.ts';

const dashboardDir = join(projectRoot, 'dashboard', 'dist');

export async function timeDashboard(
  dbPath: string,
  log: (line: string) => void,
): Promise<{ first_chart_ms?: number; largest_response_bytes?: number }> {
  if (!existsSync(chromiumPath) || !existsSync(join(dashboardDir, 'index.html'))) {
    log('Dashbord: ikke målt (mangler /usr/bin/chromium eller dashboard/dist; kjør npm run build)');
    return {};
  }
  const { child, url } = await startDashboardServer(dbPath, dashboardDir, '2026-11-23');
  const browser = await launchChromium();
  try {
    const measure = async () => {
      const context = await newDashboardContext(browser);
      await observeFirstChart(context);
      const page = await context.newPage();
      const ms = await gotoFirstChart(page, url);
      await page.waitForLoadState('networkidle');
      // The answers' sizes from the page's Resource Timing, read after the load: asking the
      // driver for each body during it would copy every answer through the browser meanwhile.
      const largest = await page.evaluate(() =>
        Math.max(0, ...(performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => new URL(r.name).pathname.startsWith('/api/')).map((r) => r.decodedBodySize)),
      );
      await context.close();
      return { ms, largest };
    };
    await measure(); // warm-up: the server's first requests and the browser's start
    // Seven runs: on two cores the browser and the server share the CPU, and single runs
    // spread by ±150 ms; the median of seven is steady to a few tens of ms.
    const runs = [];
    for (let i = 0; i < 7; i++) runs.push(await measure());
    runs.sort((a, b) => a.ms - b.ms);
    const median = runs[3]!;
    log(`Dashbord: første diagram ${median.ms.toFixed(0)} ms (median av 7, ${runs[0]!.ms.toFixed(0)}–${runs[6]!.ms.toFixed(0)}), største API-svar ${median.largest} byte`);
    return { first_chart_ms: median.ms, largest_response_bytes: Math.max(...runs.map((r) => r.largest)) };
  } finally {
    await browser.close();
    await stopDashboardServer(child);
  }
}
