/**
 * Where the first chart's time goes, request by request: one build served by the real app over
 * the national database, loaded a few times in Chromium; prints, for the median run, every
 * resource (start, time to first byte, end, bytes on the wire), the marks, and DOMContentLoaded.
 * A measuring tool for issue 9, not a test and not part of `npm run bench`.
 *
 *   npx tsx bench/firstChartTimeline.ts data/bench/national.duckdb dashboard/dist [runs]
 */
import { loadavg } from 'node:os';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { openDatabase } from '../etl/db/openDatabase.ts';
import { ensureFigureFacts } from '../etl/figures/index.ts';
import { gotoFirstChart, observeFirstChart } from './firstChartProbe.ts';
import { createApp } from '../server/createApp.ts';
import { launchChromium, newDashboardContext } from '../tests/helpers/browser.ts';

interface Entry { readonly name: string; readonly start: number; readonly ttfb: number; readonly end: number; readonly bytes: number; readonly body: number }

async function main(): Promise<void> {
  const [dbArg, distArg, runsArg] = process.argv.slice(2);
  if (!dbArg || !distArg) throw new Error('usage: firstChartTimeline.ts <db> <dist> [runs]');
  const runs = Number(runsArg ?? 5);
  const db = await openDatabase(resolve(dbArg));
  await ensureFigureFacts(db.connection);
  const app = createApp({ instance: db.instance, dashboardDir: resolve(distArg), today: () => '2026-11-23', allowAnonymousAdmin: true });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await launchChromium();
  const results: { ms: number; entries: Entry[]; marks: [string, number][]; dcl: number; responseEnd: number }[] = [];
  try {
    for (let i = 0; i <= runs; i++) {
      const context = await newDashboardContext(browser);
      await observeFirstChart(context);
      const page = await context.newPage();
      const ms = await gotoFirstChart(page, url);
      const data = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return {
          dcl: nav.domContentLoadedEventEnd,
          responseEnd: nav.responseEnd,
          entries: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({
            name: r.name.replace(location.origin, ''),
            start: r.startTime,
            ttfb: r.responseStart,
            end: r.responseEnd,
            bytes: r.transferSize,
            body: r.decodedBodySize,
          })),
          marks: performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as [string, number]),
        };
      });
      await context.close();
      if (i > 0) results.push({ ms, ...data }); // the first run warms the server and the browser
    }
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
    db.close();
  }
  results.sort((a, b) => a.ms - b.ms);
  console.log(`load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}; first chart ${results.map((r) => r.ms.toFixed(0)).join(' ')}`);
  for (const r of results) {
    const figure = r.entries.find((e) => e.name.startsWith('/api/figures'));
    const lastScript = Math.max(...r.entries.filter((e) => e.name.endsWith('.js')).map((e) => e.end));
    console.log(`run ${r.ms.toFixed(0)}: last script ${lastScript.toFixed(0)}, DCL ${r.dcl.toFixed(0)}, ${r.marks.map(([n, t]) => `${n} ${t.toFixed(0)}`).join(', ')}, first figure asked ${figure?.start.toFixed(0)} answered ${figure?.end.toFixed(0)}`);
  }
  const mid = results[Math.floor(results.length / 2)]!;
  console.log(`median run ${mid.ms.toFixed(0)} ms; html end ${mid.responseEnd.toFixed(0)}, DOMContentLoaded ${mid.dcl.toFixed(0)}`);
  for (const e of [...mid.entries].sort((a, b) => a.start - b.start)) {
    console.log(`${e.start.toFixed(0).padStart(6)} ${e.ttfb.toFixed(0).padStart(6)} ${e.end.toFixed(0).padStart(6)} ${String(e.bytes).padStart(8)} ${String(e.body).padStart(8)}  ${e.name.slice(0, 110)}`);
  }
  for (const [name, t] of mid.marks) console.log(`mark ${name} ${t.toFixed(0)}`);
}

await main();
