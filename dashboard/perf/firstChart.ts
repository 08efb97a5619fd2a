/**
 * The benchmark hook for `first_chart_ms`: the dashboard sets the performance mark
 * `first-chart` once, when the first chart has been painted (not merely put in the
 * document). A benchmark reads it with `page.evaluate(firstChartMs)` after waiting for it,
 * e.g. `await page.waitForFunction(firstChartMs)`: milliseconds since navigation start.
 */
export const firstChartMark = 'first-chart';

let pending = false;

/** Sets the mark after the next paint if a chart is in the document and the mark is not set yet. */
export function markFirstChart(): void {
  if (pending || performance.getEntriesByName(firstChartMark, 'mark').length > 0) return;
  if (!document.querySelector('svg.chart-svg')) return;
  pending = true;
  // rAF runs just before the frame with the chart is painted; a task queued from it runs after.
  requestAnimationFrame(() =>
    setTimeout(() => {
      performance.mark(firstChartMark);
      pending = false;
    }, 0),
  );
}

/**
 * Self-contained (no imports, no closures), so it can be passed to Playwright's
 * `page.evaluate`: the mark's time in ms since navigation start, or null before the first chart.
 */
export function firstChartMs(): number | null {
  const [mark] = performance.getEntriesByName('first-chart', 'mark');
  return mark ? mark.startTime : null;
}
