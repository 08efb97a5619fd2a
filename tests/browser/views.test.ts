/**
 * Each view of the dashboard on the sample data, in Chromium: it loads without console
 * errors; the numbers shown are exactly the figures module's, formatted with the dashboard's
 * formatter; every chart is drawn and has a text alternative; axe-core finds no WCAG 2.1
 * A/AA violation; it works with the keyboard; it prints as a report. Screenshots of each
 * view go to test-output/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCount, formatFigure } from '../../dashboard/format/numberFormat.ts';
import { computeFigures, computeFiguresBy, durationDistribution, figureSpecs } from '../../etl/figures/index.ts';
import { chromiumAvailable, collectPageErrors, launchChromium, newDashboardContext, saveScreenshot } from '../helpers/browser.ts';
import { figureQuery, openChartTables, startDashboardApp, waitForDashboard } from '../helpers/dashboardApp.ts';
import { axeViolations, expectChartsDrawn, expectedCells, focusedId, medianOf, tableCells, tabTo } from '../helpers/dashboardPage.ts';
import type { SampleApp } from '../helpers/sampleApp.ts';

const period = { from: '2025-08-01', to: '2026-07-31', asOf: '2026-07-31' };

let app: SampleApp;
let browser: Browser;
let page: Page;
let errors: string[];

async function open(query: string): Promise<void> {
  await page.goto(`${app.url}/${query}`);
  await waitForDashboard(page);
}

const chartText = (id: string) => page.locator(`#${id} svg.chart-svg`).textContent();

describe.skipIf(!chromiumAvailable())('dashboard views in Chromium', () => {
  beforeAll(async () => {
    [app, browser] = await Promise.all([startDashboardApp(), launchChromium()]);
    // axe is injected as an inline script, which the app's Content-Security-Policy forbids.
    page = await (await newDashboardContext(browser, { bypassCSP: true })).newPage();
    errors = collectPageErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("the overview defaults to the latest complete school year and the first municipality, with the figures module's numbers", async () => {
    await open('');
    expect(new URL(page.url()).search).toBe('?view=overview&year=2025&municipality=Bj%C3%B8rkestrand&figure=meetings_held');
    await expect(page.textContent('h1')).resolves.toBe('Oversikt per kommune: Bjørkestrand');
    await saveScreenshot(page, 'overview-nb');
    const q = figureQuery({ ...period, municipality: 'Bjørkestrand' });
    const [schools, total] = await Promise.all([computeFiguresBy(app.db.connection, q, 'school'), computeFigures(app.db.connection, q)]);
    const cells = await tableCells(page, '#table-schools');
    expect(Object.keys(cells)).toHaveLength(schools.length + 2);
    for (const school of schools) expect(cells[school.school_id], school.school_name).toEqual(expectedCells(school, 'nb'));
    expect(cells['reference-0']).toEqual(expectedCells(total, 'nb'));
    for (const id of ['schools', 'bars', 'monthly', 'durations', 'survival', 'incidence']) {
      await expect(page.getAttribute(`#${id}`, 'data-state')).resolves.toBe('ready');
    }
    // Each chart draws what its data says.
    await expect(page.locator('#bars svg.chart-svg g rect').count()).resolves.toBe(schools.length);
    await expect(chartText('bars')).resolves.toContain(`Median: ${formatFigure(medianOf(schools.map((s) => s.meetings_held!)), 'count', 'nb')}`);
    const monthly = await chartText('monthly');
    for (const school of schools) expect(monthly).toContain(school.school_name);
    const durations = await durationDistribution(app.db.connection, q);
    const resolved = durations.filter((d) => d.outcome === 'resolved').reduce((n, d) => n + d.cases, 0);
    await expect(chartText('durations')).resolves.toContain(`Avsluttet (n = ${formatCount(resolved, 'nb')})`);
    await expect(chartText('survival')).resolves.toContain(`Median: ${formatFigure(total.km_median_days, 'median', 'nb')}`);
    const incidence = await chartText('incidence');
    for (const label of ['Avsluttet', 'Henvist til PPT', 'Henvist til annen tjeneste']) expect(incidence).toContain(label);
    expect(errors).toEqual([]);
  });

  it('the print stylesheet turns the view into a report that states the selection', async () => {
    // The printable width of A4 landscape with 12 mm margins, at 96 dpi.
    await page.setViewportSize({ width: 1032, height: 700 });
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() => ({
      filters: getComputedStyle(document.querySelector('.filters')!).display,
      buttons: getComputedStyle(document.querySelector('.export-buttons')!).display,
      header: getComputedStyle(document.querySelector('.site-header')!).display,
      printTable: getComputedStyle(document.querySelector('#schools .print-only')!).display,
      selection: document.getElementById('selection')!.textContent,
    }));
    expect(shown).toMatchObject({ filters: 'none', buttons: 'none', header: 'none', printTable: 'block' });
    expect(shown.selection).toBe('Utvalg: Skoleåret 2025/26, hele året: 01.08.2025–31.07.2026 · telledato 31.07.2026 · Bjørkestrand · Alle skoletyper');
    await saveScreenshot(page, 'overview-print');
    const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('every chart of the overview is an image with a text alternative and its data as a table', async () => {
    await expectChartsDrawn(page);
    const charts = await page.$$eval('svg.chart-svg', (svgs) =>
      svgs.map((svg) => ({
        label: svg.getAttribute('aria-label') ?? '',
        innerLabels: svg.querySelectorAll('[aria-label]').length,
        caption: !!svg.closest('.chart-card')?.querySelector('details > summary + .table-scroll table caption'),
      })),
    );
    expect(charts).toHaveLength(5);
    for (const chart of charts) {
      expect(chart).toMatchObject({ innerLabels: 0, caption: true });
      expect(chart.label.length).toBeGreaterThan(30);
    }
  });

  it('axe finds no violations on the overview, with every data table and a definition open', async () => {
    await page.click('#def-bars-meetings_held');
    await expect(page.isVisible('#definition-meetings_held')).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('the comparison shows each municipality and the total of all; axe finds no violations', async () => {
    await open('?view=comparison&year=2025&municipality=Fjordvik&figure=minutes_rate');
    await saveScreenshot(page, 'comparison-nb');
    const q = figureQuery(period);
    const [municipalities, total] = await Promise.all([computeFiguresBy(app.db.connection, q, 'municipality'), computeFigures(app.db.connection, q)]);
    const cells = await tableCells(page, '#table-municipalities');
    for (const m of municipalities) expect(cells[m.municipality], m.municipality).toEqual(expectedCells(m, 'nb'));
    expect(cells['reference-0']).toEqual(expectedCells(total, 'nb'));
    expect(await axeViolations(page)).toEqual([]);
    await openChartTables(page, '#bars');
    const bars = await page.$$eval('#bars details tbody tr', (rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
    // Bars largest first; the table beside them: name, value, n.
    const expected = [...municipalities]
      .sort((a, b) => b.minutes_rate! - a.minutes_rate!)
      .map((m) => [m.municipality, formatFigure(m.minutes_rate, 'rate', 'nb'), formatCount(m.n.meetings_held, 'nb')]);
    expect(bars).toEqual(expected);
    await expectChartsDrawn(page);
    expect(errors).toEqual([]);
  });

  it('the keyboard: skip link first, then to the sort buttons; sorting keeps focus, visibly', async () => {
    await open('?view=comparison&year=2025&municipality=Fjordvik&figure=minutes_rate');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe('skip-link');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => location.hash)).resolves.toBe('#main');
    expect(await tabTo(page, 'sort-municipalities-name')).toBeLessThan(5);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!));
    expect(outline.outlineStyle).not.toBe('none');
    expect(parseFloat(outline.outlineWidth)).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Enter');
    await waitForDashboard(page);
    expect(new URL(page.url()).searchParams.get('dir')).toBe('desc');
    await expect(focusedId(page)).resolves.toBe('sort-municipalities-name');
    await expect(page.getAttribute('#table-municipalities th[data-key="name"]', 'aria-sort')).resolves.toBe('descending');
    await page.keyboard.press('Tab');
    await expect(focusedId(page)).resolves.toBe('sort-municipalities-meetings_held');
    await page.keyboard.press('Tab');
    await expect(focusedId(page)).resolves.toBe('def-municipalities-meetings_held');
  });

  it('a definition opens with Enter and closes with Escape, focus back on its button', async () => {
    await page.focus('#def-municipalities-minutes_rate');
    await page.keyboard.press('Enter');
    await expect(page.isVisible('#definition-minutes_rate')).resolves.toBe(true);
    await expect(page.textContent('#definition-minutes_rate')).resolves.toContain('Andel gjennomførte møter med referat');
    await expect(page.textContent('#definition-minutes_rate')).resolves.toContain('n teller: gjennomførte møter');
    await page.keyboard.press('Escape');
    await expect(page.isVisible('#definition-minutes_rate')).resolves.toBe(false);
    await expect(focusedId(page)).resolves.toBe('def-municipalities-minutes_rate');
  });

  it('the school page shows the school beside its municipality and the chosen figure per month; axe finds no violations', async () => {
    await open('?view=school&year=2025&school=990010014&figure=individual_case_discussions_per_meeting');
    await expect(page.textContent('h1')).resolves.toBe('Havblikk skole (Fjordvik, barneskole)');
    await saveScreenshot(page, 'school-nb');
    const school = await computeFigures(app.db.connection, figureQuery({ ...period, school: '990010014' }));
    const municipality = await computeFigures(app.db.connection, figureQuery({ ...period, municipality: 'Fjordvik' }));
    const shown = await page.$$eval('#table-school tbody tr', (rows) =>
      rows.map((tr) => ({
        key: (tr as HTMLElement).dataset.key!,
        school: tr.querySelector('[data-column="school"] .value')!.textContent,
        municipality: tr.querySelector('[data-column="municipality"] .value')!.textContent,
      })),
    );
    expect(shown).toEqual(
      figureSpecs.map((s) => ({ key: s.key, school: formatFigure(school[s.key], s.kind, 'nb'), municipality: formatFigure(municipality[s.key], s.kind, 'nb') })),
    );
    await expect(page.locator('#trend svg.chart-svg').getAttribute('aria-label')).resolves.toContain('Havblikk skole');
    expect(await axeViolations(page)).toEqual([]);
    await expectChartsDrawn(page);
    expect(errors).toEqual([]);
  });

  it('a filter changed from the keyboard keeps focus on the filter', async () => {
    await page.focus('#filter-term');
    await page.keyboard.press('ArrowDown');
    await waitForDashboard(page);
    expect(new URL(page.url()).searchParams.get('term')).toBe('autumn');
    await expect(focusedId(page)).resolves.toBe('filter-term');
  });

  it('in English, labels and numbers are English, definitions bokmål; axe finds no violations', async () => {
    await open('?view=overview&year=2025&municipality=Lauv%C3%A5sen&figure=agenda_in_advance_rate&lang=en');
    await expect(page.getAttribute('html', 'lang')).resolves.toBe('en');
    await expect(page.textContent('h1')).resolves.toBe('Overview per municipality: Lauvåsen');
    await saveScreenshot(page, 'overview-en');
    const schools = await computeFiguresBy(app.db.connection, figureQuery({ ...period, municipality: 'Lauvåsen' }), 'school');
    const cells = await tableCells(page, '#table-schools');
    for (const school of schools) expect(cells[school.school_id]).toEqual(expectedCells(school, 'en'));
    await expect(page.locator('#definition-minutes_rate p[lang="nb"]').count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.focus('#bars summary');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#bars details[open] table');
    expect(errors).toEqual([]);
  });

  it('a period without data shows the designed empty state; axe finds no violations', async () => {
    await open('?view=overview&term=custom&from=2023-08-01&to=2023-09-30&municipality=Fjordvik');
    await saveScreenshot(page, 'overview-empty-nb');
    await expect(page.textContent('#schools')).resolves.toContain('Ingen data for dette utvalget');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
