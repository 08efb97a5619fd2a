/**
 * Each view of the dashboard on the sample data, in Chromium: it loads without console
 * errors; the numbers shown are the sample data's for the school year 2025/26, written out
 * by hand (read once from `npm run etl -- figures … --json` and rounded by hand, so a fault
 * in the figures module or in the dashboard's formatting shows); every chart is drawn and
 * has a text alternative; axe-core finds no WCAG 2.1 A/AA violation; it works with the
 * keyboard; it prints as a report. Screenshots of each view go to test-output/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figureSpecs } from '../../etl/figures/index.ts';
import { chromiumAvailable, collectPageErrors, launchChromium, newDashboardContext, saveScreenshot } from '../helpers/browser.ts';
import { openChartTables, startDashboardApp, waitForDashboard } from '../helpers/dashboardApp.ts';
import { axeViolations, expectCells, expectChartsDrawn, focusedId, nbsp, shownCells, tableCells, tabTo } from '../helpers/dashboardPage.ts';
import type { SampleApp } from '../helpers/sampleApp.ts';

/** One figure of each kind (count, per meeting, mean, median, percentile, rate), and a rate with an empty base. */
const checked = [
  'meetings_held',
  'system_case_discussions_per_meeting',
  'staff_reached_per_system_measure',
  'cases_ended',
  'days_to_end_median',
  'days_to_end_p90',
  'minutes_rate',
  'tested_before_ppt_referral_rate',
] as const;
const pct = (text: string) => `${text}${nbsp}%`;

