/**
 * The deviations page's details and the regional report in Chromium on the sample data: the
 * open deviations, the agency-pair matrix and the categories, as the demo municipality user
 * of Fjordvik and as the demo rector, in bokmål and Swedish. Every expected number comes
 * from a reference written here (SQL straight on the deviations table and JavaScript over
 * its rows), never from the page's own code; the agency and category names are written here
 * by hand. No console errors, no axe-core violations, no sideways scrolling at 390 and
 * 1,366 px; screenshots in test-output/screenshots/deviation-details-*.png. The report is
 * printed to PDF by Chromium and turned into PNG pages with pdftoppm
 * (test-output/screenshots/deviation-report-*.png).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, collectPageErrors, launchChromium, newDashboardContext, saveScreenshot, screenshotDir } from '../helpers/browser.ts';
import { openChartTables, startAuthDashboardApp, waitForDashboard } from '../helpers/dashboardApp.ts';
import { axeViolations } from '../helpers/dashboardPage.ts';
import type { SampleApp } from '../helpers/sampleApp.ts';
import { signInThroughForm } from '../helpers/signIn.ts';

const from = '2024-08-01';
const to = '2025-07-31';
const query = '?view=deviations&year=2024&municipality=Fjordvik';

const agencyNb: Record<string, string> = { school: 'Skole', social_services: 'Barnevern', child_psychiatry: 'BUP', child_medicine: 'Barnemedisin', habilitation: 'Habilitering', ppt: 'PPT', health: 'Helsestasjon og skolehelsetjeneste', other: 'Annet' };
const categoryNb: Record<string, string> = { information: 'Informasjon', availability: 'Tilgjengelighet', responsibility: 'Ansvar', waiting_time: 'Ventetid', other: 'Annet' };
const agencyOrder = Object.keys(agencyNb);

interface Ref {
  id: string;
  school_id: string;
  school_name: string;
  date: string;
  agencies: string[];
  category: string | null;
  answered: string | null;
  resolved: string | null;
}

let app: SampleApp;
let browser: Browser;
let page: Page;
let errors: string[];
let all: Ref[];

/** Days between two ISO dates (UTC, so no daylight-saving hour). */
const days = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** The reference rules, as the contract's section 4d words them, for a period ending `to` read as of `to`. */
const isOpen = (d: Ref) => d.date <= to && !(d.resolved !== null && d.resolved <= to);
const isReported = (d: Ref) => d.date >= from && d.date <= to;
const isOverdue = (d: Ref) => d.date <= to && days(d.date, to) > 60 && !(d.answered !== null && d.answered <= to) && !(d.resolved !== null && d.resolved <= to);

