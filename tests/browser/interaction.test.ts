/**
 * Using the dashboard in Chromium: the URL is the state (filters change the URL and the
 * charts, a copied link opens the same view in a fresh context, Back and Forward work), the
 * empty and error states are shown instead of blank charts, and the downloads: a table as
 * CSV for Norwegian Excel (BOM, `;`, decimal comma, exact numbers, formula-looking text
 * neutralised), a chart as PNG and SVG; and the `first-chart` mark the benchmark reads.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstChartMs } from '../../dashboard/perf/firstChart.ts';
import { chromiumAvailable, collectPageErrors, launchChromium, newDashboardContext } from '../helpers/browser.ts';
import { openChartTables, startDashboardApp, waitForDashboard } from '../helpers/dashboardApp.ts';
import { nbsp } from '../helpers/dashboardPage.ts';
import type { SampleApp } from '../helpers/sampleApp.ts';

/** A school whose name Excel would run as a formula, added to Bjørkestrand for the CSV test. */
const trickyName = '=1+2 Formelskole';

let app: SampleApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let extraDir: string;

const query = () => new URL(page.url()).searchParams;

/** The bar chart's data table: school → shown value. */
async function barValues(p: Page = page): Promise<Record<string, string>> {
  await openChartTables(p, '#bars');
  const rows = await p.$$eval('#bars details tbody tr', (trs) => trs.map((tr) => [tr.children[0]!.textContent!, tr.children[1]!.textContent!]));
  return Object.fromEntries(rows);
}

const pct = (text: string) => `${text}${nbsp}%`;

/**
 * What the bars should show, written out by hand from the sample data (read once with
 * `npm run etl -- figures … --by school --json`): Fjordvik's schools in the order of the
 * list below, the same for each period.
 */
const fjordvikSchools = [
  'Bølgen ungdomsskole',
  'Fjordvik ungdomsskole',
  'Havblikk skole',
  'Kaibakken skole',
  'Lyngmo skole',
  'Måkeberget skole',
  'Rognlia skole',
  'Sjøbris ungdomsskole',
  'Strandløkka skole',
  'Tåkeheia skole',
];
const bars = (names: readonly string[], values: readonly string[]) => Object.fromEntries(names.map((name, i) => [name, values[i]!]));
/** Meetings held, 2025/26. */
const fjordvikYearMeetings = bars(fjordvikSchools, ['36', '33', '34', '36', '33', '37', '36', '34', '34', '36']);
/** Meetings held, autumn 2025. */
const fjordvikAutumnMeetings = bars(fjordvikSchools, ['16', '15', '16', '14', '16', '15', '16', '15', '16', '15']);
/** Minutes written, autumn 2025 (as-of 31.12.2025). */
const fjordvikAutumnMinutes = bars(fjordvikSchools, ['93,8', '100,0', '87,5', '100,0', '81,3', '40,0', '93,8', '93,3', '100,0', '100,0'].map(pct));
/** Minutes written in Lauvåsen, autumn 2025 with as-of 30.11.2025. */
const lauvasenAutumnMinutes = bars(
  ['Elvebrekka skole', 'Furulund skole', 'Granstua skole', 'Lauvåsen skole', 'Lauvåsen ungdomsskole', 'Myrhaugen skole'],
  ['93,3', '86,7', '81,3', '100,0', '85,7', '100,0'].map(pct),
);

async function change(selector: string, value: string): Promise<void> {
  await page.selectOption(selector, value);
  await waitForDashboard(page);
}

