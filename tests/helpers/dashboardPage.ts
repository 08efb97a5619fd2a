/**
 * Reading a dashboard page in the browser tests: the values of a figure table (to compare
 * with hand-written expectations, never with the dashboard's own formatter), the charts
 * drawn, axe-core's verdict, and moving focus with the keyboard.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { projectRoot } from '../../etl/db/defaultPaths.ts';
import { openChartTables } from './dashboardApp.ts';

export type ShownCells = Record<string, Record<string, { value: string; n: string | null }>>;

/** Every value and n shown in a figure table, by row id (`reference-<i>` for the footer) and figure key. */
export function tableCells(page: Page, selector: string): Promise<ShownCells> {
  return page.$$eval(`${selector} tbody tr, ${selector} tfoot tr`, (rows) =>
    Object.fromEntries(
      rows.map((tr) => [
        (tr as HTMLElement).dataset.id ?? `reference-${(tr as HTMLElement).dataset.reference}`,
        Object.fromEntries(
          [...tr.querySelectorAll('td[data-key]')].map((td) => [
            (td as HTMLElement).dataset.key!,
            { value: td.querySelector('.value')!.textContent!, n: td.querySelector('.n')?.textContent ?? null },
          ]),
        ),
      ]),
    ),
  );
}

/** No-break space: the bokmål thousands separator and the space before «%». */
export const nbsp = '\u00a0';

/**
 * A hand-written expectation for some figures of a row: `'37'`, or `'0,8 · n = 37'` for a
 * value and its n. The same shape as `shownCells` gives.
 */
export function expectCells(cells: Readonly<Record<string, string>>): Record<string, { value: string; n: string | null }> {
  return Object.fromEntries(
    Object.entries(cells).map(([key, text]) => {
      const [value, n] = text.split(' · ');
      return [key, { value: value!, n: n ?? null }];
    }),
  );
}

/** The shown cells of one row, for the given figures only. */
export function shownCells(cells: ShownCells, rowId: string, keys: readonly string[]): Record<string, { value: string; n: string | null }> {
  const row = cells[rowId];
  if (!row) throw new Error(`no row ${rowId} in the table`);
  return Object.fromEntries(keys.map((k) => [k, row[k]!]));
}

/** Every chart on the page is an SVG image with a text alternative, marks and a data table. */
export async function expectChartsDrawn(page: Page): Promise<void> {
  await openChartTables(page);
  const charts = await page.$$eval('.chart-card', (cards) =>
    cards.map((card) => ({
      svg: !!card.querySelector('svg.chart-svg[role="img"][aria-label]'),
      marks: card.querySelectorAll('svg.chart-svg :is(path, rect, line, circle)').length,
      tableRows: card.querySelectorAll('details table tbody tr').length,
    })),
  );
  expect(charts.length).toBeGreaterThan(0);
  for (const chart of charts) {
    expect(chart.svg).toBe(true);
    expect(chart.marks).toBeGreaterThan(3);
    expect(chart.tableRows).toBeGreaterThan(0);
  }
}

const axePath = join(projectRoot, 'node_modules', 'axe-core', 'axe.min.js');

interface AxeViolation {
  id: string;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/**
 * axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is now, violations as short text.
 * axe is injected as an inline script: the page's context must bypass the app's CSP.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    type Axe = { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
    const axe = (window as unknown as { axe: Axe }).axe;
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
    return (await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })).violations;
  });
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
}

export function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

/** Presses Tab until the element with `id` has focus; the number of presses, or an error after `limit`. */
export async function tabTo(page: Page, id: string, limit = 60): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if ((await focusedId(page)) === id) return presses;
  }
  throw new Error(`#${id} was not reached with ${limit} presses of Tab`);
}
