/**
 * `first_chart_ms` alone, without `npm run bench`: one or two builds of the dashboard served by
 * the real app over the same national database, measured in turns (A, B, A, B, …) so both see
 * the same load on a shared machine. Besides the wall time of each run it reads what Chromium
 * spent: script evaluation and compilation (CDP Performance metrics), when the entry module
 * started (`app-start` mark, if the build sets it), when the last script and the first figure
 * request arrived (Resource Timing). Wall time alone says little when other processes share
 * the two cores; scripting time says what the bundle costs.
 *
 *   npx tsx bench/firstChartAB.ts data/bench/national.duckdb dashboard/dist [other/dist] [runs]
 */
import { cpus, loadavg } from 'node:os';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { openDatabase } from '../etl/db/openDatabase.ts';
import { ensureFigureFacts } from '../etl/figures/index.ts';
import { gotoFirstChart, observeFirstChart } from './firstChartProbe.ts';
import { createApp } from '../server/createApp.ts';
import { launchChromium, newDashboardContext } from '../tests/helpers/browser.ts';

interface Run {
  readonly ms: number;
  readonly scriptMs: number;
  readonly appStartMs: number | null;
  readonly lastScriptEndMs: number;
  readonly firstFigureStartMs: number | null;
  readonly jsBytes: number;
}

async function measure(browser: Browser, url: string): Promise<Run> {
  const context = await newDashboardContext(browser);
  await observeFirstChart(context);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const ms = await gotoFirstChart(page, url);
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  const timing = await page.evaluate(() => {
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const scripts = resources.filter((r) => r.name.endsWith('.js'));
    const figures = resources.filter((r) => r.name.includes('/api/figures') || r.name.includes('/api/series'));
    const [start] = performance.getEntriesByName('app-start', 'mark');
    return {
      appStartMs: start ? start.startTime : null,
      lastScriptEndMs: Math.max(0, ...scripts.map((s) => s.responseEnd)),
      firstFigureStartMs: figures.length ? Math.min(...figures.map((f) => f.startTime)) : null,
      jsBytes: scripts.reduce((sum, s) => sum + s.encodedBodySize, 0),
    };
  });
  await context.close();
  // ScriptDuration is seconds of script evaluation (compile included) in the page up to now.
  return { ms, scriptMs: metric('ScriptDuration') * 1000, ...timing };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number | null) => (n === null ? '–' : n.toFixed(0));

async function main(): Promise<void> {
  const [dbArg, ...rest] = process.argv.slice(2);
  const runs = Number(rest.find((a) => /^\d+$/.test(a)) ?? 7);
  const dists = rest.filter((a) => !/^\d+$/.test(a)).map((d) => resolve(d));
  if (!dbArg || dists.length === 0) throw new Error('usage: firstChartAB.ts <db> <dist> [dist2] [runs]');
  const db = await openDatabase(resolve(dbArg));
  await ensureFigureFacts(db.connection);
  const servers = await Promise.all(
    dists.map(async (dashboardDir) => {
      const app = createApp({ instance: db.instance, dashboardDir, today: () => '2026-11-23', allowAnonymousAdmin: true });
      const server = app.listen(0, '127.0.0.1');
      await new Promise((r) => server.once('listening', r));
      return { dashboardDir, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
    }),
  );
  const browser = await launchChromium();
  const results = servers.map(() => [] as Run[]);
  const loadBefore = loadavg()[0]!;
  try {
    for (const s of servers) await measure(browser, s.url); // warm-up: server caches, browser start
    for (let i = 0; i < runs; i++) {
      // Alternate the order so neither build always goes first after the other.
      const order = i % 2 === 0 ? servers.map((_, k) => k) : servers.map((_, k) => k).reverse();
      for (const k of order) results[k]!.push(await measure(browser, servers[k]!.url));
    }
  } finally {
    await browser.close();
    for (const s of servers) await new Promise((r) => s.server.close(r));
    db.close();
  }
  console.log(`load average ${loadBefore.toFixed(2)} → ${loadavg()[0]!.toFixed(2)} on ${cpus().length} cores, ${runs} runs each`);
  servers.forEach((s, k) => {
    const rs = results[k]!;
    const ms = rs.map((r) => r.ms);
    console.log(`${s.dashboardDir}`);
    console.log(`  first chart: median ${fmt(median(ms))} ms, range ${fmt(Math.min(...ms))}–${fmt(Math.max(...ms))}  [${ms.map(fmt).join(' ')}]`);
    console.log(`  script (CDP ScriptDuration): median ${fmt(median(rs.map((r) => r.scriptMs)))} ms; app-start mark median ${fmt(median(rs.map((r) => r.appStartMs ?? NaN)))} ms`);
    console.log(`  last script received median ${fmt(median(rs.map((r) => r.lastScriptEndMs)))} ms; first figure request median ${fmt(median(rs.map((r) => r.firstFigureStartMs ?? NaN)))} ms; JS bytes on the wire ${rs[0]!.jsBytes}`);
  });
}

await main();
