/**
 * The benchmarks' probe for the first chart (bench/firstChartProbe.ts): it resolves with the
 * page's own `first-chart` mark once the chart is in the page, and runs no script of the
 * driver in the page before that mark (Playwright's injected script is what it avoids).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstChartSignal, gotoFirstChart, observeFirstChart } from '../../bench/firstChartProbe.ts';
import { chromiumAvailable, launchChromium, newDashboardContext } from '../helpers/browser.ts';
import { startDashboardApp } from '../helpers/dashboardApp.ts';
import type { SampleApp } from '../helpers/sampleApp.ts';

let app: SampleApp;
let browser: Browser;

describe.skipIf(!chromiumAvailable())('bench/firstChartProbe.ts', () => {
  beforeAll(async () => {
    app = await startDashboardApp();
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('resolves with the page’s first-chart mark, the chart drawn, and no driver script parsed before it', async () => {
    const context = await newDashboardContext(browser);
    await observeFirstChart(context);
    const page = await context.newPage();
    // Every script V8 compiles in the page, with the page's clock when it was reported.
    const cdp = await context.newCDPSession(page);
    const parsed: { url: string; length: number; at: number }[] = [];
    cdp.on('Debugger.scriptParsed', (e) => parsed.push({ url: e.url, length: e.length ?? 0, at: Date.now() }));
    await cdp.send('Debugger.enable');
    let signalledAt = Infinity;
    page.on('console', (message) => {
      if (message.text() === firstChartSignal) signalledAt = Math.min(signalledAt, Date.now());
    });
    const started = Date.now();
    const ms = await gotoFirstChart(page, `${app.url}/?view=overview&year=2025&municipality=Fjordvik&figure=meetings_held`);
    const resolvedAt = Date.now();
    const state = await page.evaluate(() => ({
      mark: performance.getEntriesByName('first-chart', 'mark')[0]?.startTime ?? null,
      charts: document.querySelectorAll('#bars svg.chart-svg').length,
    }));
    expect(ms).toBe(state.mark);
    expect(ms).toBeGreaterThan(0);
    expect(ms).toBeLessThan(resolvedAt - started + 1);
    expect(state.charts).toBe(1);
    // Until the page signalled the mark: the app's own files and the probe's few-line init
    // script, never a large script without a URL (Playwright's injected script, which
    // page.waitForFunction installs, is hundreds of kB). Reading the mark afterwards may.
    expect(signalledAt).toBeLessThanOrEqual(resolvedAt);
    const before = parsed.filter((s) => s.at <= signalledAt);
    expect(before.some((s) => s.url.startsWith(app.url))).toBe(true);
    expect(before.filter((s) => !s.url.startsWith(app.url) && s.length > 5_000)).toEqual([]);
    await context.close();
  }, 60_000);

  it('rejects when the page never sets the mark', async () => {
    const context = await newDashboardContext(browser);
    await observeFirstChart(context);
    const page = await context.newPage();
    // A view without charts: the sign-in page of a signed-out visitor has none.
    await expect(gotoFirstChart(page, `${app.url}/auth/no-access`, 3_000)).rejects.toThrow(/Timeout/);
    await context.close();
  }, 30_000);
});