/** Bjørkestrand, 01.08.2025–31.07.2026, as-of 31.07.2026 (bokmål). */
const bjorkestrand = {
  '990030015': expectCells({
    meetings_held: '37',
    system_case_discussions_per_meeting: '0,8 · n = 37',
    staff_reached_per_system_measure: '13,0 · n = 14',
    cases_ended: '64 · n = 64',
    days_to_end_median: '76,5 · n = 64',
    days_to_end_p90: '197 · n = 64',
    minutes_rate: `${pct('97,3')} · n = 37`,
    tested_before_ppt_referral_rate: `${pct('100,0')} · n = 11`,
  }),
  '990030031': expectCells({
    meetings_held: '16',
    system_case_discussions_per_meeting: '0,4 · n = 16',
    staff_reached_per_system_measure: '7,5 · n = 2',
    cases_ended: '2 · n = 2',
    days_to_end_median: '56 · n = 2',
    days_to_end_p90: '69,6 · n = 2',
    minutes_rate: `${pct('75,0')} · n = 16`,
    tested_before_ppt_referral_rate: '– · n = 0',
  }),
  '990030040': expectCells({
    meetings_held: '18',
    system_case_discussions_per_meeting: '2,0 · n = 18',
    staff_reached_per_system_measure: '7,8 · n = 28',
    cases_ended: '31 · n = 31',
    days_to_end_median: '69 · n = 31',
    days_to_end_p90: '192 · n = 31',
    minutes_rate: `${pct('100,0')} · n = 18`,
    tested_before_ppt_referral_rate: `${pct('71,4')} · n = 7`,
  }),
  '990030023': expectCells({
    meetings_held: '15',
    system_case_discussions_per_meeting: '0,5 · n = 15',
    staff_reached_per_system_measure: '10,3 · n = 4',
    cases_ended: '15 · n = 15',
    days_to_end_median: '80 · n = 15',
    days_to_end_p90: '227,6 · n = 15',
    minutes_rate: `${pct('66,7')} · n = 15`,
    tested_before_ppt_referral_rate: `${pct('50,0')} · n = 6`,
  }),
  /** «Bjørkestrand totalt» */
  'reference-0': expectCells({
    meetings_held: '86',
    system_case_discussions_per_meeting: '0,9 · n = 86',
    staff_reached_per_system_measure: '9,5 · n = 48',
    cases_ended: '112 · n = 112',
    days_to_end_median: '73 · n = 112',
    days_to_end_p90: '219,1 · n = 112',
    minutes_rate: `${pct('88,4')} · n = 86`,
    tested_before_ppt_referral_rate: `${pct('79,2')} · n = 24`,
  }),
};

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

  it("the overview defaults to the latest complete school year and the first municipality, with the sample data's numbers written out", async () => {
    await open('');
    expect(new URL(page.url()).search).toBe('?view=overview&year=2025&municipality=Bj%C3%B8rkestrand&figure=meetings_held');
    await expect(page.textContent('h1')).resolves.toBe('Oversikt per kommune: Bjørkestrand');
    await saveScreenshot(page, 'overview-nb');
    const cells = await tableCells(page, '#table-schools');
    expect(Object.keys(cells)).toHaveLength(4 + 2);
    for (const [id, expected] of Object.entries(bjorkestrand)) expect(shownCells(cells, id, checked), id).toEqual(expected);
    for (const id of ['schools', 'bars', 'monthly', 'durations', 'survival', 'incidence']) {
      await expect(page.getAttribute(`#${id}`, 'data-state')).resolves.toBe('ready');
    }
    // Each chart draws what its data says: meetings held 15, 16, 18, 37 → median 17.
    await expect(page.locator('#bars svg.chart-svg g rect').count()).resolves.toBe(4);
    await expect(chartText('bars')).resolves.toContain('Median: 17');
    const monthly = await chartText('monthly');
    for (const school of ['Bjørkestrand skole', 'Kvernhusøya skole', 'Solbærtun skole', 'Øvre Dal skole']) expect(monthly).toContain(school);
    await expect(chartText('durations')).resolves.toContain('Avsluttet uten henvisning (n = 78)');
    await expect(chartText('survival')).resolves.toContain('Median: 70');
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
    const cells = await tableCells(page, '#table-municipalities');
    const expected = {
      Bjørkestrand: { ...bjorkestrand['reference-0'] },
      Fjordvik: expectCells({
        meetings_held: '349',
        system_case_discussions_per_meeting: '0,8 · n = 349',
        staff_reached_per_system_measure: '14,6 · n = 123',
        cases_ended: '701 · n = 701',
        days_to_end_median: '77 · n = 701',
        days_to_end_p90: '186 · n = 701',
        minutes_rate: `${pct('91,4')} · n = 349`,
        tested_before_ppt_referral_rate: `${pct('88,2')} · n = 161`,
      }),
      Lauvåsen: expectCells({
        meetings_held: '201',
        system_case_discussions_per_meeting: '0,4 · n = 201',
        staff_reached_per_system_measure: '10,2 · n = 39',
        cases_ended: '257 · n = 257',
        days_to_end_median: '78 · n = 257',
        days_to_end_p90: '187,2 · n = 257',
        minutes_rate: `${pct('92,0')} · n = 201`,
        tested_before_ppt_referral_rate: `${pct('78,2')} · n = 55`,
      }),
      // The Swedish sample municipality (sample-data/sv-*.csv).
      Älvsunda: expectCells({
        meetings_held: '176',
        system_case_discussions_per_meeting: '0,6 · n = 176',
        staff_reached_per_system_measure: '12,2 · n = 43',
        cases_ended: '348 · n = 348',
        days_to_end_median: '79 · n = 348',
        days_to_end_p90: '179 · n = 348',
        minutes_rate: `${pct('88,6')} · n = 176`,
        tested_before_ppt_referral_rate: `${pct('66,7')} · n = 63`,
      }),
      // «Alle kommuner»: 86 + 349 + 201 + 176 = 812 meetings, 112 + 701 + 257 + 348 = 1 418 cases ended.
      'reference-0': expectCells({
        meetings_held: '812',
        system_case_discussions_per_meeting: '0,7 · n = 812',
        staff_reached_per_system_measure: '12,5 · n = 253',
        cases_ended: `1${nbsp}418 · n = 1${nbsp}418`,
        days_to_end_median: `77 · n = 1${nbsp}418`,
        days_to_end_p90: `187 · n = 1${nbsp}418`,
        minutes_rate: `${pct('90,6')} · n = 812`,
        tested_before_ppt_referral_rate: `${pct('81,2')} · n = 303`,
      }),
    };
    for (const [id, row] of Object.entries(expected)) expect(shownCells(cells, id, checked), id).toEqual(row);
    await expect(page.textContent('#table-municipalities tfoot tr[data-reference="0"] th')).resolves.toContain('Alle kommuner');
    // Every count adds up for an administrator: no note under the table.
    await expect(page.locator('#municipalities-total-note').count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await openChartTables(page, '#bars');
    const bars = await page.$$eval('#bars details tbody tr', (rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
    // Bars largest first; the table beside them: name, value, n.
    expect(bars).toEqual([
      ['Lauvåsen', pct('92,0'), '201'],
      ['Fjordvik', pct('91,4'), '349'],
      ['Älvsunda', pct('88,6'), '176'],
      ['Bjørkestrand', pct('88,4'), '86'],
    ]);
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
    const shown = await page.$$eval('#table-school tbody tr', (rows) =>
      rows.map((tr) => [
        (tr as HTMLElement).dataset.key!,
        tr.querySelector('[data-column="school"] .value')!.textContent,
        tr.querySelector('[data-column="municipality"] .value')!.textContent,
      ]),
    );
    // Havblikk skole and Fjordvik, 2025/26: every figure, in the order of the figure list.
    expect(shown).toEqual([
      ['meetings_held', '34', '349'],
      ['meetings_cancelled', '2', '15'],
      ['system_case_discussions', '67', '295'],
      ['system_case_discussions_per_meeting', '2,0', '0,8'],
      ['system_measures_started', '38', '143'],
      ['staff_reached_total', '558', `1${nbsp}794`],
      ['staff_reached_per_system_measure', '16,4', '14,6'],
      ['individual_case_discussions', '195', `2${nbsp}110`],
      ['anonymous_case_discussions', '2', '121'],
      ['individual_case_discussions_per_meeting', '5,7', '6,0'],
      ['system_measures_for_individual_cases', '14', '197'],
      ['individual_measures_for_individual_cases', '77', '887'],
      ['cases_ended', '58', '701'],
      ['cases_referred_ppt', '15', '161'],
      ['days_to_end_median', '87', '77'],
      ['days_to_end_p90', '229', '186'],
      ['km_median_days', '91', '78'],
      ['open_cases', '17', '192'],
      ['agenda_in_advance_rate', pct('82,4'), pct('77,7')],
      ['minutes_rate', pct('91,2'), pct('91,4')],
      ['consent_before_discussion_rate', pct('80,0'), pct('84,5')],
      ['tested_before_ppt_referral_rate', pct('93,3'), pct('88,2')],
      ['evaluation_on_time_rate', pct('58,1'), pct('67,4')],
      // Contract 4b, read once from `etl -- figures --as-of 2026-07-31` on the sample data.
      ['planned_meetings', '36', '373'],
      ['planned_meetings_held', '34', '348'],
      ['planned_meetings_missed', '2', '25'],
      ['plan_adherence_rate', pct('94,4'), pct('93,3')],
      ['median_days_between_meetings', '7', '7'],
      ['tgl_meetings', '5', '35'],
      ['planned_tgl_visits', '3', '15'],
      ['evaluations_overdue', '44', '307'],
      ['discussed_before_consent', '14', '118'],
      ['meetings_without_agenda_in_advance', '6', '78'],
      ['meetings_without_minutes', '3', '30'],
      ['open_cases_over_90_days', '14', '117'],
    ]);
    // The deviation figures (4d) are not among them: /api/meta keeps them apart.
    expect(shown.map(([key]) => key)).toEqual(figureSpecs.filter((s) => !s.key.startsWith('deviation')).map((s) => s.key));
    await expect(page.locator('#trend svg.chart-svg').getAttribute('aria-label')).resolves.toContain('Havblikk skole');
    expect(await axeViolations(page)).toEqual([]);
    await expectChartsDrawn(page);
    expect(errors).toEqual([]);
  });

  it('a filter changed from the keyboard keeps focus on the filter', async () => {
    await page.focus('#filter-term');
    await page.keyboard.press('ArrowDown');
    // An arrow-key choice applies when the keys rest (dashboard/README.md, URL).
    await page.waitForFunction(() => new URL(location.href).searchParams.get('term') === 'autumn');
    await waitForDashboard(page);
    expect(new URL(page.url()).searchParams.get('term')).toBe('autumn');
    await expect(focusedId(page)).resolves.toBe('filter-term');
  });

  it('in English, labels, numbers and definitions are English; axe finds no violations', async () => {
    await open('?view=overview&year=2025&municipality=Lauv%C3%A5sen&figure=agenda_in_advance_rate&lang=en');
    await expect(page.getAttribute('html', 'lang')).resolves.toBe('en');
    await expect(page.textContent('h1')).resolves.toBe('Overview per municipality: Lauvåsen');
    await saveScreenshot(page, 'overview-en');
    const cells = await tableCells(page, '#table-schools');
    const keys = ['meetings_held', 'agenda_in_advance_rate', 'days_to_end_p90'];
    // Lauvåsen's schools, 2025/26, in English: a point for decimals, «%» right after the number.
    const expected = {
      '990020036': { meetings_held: '34', agenda_in_advance_rate: '82.4% · n = 34', days_to_end_p90: '115.7 · n = 24' },
      '990020060': { meetings_held: '35', agenda_in_advance_rate: '91.4% · n = 35', days_to_end_p90: '158.8 · n = 77' },
      '990020028': { meetings_held: '36', agenda_in_advance_rate: '83.3% · n = 36', days_to_end_p90: '157.4 · n = 29' },
      '990020010': { meetings_held: '32', agenda_in_advance_rate: '81.3% · n = 32', days_to_end_p90: '189.1 · n = 70' },
      '990020044': { meetings_held: '35', agenda_in_advance_rate: '74.3% · n = 35', days_to_end_p90: '330.5 · n = 36' },
      '990020052': { meetings_held: '29', agenda_in_advance_rate: '72.4% · n = 29', days_to_end_p90: '140 · n = 21' },
    };
    for (const [id, row] of Object.entries(expected)) expect(shownCells(cells, id, keys), id).toEqual(expectCells(row));
    await expect(page.locator('#definition-minutes_rate p[lang="nb"]').count()).resolves.toBe(0);
    await expect(page.textContent('#definition-minutes_rate p')).resolves.toBe('Share of meetings held with minutes.');
    expect(await axeViolations(page)).toEqual([]);
    await page.focus('#bars summary');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#bars details[open] table');
    expect(errors).toEqual([]);
  });

  it('a period without data shows the designed empty state; axe finds no violations', async () => {
    await open('?view=overview&term=custom&from=2023-08-01&to=2023-09-30&municipality=Fjordvik');
    await saveScreenshot(page, 'overview-empty-nb');
    await expect(page.textContent('#no-data')).resolves.toContain('Det finnes ingen data for perioden 01.08.2023–30.09.2023.');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