async function tableRows(p: Page, selector: string): Promise<string[][]> {
  return p.$$eval(`${selector} tbody tr`, (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
}

async function checkWidths(p: Page, name: string): Promise<void> {
  for (const width of [1366, 390]) {
    await p.setViewportSize({ width, height: 900 });
    await p.reload();
    await waitForDashboard(p);
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name}: the page scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
    await saveScreenshot(p, `${name}-${width}`);
  }
  await p.setViewportSize({ width: 1366, height: 900 });
}

describe.skipIf(!chromiumAvailable())('the deviations page details in Chromium', () => {
  beforeAll(async () => {
    [app, browser] = await Promise.all([startAuthDashboardApp(), launchChromium()]);
    const reader = await app.db.connection.runAndReadAll(
      `SELECT d.deviation_id AS id, d.school_id, s.school_name, strftime(d.date, '%Y-%m-%d') AS date, list_distinct(d.agencies) AS agencies, d.category,
              strftime(d.answered_date, '%Y-%m-%d') AS answered, strftime(d.resolved_date, '%Y-%m-%d') AS resolved
       FROM deviations d JOIN schools s USING (school_id) WHERE s.municipality = 'Fjordvik'`,
    );
    all = reader.getRowObjectsJson() as unknown as Ref[];
    const context = await newDashboardContext(browser, { bypassCSP: true });
    page = await context.newPage();
    // Two cores shared by many browsers: signing in and drawing the page may take long.
    page.setDefaultTimeout(90_000);
    await page.setViewportSize({ width: 1366, height: 900 });
    errors = collectPageErrors(page);
    const kommune = app.users.find((u) => u.role === 'municipality')!;
    await signInThroughForm(page, app.url, kommune.username, kommune.password, query);
    errors.length = 0;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('the open deviations of Fjordvik: the rows of the reference, oldest first, no free text', async () => {
    const open = all.filter(isOpen);
    expect(open.length).toBeGreaterThan(2);
    await expect(page.textContent('#deviations-open-title')).resolves.toBe('Åpne avvik');
    const rows = await tableRows(page, '#table-deviations-open');
    expect(rows).toHaveLength(open.length);
    const expected = open
      .map((d) => ({ d, age: days(d.date, to) }))
      .sort((a, b) => b.age - a.age || (a.d.id < b.d.id ? -1 : 1))
      .map(({ d, age }) => [
        d.id,
        d.school_name,
        d.date.split('-').reverse().join('.'),
        [...d.agencies].sort((a, b) => agencyOrder.indexOf(a) - agencyOrder.indexOf(b)).map((a) => agencyNb[a]).join(', '),
        d.category === null ? 'Ikke oppgitt' : categoryNb[d.category]!,
        age.toLocaleString('nb-NO').replace(/\s/g, '\u00a0'),
        isOverdue(d) ? 'ja' : 'nei',
      ]);
    expect(rows).toEqual(expected);
    await expect(page.textContent('#table-deviations-open caption')).resolves.toBe(`Åpne avvik (${open.length}) – Fjordvik`);
  });

  it('the agency pairs and the categories equal the reference', async () => {
    await openChartTables(page, '#deviations-pairs');
    await openChartTables(page, '#deviations-categories');
    const reported = all.filter(isReported);
    // Every pair of the agencies that occur, 0 included, by the earlier agency then the later.
    const named = agencyOrder.filter((a) => reported.some((d) => d.agencies.includes(a)));
    const pairs: string[][] = [];
    named.forEach((a, i) => {
      for (const b of named.slice(i + 1)) pairs.push([agencyNb[a]!, agencyNb[b]!, String(reported.filter((d) => d.agencies.includes(a) && d.agencies.includes(b)).length)]);
    });
    expect(await tableRows(page, '#deviations-pairs table')).toEqual(pairs);
    const categories = [...Object.keys(categoryNb), null]
      .map((c) => {
        const of = all.filter((d) => d.category === c);
        return [c === null ? 'Ikke oppgitt' : categoryNb[c]!, of.filter(isReported).length, of.filter(isOpen).length, of.filter(isOverdue).length];
      })
      .filter(([, r, o, w]) => Number(r) + Number(o) + Number(w) > 0)
      .map((row) => row.map(String));
    expect(await tableRows(page, '#deviations-categories table')).toEqual(categories);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    // The two new charts on their own, to look at.
    for (const id of ['deviations-open', 'deviations-pairs', 'deviations-categories']) await page.locator(`#${id}`).screenshot({ path: join(screenshotDir, `deviation-details-${id}.png`) });
    await checkWidths(page, 'deviation-details-nb');
  });

  it('in Swedish: Swedish words and dates as Swedes write them', async () => {
    await page.goto(`${app.url}/${query}&lang=sv`);
    await waitForDashboard(page);
    await expect(page.textContent('#deviations-open-title')).resolves.toBe('Öppna avvikelser');
    await expect(page.textContent('#deviations-pairs-title')).resolves.toBe('Avvikelser per verksamhetspar');
    await expect(page.textContent('#deviations-categories-title')).resolves.toBe('Avvikelser per kategori');
    const rows = await tableRows(page, '#table-deviations-open');
    const oldest = all.filter(isOpen).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1))[0]!;
    expect(rows[0]![2]).toBe(oldest.date); // 2024-05-01, not 01.05.2024
    // The exported chart's caption (selection and source line) writes its dates the Swedish way too.
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('#deviations-categories [data-export="svg"]')]);
    const svg = readFileSync((await file.path())!, 'utf8');
    expect(svg).toContain('2024-08-01–2025-07-31');
    expect(svg).toMatch(/Hämtat \d{4}-\d{2}-\d{2}\./);
    expect(svg).not.toMatch(/\d{2}\.\d{2}\.\d{4}/);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await checkWidths(page, 'deviation-details-sv');
  });

  it("a rector: only the own school's open deviations; the breakdowns of the own school", async () => {
    const context = await newDashboardContext(browser, { bypassCSP: true });
    const rectorPage = await context.newPage();
    // Two cores shared by many browsers: signing in and drawing the page may take long.
    rectorPage.setDefaultTimeout(90_000);
    const rectorErrors = collectPageErrors(rectorPage);
    const rector = app.users.find((u) => u.role === 'rector')!;
    await signInThroughForm(rectorPage, app.url, rector.username, rector.password, query);
    rectorErrors.length = 0;
    const own = all.filter((d) => d.school_id === rector.school_id);
    const ownOpen = own.filter(isOpen);
    const rows = await tableRows(rectorPage, '#table-deviations-open');
    expect(rows.map((r) => r[0]).sort()).toEqual(ownOpen.map((d) => d.id).sort());
    const schoolName = own[0]?.school_name ?? all.find((d) => d.school_id === rector.school_id)?.school_name;
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(ownOpen.length ? [schoolName] : []));
    // No other school's deviation id anywhere on the page.
    const text = (await rectorPage.textContent('main')) ?? '';
    for (const d of all.filter((x) => x.school_id !== rector.school_id && isOpen(x))) expect(text.includes(`${d.id}`) && rows.some((r) => r[0] === d.id)).toBe(false);
    await openChartTables(rectorPage, '#deviations-categories');
    const categoryRows = await tableRows(rectorPage, '#deviations-categories table');
    expect(categoryRows.reduce((sum, r) => sum + Number(r[1]), 0)).toBe(own.filter(isReported).length);
    expect(await axeViolations(rectorPage)).toEqual([]);
    expect(rectorErrors).toEqual([]);
    await context.close();
  });

  it('the regional report: the figures of the reference, printed by Chromium to one A4 page', async () => {
    await page.goto(`${app.url}/?view=deviationreport&year=2024&municipality=Fjordvik`);
    await waitForDashboard(page);
    await expect(page.textContent('h1')).resolves.toBe('Avviksrapport til regionalt nivå: Fjordvik');
    const total = Object.fromEntries((await tableRows(page, '#report-total')).map(([label, value]) => [label, value]));
    expect(total['Avvik meldt']).toBe(String(all.filter(isReported).length));
    expect(total['Åpne avvik']).toBe(String(all.filter(isOpen).length));
    expect(await tableRows(page, '#report-schools')).toHaveLength(10 + 1);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await checkWidths(page, 'deviation-report-screen');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    mkdirSync(screenshotDir, { recursive: true });
    const pdfPath = join(screenshotDir, 'deviation-report.pdf');
    writeFileSync(pdfPath, pdf);
    // A4 portrait: 595 × 842 points.
    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)/);
    execFileSync('pdftoppm', ['-png', '-r', '80', pdfPath, join(screenshotDir, 'deviation-report')]);
    const words = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' });
    expect(words).toContain('Avviksrapport til regionalt nivå: Fjordvik');
    expect(words).toContain('Avvik per instanspar');
    expect(words).toContain('Avvik per kategori');
    // No single deviation is named on the report.
    for (const d of all) expect(words).not.toMatch(new RegExp(`\\b${d.id}\\b`));
  });
});
