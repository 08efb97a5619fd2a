/**
 * How the benchmarks wait for the dashboard's `first-chart` mark (dashboard/perf/firstChart.ts)
 * without putting work of their own on the page's main thread while it loads.
 *
 * `page.waitForFunction` would install Playwright's injected script in the page as soon as
 * it is called and evaluate it during the load: 15–45 ms of the renderer's main thread before
 * the first chart, which a user's browser never spends (11 alternating runs at national
 * scale: median 795 ms waiting so, 721 ms waiting as here). Instead a tiny init script,
 * added before the page opens, observes the page's own performance marks and tells the
 * driver through the console when the mark is set; the time itself is then read from the
 * page, after the mark, so nothing of the probe is inside the measured interval.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { firstChartMs } from '../dashboard/perf/firstChart.ts';

/** What the init script logs when the page sets the mark. */
export const firstChartSignal = 'bench:first-chart';

/** Installs the observer in every page of the context opened after this call. */
export async function observeFirstChart(context: BrowserContext): Promise<void> {
  await context.addInitScript((signal: string) => {
    new PerformanceObserver((list) => {
      if (list.getEntries().some((entry) => entry.name === 'first-chart')) console.debug(signal);
    }).observe({ type: 'mark' });
  }, firstChartSignal);
}

/**
 * Opens `url` in `page` (its context prepared with observeFirstChart) and resolves with the
 * first chart's time in ms since navigation start, once the page has set the mark.
 */
export async function gotoFirstChart(page: Page, url: string, timeout = 60_000): Promise<number> {
  const marked = page.waitForEvent('console', { predicate: (message) => message.text() === firstChartSignal, timeout });
  await page.goto(url);
  await marked;
  const ms = (await page.evaluate(firstChartMs)) as number | null;
  if (ms === null) throw new Error('the page signalled its first chart but has no first-chart mark');
  return ms;
}