async function download(selector: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

describe.skipIf(!chromiumAvailable())('using the dashboard in Chromium', () => {
  beforeAll(async () => {
    extraDir = mkdtempSync(join(tmpdir(), 'rt-browser-'));
    writeFileSync(join(extraDir, 'schools.csv'), `school_id,school_name,municipality,level\n990039999,${trickyName},Bjørkestrand,barneskole\n`);
    [app, browser] = await Promise.all([startDashboardApp([extraDir]), launchChromium()]);
    context = await newDashboardContext(browser);
    page = await context.newPage();
    errors = collectPageErrors(page);
    await page.goto(`${app.url}/?view=overview&year=2025&municipality=Fjordvik&figure=meetings_held`);
    await waitForDashboard(page);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    rmSync(extraDir, { recursive: true, force: true });
  });

  it('changing the term updates the URL, the selection and the charts', async () => {
    expect(await barValues()).toEqual(fjordvikYearMeetings);
    await change('#filter-term', 'autumn');
    expect(query().get('term')).toBe('autumn');
    await expect(page.textContent('#selection')).resolves.toContain('01.08.2025–31.12.2025 · telledato 31.12.2025');
    expect(await barValues()).toEqual(fjordvikAutumnMeetings);
  });

  it('choosing a figure, a municipality and an as-of date are each one history entry', async () => {
    await change('#filter-figure', 'minutes_rate');
    await change('#filter-municipality', 'Lauvåsen');
    await page.fill('#filter-asof', '30.11.2025');
    await page.dispatchEvent('#filter-asof', 'change');
    await waitForDashboard(page);
    expect(Object.fromEntries(query())).toEqual({
      view: 'overview',
      year: '2025',
      term: 'autumn',
      asOf: '2025-11-30',
      municipality: 'Lauvåsen',
      figure: 'minutes_rate',
    });
    expect(await barValues()).toEqual(lauvasenAutumnMinutes);
    await expect(page.textContent('#bars h2')).resolves.toBe('Referat skrevet per skole');
  });

  it('Back returns to the previous state, view and charts included', async () => {
    await page.goBack();
    await waitForDashboard(page);
    expect(query().get('asOf')).toBeNull();
    expect(query().get('municipality')).toBe('Lauvåsen');
    await page.goBack();
    await waitForDashboard(page);
    expect(query().get('municipality')).toBe('Fjordvik');
    await expect(page.inputValue('#filter-municipality')).resolves.toBe('Fjordvik');
    expect(await barValues()).toEqual(fjordvikAutumnMinutes);
    await page.goForward();
    await waitForDashboard(page);
    expect(query().get('municipality')).toBe('Lauvåsen');
  });

  it('a copied link reproduces the view in a fresh browser context', async () => {
    await page.click('#nav-school');
    await waitForDashboard(page);
    await change('#filter-school', '990020028');
    await page.click('#language-switch');
    await waitForDashboard(page);
    const url = page.url();
    expect(query().get('view')).toBe('school');
    expect(query().get('lang')).toBe('en');
    const fresh = await newDashboardContext(browser);
    const other = await fresh.newPage();
    const otherErrors = collectPageErrors(other);
    await other.goto(url);
    await waitForDashboard(other);
    expect(other.url()).toBe(url);
    const text = (p: Page) => p.evaluate(() => [document.title, document.querySelector('.controls')!.textContent, document.querySelector('main')!.innerText]);
    expect(await text(other)).toEqual(await text(page));
    expect(otherErrors).toEqual([]);
    await fresh.close();
  });

  it('clicking a school in the overview opens its page; Back returns to the overview', async () => {
    await page.goto(`${app.url}/?view=overview&year=2025&municipality=Fjordvik&figure=meetings_held`);
    await waitForDashboard(page);
    await page.click('#table-schools tbody tr[data-id="990010014"] a');
    await waitForDashboard(page);
    expect(query().get('view')).toBe('school');
    expect(query().get('school')).toBe('990010014');
    await expect(page.textContent('h1')).resolves.toBe('Havblikk skole (Fjordvik, barneskole)');
    await page.goBack();
    await waitForDashboard(page);
    await expect(page.textContent('h1')).resolves.toBe('Oversikt per kommune: Fjordvik');
  });

  it('sorting by a column is in the URL and orders the rows; nulls stay last', async () => {
    await page.click('#sort-schools-minutes_rate');
    await waitForDashboard(page);
    expect(query().get('sort')).toBe('minutes_rate');
    expect(query().get('dir')).toBe('asc');
    await page.click('#sort-schools-minutes_rate');
    await waitForDashboard(page);
    expect(query().get('dir')).toBe('desc');
    await expect(page.getAttribute('#table-schools th[data-key="minutes_rate"]', 'aria-sort')).resolves.toBe('descending');
    // Minutes written 2025/26, largest first, ties by name: Kaibakken and Tåkeheia 100 %,
    // Bølgen 97,2 %, Sjøbris and Strandløkka 97,1 %, Rognlia, Havblikk, Fjordvik u., Lyngmo, Måkeberget.
    const expected = ['990010022', '990010057', '990010103', '990010065', '990010081', '990010090', '990010014', '990010049', '990010073', '990010030'];
    const shown = await page.$$eval('#table-schools tbody tr', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.id));
    expect(shown).toEqual(expected);
  });

  it('a period without data says so with where the data is, never a table of zeros or a blank chart', async () => {
    await page.goto(`${app.url}/?view=overview&term=custom&from=2023-08-01&to=2023-12-31&municipality=Fjordvik&figure=meetings_held`);
    await waitForDashboard(page);
    // Wholly before the data: no section, no request; the message, the span and a period with data.
    await expect(page.locator('#schools, #bars, #monthly, #durations, #survival, #incidence').count()).resolves.toBe(0);
    await expect(page.getAttribute('#no-data', 'data-state')).resolves.toBe('empty');
    await expect(page.textContent('#no-data')).resolves.toContain('Det finnes ingen data for perioden 01.08.2023–31.12.2023.');
    await expect(page.textContent('#no-data')).resolves.toContain('Dataene går fra 19.08.2024 til 22.06.2026.');
    await expect(page.textContent('#suggest-period')).resolves.toBe('Vis skoleåret 2025/26');
    await expect(page.inputValue('#filter-from')).resolves.toBe('01.08.2023');
  });

  it('a custom period with from after to is refused with a message, the URL unchanged', async () => {
    const before = page.url();
    await page.fill('#filter-from', '31.01.2024');
    await page.dispatchEvent('#filter-from', 'change');
    await page.fill('#filter-to', '01.01.2024');
    await page.dispatchEvent('#filter-to', 'change');
    await expect(page.isVisible('#filter-period-problem')).resolves.toBe(true);
    expect(page.url()).toBe(before);
  });

  it('a date that does not exist is refused with a message, the URL unchanged', async () => {
    const before = page.url();
    await page.fill('#filter-asof', '31.02.2026');
    await page.dispatchEvent('#filter-asof', 'change');
    await expect(page.isVisible('#filter-asof-problem')).resolves.toBe(true);
    await expect(page.getAttribute('#filter-asof', 'aria-invalid')).resolves.toBe('true');
    expect(page.url()).toBe(before);
  });

  it('a failing request shows the error state; "Prøv igjen" loads it', async () => {
    await page.route('**/api/series/durations**', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":"internal_error"}' }));
    await page.goto(`${app.url}/?view=overview&year=2025&municipality=Bj%C3%B8rkestrand&figure=meetings_held`);
    await waitForDashboard(page);
    await expect(page.getAttribute('#durations', 'data-state')).resolves.toBe('error');
    await expect(page.textContent('#durations [role="alert"]')).resolves.toContain('Klarte ikke å hente tallene');
    await expect(page.getAttribute('#survival', 'data-state')).resolves.toBe('ready');
    await page.unroute('**/api/series/durations**');
    await page.click('#durations [role="alert"] button');
    await page.waitForSelector('#durations[data-state="ready"] svg.chart-svg');
    // Only the deliberate 500 may have been logged.
    expect(errors.filter((e) => !e.includes('500'))).toEqual([]);
    errors.length = 0;
  });

  it('without a session (401) the dashboard shows the sign-in form instead of showing nothing', async () => {
    await page.route('**/api/session', (route) => route.fulfill({ status: 401, contentType: 'application/json', body: '{"error":"not_signed_in"}' }));
    try {
      await page.goto(`${app.url}/?view=overview&year=2025&municipality=Fjordvik`);
      await page.waitForSelector('#app[data-page="signin"] #signin-username');
      await expect(page.textContent('h1')).resolves.toBe('Logg inn');
      // The URL the user asked for is kept for after the sign-in.
      expect(new URL(page.url()).search).toBe('?view=overview&year=2025&municipality=Fjordvik');
    } finally {
      await page.unroute('**/api/session');
    }
    expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
    errors.length = 0;
  });

  it('the first view shows at once, each section loading (spinning after a second) until its data comes; session and metadata are asked once', async () => {
    // A context of its own: the fake clock below is context-wide and would stop other tests' marks.
    const own = await newDashboardContext(browser);
    const fresh = await own.newPage();
    const asked: string[] = [];
    const warnings: string[] = [];
    fresh.on('request', (request) => asked.push(new URL(request.url()).pathname));
    fresh.on('console', (message) => {
      if (message.type() === 'warning' && message.text().includes('preload')) warnings.push(message.text());
    });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await fresh.route('**/api/figures**', async (route) => {
      await held;
      await route.continue();
    });
    // Timers stand still: the view may not wait for one (such as an anti-flicker delay) to show.
    await fresh.clock.install({ time: new Date('2026-11-23T08:00:00') });
    await fresh.clock.pauseAt(new Date('2026-11-23T08:00:01'));
    try {
      await fresh.goto(`${app.url}/?view=overview&year=2025&municipality=Fjordvik&figure=meetings_held`);
      // No figure has come yet, and the view is already on screen with its loading states.
      await fresh.waitForSelector('main .view-overview #bars[data-state="loading"]', { timeout: 10_000 });
      await expect(fresh.isVisible('#bars .state-loading')).resolves.toBe(true);
      // The spinner keeps still for the first second (motion costs frames while the page loads) …
      await expect(fresh.locator('#bars .spinner.spinning').count()).resolves.toBe(0);
      await fresh.clock.runFor(1_000);
      // … and turns when a load takes longer.
      await expect(fresh.locator('#bars .spinner.spinning').count()).resolves.toBe(1);
      release();
      await fresh.clock.resume();
      await waitForDashboard(fresh);
      await expect(fresh.getAttribute('#bars', 'data-state')).resolves.toBe('ready');
    } finally {
      release();
      await own.close();
    }
    // index.html preloads both ahead of the bundles; the app must use those answers, not ask again.
    expect(asked.filter((p) => p === '/api/session')).toHaveLength(1);
    expect(asked.filter((p) => p === '/api/meta')).toHaveLength(1);
    const firstBundle = asked.findIndex((p) => p.startsWith('/assets/'));
    expect(asked.indexOf('/api/session')).toBeLessThan(firstBundle);
    expect(asked.indexOf('/api/meta')).toBeLessThan(firstBundle);
    expect(warnings).toEqual([]);
  });

  it('the first chart sets the performance mark first-chart', async () => {
    await page.goto(`${app.url}/?view=overview&year=2025&municipality=Bj%C3%B8rkestrand&figure=meetings_held`);
    await waitForDashboard(page);
    // Set after the chart's frame is painted, so a moment after the view is ready.
    await page.waitForFunction(firstChartMs);
    const ms = await page.evaluate(firstChartMs);
    expect(ms).toBeGreaterThan(0);
    expect(ms).toBeGreaterThan(await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseEnd));
  });

  it('the schools table downloads as CSV for Norwegian Excel, numbers without float noise, formulas neutralised', async () => {
    const { name, bytes } = await download('#schools [data-export="csv"]');
    expect(name).toBe('nokkeltall-skoler-bjorkestrand-2025-08-01-2026-07-31.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    const header = lines[0]!.split(';');
    expect(header.slice(0, 3)).toEqual(['Skole', 'Gjennomførte møter', 'Avlyste møter']);
    expect(header).toContain('n: gjennomførte møter');

    // Bjørkestrand's four schools, the tricky one (no data), the total and the median.
    expect(lines).toHaveLength(5 + 2 + 2); // header, schools, total, median, final CRLF
    expect(lines.at(-1)).toBe('');
    const perMeeting = header.indexOf('Systemsaker per møte');
    // Values with a decimal comma, ten significant digits: meetings held, and system case discussions per meeting.
    const expected: Array<[string, string, string]> = [
      ['Bjørkestrand skole;', '37', '0,8378378378'],
      ['Kvernhusøya skole;', '16', '0,375'],
      ['Solbærtun skole;', '18', '2'],
      ['Øvre Dal skole;', '15', '0,4666666667'],
      [`'${trickyName};`, '0', ''],
      ['Bjørkestrand totalt;', '86', '0,9302325581'],
    ];
    for (const [start, meetings, ratio] of expected) {
      const line = lines.find((l) => l.startsWith(start));
      expect(line, start).toBeDefined();
      const cells = line!.split(';');
      expect([cells[1], cells[perMeeting]], start).toEqual([meetings, ratio]);
    }
    // The tricky school: neutralised in the CSV, shown as is on the page.
    expect(lines.some((l) => l.startsWith(`'${trickyName};`))).toBe(true);
    expect(lines.some((l) => l.startsWith('='))).toBe(false);
    await expect(page.textContent('#table-schools tr[data-id="990039999"] th')).resolves.toBe(trickyName);
  });

  it('a chart downloads as PNG and as SVG with its text alternative', async () => {
    const png = await download('#bars [data-export="png"]');
    expect(png.name).toBe('gjennomforte-moter-per-skole-bjorkestrand-2025-08-01-2026-07-31.png');
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Width × 2 (sharp print): the IHDR chunk holds the size.
    expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(1000);

    const svg = await download('#survival [data-export="svg"]');
    const text = svg.bytes.toString('utf8');
    expect(svg.name).toMatch(/^kaplan-meier-bjorkestrand-.*\.svg$/);
    expect(text.startsWith('<?xml')).toBe(true);
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).toContain('role="img"');
    expect(text).toContain('Median: ');
  });

  it('the chart table downloads as CSV too', async () => {
    const { bytes } = await download('#durations [data-export="csv"]');
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('Fra dag;Til dag;Avsluttet uten henvisning;Henvist til PPT;Henvist til annen tjeneste');
    expect(lines[1]).toMatch(/^0;\d+;\d+;\d+;\d+$/);
    expect(errors).toEqual([]);
  });
});
