/**
 * Issue 12, point 2 in Chromium: the school page sets Havblikk skole (420 pupils, 41 staff)
 * against the mean school of Fjordvik (10 schools, 3 495 pupils, 349 staff) and against its
 * own last school year, and the switch shows counts per pupil and per 10 staff (in the URL).
 * Expected strings written by hand from `etl -- figures --json` on the sample data:
 * Havblikk 2025/26 meetings_held 34, staff_reached_total 558, agenda 14/17; 2024/25: 35, 497,
 * 0,857142…; Fjordvik 2025/26: 349 meetings, 1 794 staff reached.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, collectPageErrors, launchChromium, newDashboardContext, saveScreenshot } from '../helpers/browser.ts';
import { openChartTables, startDashboardApp, waitForDashboard } from '../helpers/dashboardApp.ts';
import { nbsp } from '../helpers/dashboardPage.ts';
import type { SampleApp } from '../helpers/sampleApp.ts';

let app: SampleApp;
let browser: Browser;
let page: Page;
let errors: string[];

const cell = (key: string, column: string) => page.textContent(`#table-school tr[data-key="${key}"] td[data-column="${column}"] .value`);
const row = async (key: string) => Promise.all(['school', 'mean-school', 'municipality', 'previous', 'change'].map((c) => cell(key, c)));

describe.skipIf(!chromiumAvailable())('the school page compares fairly (issue 12, point 2)', () => {
  beforeAll(async () => {
    app = await startDashboardApp();
    browser = await launchChromium();
    page = await (await newDashboardContext(browser)).newPage();
    errors = collectPageErrors(page);
    await page.goto(`${app.url}/?view=school&year=2025&municipality=Fjordvik&school=990010014`);
    await waitForDashboard(page);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('as counted: the mean school is the total over ten schools; last year and the change', async () => {
    const headers = await page.$$eval('#table-school thead th', (ths) => ths.map((th) => th.textContent));
    expect(headers.slice(0, 6)).toEqual(['Navn', 'Havblikk skole', 'Snittskole, Fjordvik', 'Fjordvik', 'I fjor (2024/25)', 'Endring']);
    // 349 / 10 = 34,9; 34 − 35 = −1.
    expect(await row('meetings_held')).toEqual(['34', '34,9', '349', '35', '\u22121']);
    // 1 794 / 10 = 179,4; 558 − 497 = +61.
    expect(await row('staff_reached_total')).toEqual(['558', '179,4', `1${nbsp}794`, '497', '+61']);
    // 14/17 = 82,4 %; last year 85,7 %; change −3,36… points.
    expect(await row('agenda_in_advance_rate')).toEqual([`82,4${nbsp}%`, `77,7${nbsp}%`, `77,7${nbsp}%`, `85,7${nbsp}%`, '\u22123,4 prosentpoeng']);
    await expect(page.textContent('#mean-school-note')).resolves.toContain('Fjordvik totalt delt på kommunens 10 skoler');
  });

  it('the monthly chart has last year as a dotted reference, its months under this year', async () => {
    await openChartTables(page, '#trend');
    const headers = await page.$$eval('#trend details.chart-table thead th', (ths) => ths.map((th) => th.textContent));
    expect(headers.slice(1)).toEqual(['Havblikk skole', 'Fjordvik, snitt per skole', 'I fjor (2024/25)']);
    // December: Havblikk held 3 meetings in December 2025 and 2 in December 2024; October 4 and 4.
    const cells = (month: number) => page.$$eval(`#trend details.chart-table tbody tr:nth-child(${month}) :is(th, td)`, (tds) => tds.map((td) => td.textContent));
    // Fjordvik: 37 meetings in October 2025 over 10 schools = 3,7, shown as a count (4).
    expect((await cells(3)).slice(1)).toEqual(['4', '4', '4']);
    expect((await cells(5))[1]).toBe('3');
    expect((await cells(5))[3]).toBe('2');
    await expect(page.getAttribute('#trend svg.chart-svg', 'aria-label')).resolves.toContain('Prikket linje: I fjor (2024/25)');
  });

  it('per pupil and per 10 staff: counts and sums only, one history entry, in the URL', async () => {
    const before = await page.evaluate(() => history.length);
    await page.check('#per-pupils');
    await waitForDashboard(page);
    expect(new URL(page.url()).searchParams.get('per')).toBe('pupils');
    expect(await page.evaluate(() => history.length)).toBe(before + 1);
    // 34/420 = 0,081; 349/3 495 = 0,0999 → 0,1; 35/420 = 0,083; −1/420 = −0,002.
    expect(await row('meetings_held')).toEqual(['0,081', '0,1', '349', '0,083', '\u22120,002']);
    // Rates are not scaled.
    expect(await cell('agenda_in_advance_rate', 'school')).toBe(`82,4${nbsp}%`);
    await expect(page.textContent('#per-note')).resolves.toBe('Antall og summer er delt på skolens elever; andeler, snitt og medianer er som før.');

    await page.check('#per-staff');
    await waitForDashboard(page);
    expect(new URL(page.url()).searchParams.get('per')).toBe('staff');
    // 34/41×10 = 8,29; 349/349×10 = 10; 35/41×10 = 8,54; −10/41 = −0,24.
    expect(await row('meetings_held')).toEqual(['8,3', '10', '349', '8,5', '\u22120,2']);
    // 558/41×10 = 136,1; 1 794/349×10 = 51,4.
    expect(await row('staff_reached_total').then((r) => r.slice(0, 2))).toEqual(['136,1', '51,4']);
    await saveScreenshot(page, 'school-comparison-per-staff');

    // A link keeps the switch; "as counted" takes it out of the URL.
    await page.reload();
    await waitForDashboard(page);
    await expect(page.isChecked('#per-staff')).resolves.toBe(true);
    await page.check('#per-count');
    await waitForDashboard(page);
    expect(new URL(page.url()).searchParams.has('per')).toBe(false);
    expect(await cell('meetings_held', 'school')).toBe('34');
    expect(errors).toEqual([]);
  });

  it('in English', async () => {
    await page.goto(`${app.url}/?view=school&year=2025&municipality=Fjordvik&school=990010014&lang=en`);
    await waitForDashboard(page);
    const headers = await page.$$eval('#table-school thead th', (ths) => ths.map((th) => th.textContent));
    expect(headers.slice(2, 6)).toEqual(['Mean school, Fjordvik', 'Fjordvik', 'Last year (2024/25)', 'Change']);
    expect(await row('meetings_held')).toEqual(['34', '34.9', '349', '35', '\u22121']);
  });
});
