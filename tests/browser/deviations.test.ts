/**
 * The deviations page (`?view=deviations`) in Chromium as the demo municipality user of
 * Fjordvik, on the sample data, in bokmål, Swedish and English: the municipality's 4d figures
 * and its deviations per agency equal GET /api/figures's (agency names written here by hand),
 * the months of the per-month chart add up to the year,
 * the per-agency table downloads as CSV, no console errors, axe-core finds nothing, and the
 * page is photographed at 1,366 and 390 px in each language
 * (test-output/screenshots/deviations-<lang>-<width>.png).
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, collectPageErrors, launchChromium, newDashboardContext, saveScreenshot } from '../helpers/browser.ts';
import { openChartTables, startAuthDashboardApp, waitForDashboard } from '../helpers/dashboardApp.ts';
import { axeViolations, tableCells } from '../helpers/dashboardPage.ts';
import type { SampleApp } from '../helpers/sampleApp.ts';
import { apiJson, signInThroughForm } from '../helpers/signIn.ts';

let app: SampleApp;
let browser: Browser;
let page: Page;
let errors: string[];
let total: Record<string, unknown>;

// No as-of date: the default (the period's last day), so other municipalities' whole-year totals may show.
const query = '?view=deviations&year=2024&municipality=Fjordvik';
const agencyNames = {
  nb: { school: 'Skole', social_services: 'Barnevern', child_psychiatry: 'BUP', child_medicine: 'Barnemedisin', habilitation: 'Habilitering', ppt: 'PPT', health: 'Helsestasjon og skolehelsetjeneste', other: 'Annet' },
  sv: { school: 'Skola', social_services: 'Socialtjänst', child_psychiatry: 'BUP', child_medicine: 'Barnmedicin', habilitation: 'Habilitering', ppt: 'Elevhälsa (PPT)', health: 'Hälso- och sjukvård', other: 'Annat' },
  en: { school: 'School', social_services: 'Child welfare', child_psychiatry: 'Child psychiatry', child_medicine: 'Child medicine', habilitation: 'Habilitation', ppt: 'PPT', health: 'Health services', other: 'Other' },
} as const;
const order = ['school', 'social_services', 'child_psychiatry', 'child_medicine', 'habilitation', 'ppt', 'health', 'other'] as const;

/** The agency table as `name|count`, and the expectation from the API's object with the hand-written names. */
async function agencyRows(): Promise<string[]> {
  await openChartTables(page, '#deviations-agencies');
  return page.$$eval('#deviations-agencies table tbody tr', (rows) => rows.map((r) => [...r.children].slice(0, 2).map((c) => c.textContent).join('|')));
}
function expectedAgencyRows(lang: keyof typeof agencyNames): string[] {
  const byAgency = total.deviations_by_agency as Record<string, number>;
  return order.map((code) => `${agencyNames[lang][code]}|${byAgency[code] ?? 0}`);
}

async function shots(lang: string): Promise<void> {
  // At 1,366 px the header (six links for a municipality user, two language links) is one row in every language.
  const rows = await page.$eval('header.app-header', (header) => new Set([...header.children].map((c) => Math.round(c.getBoundingClientRect().top + c.getBoundingClientRect().height / 2))).size);
  expect(rows, `${lang}: header children at different heights`).toBe(1);
  // Charts are drawn at the width of the moment (not redrawn on resize): reload at each width.
  for (const width of [1366, 390, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    await page.reload();
    await waitForDashboard(page);
    if (width === 390) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${lang}: the page scrolls sideways at 390 px`).toBeLessThanOrEqual(0);
    }
    await saveScreenshot(page, `deviations-${lang}-${width}`);
  }
}

describe.skipIf(!chromiumAvailable())('the deviations page in Chromium', () => {
  beforeAll(async () => {
    [app, browser] = await Promise.all([startAuthDashboardApp(), launchChromium()]);
    const context = await newDashboardContext(browser, { bypassCSP: true });
    page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    errors = collectPageErrors(page);
    const kommune = app.users.find((u) => u.role === 'municipality')!;
    await signInThroughForm(page, app.url, kommune.username, kommune.password, query);
    // The signed-out page asks for the session first (401, expected); errors count from here.
    expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
    errors.length = 0;
    total = await apiJson<Record<string, unknown>>(page, '/api/figures?from=2024-08-01&to=2025-07-31&asOf=2025-07-31&municipality=Fjordvik');
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('in bokmål: the municipality total of every 4d figure and the deviations per agency as the API gives them', async () => {
    await expect(page.textContent('h1')).resolves.toBe('Avvik: Fjordvik');
    await expect(page.getAttribute('#nav-deviations', 'aria-current')).resolves.toBe('page');
    expect(total.deviations_reported).toBeGreaterThan(0);
    const cells = await tableCells(page, '#deviations-schools');
    const totalRow = cells['reference-0']!;
    for (const key of ['deviations_reported', 'deviations_of_principle', 'deviations_escalated', 'deviations_open', 'deviations_answer_overdue']) {
      // Counts under 1 000 in the sample: written as the plain integer.
      expect(totalRow[key]?.value, key).toBe(String(total[key]));
    }
    expect(Object.keys(cells).filter((id) => !id.startsWith('reference')).length).toBe(10); // Fjordvik's ten schools
    expect(await agencyRows()).toEqual(expectedAgencyRows('nb'));
    // Per month and school: every school's months add up to the municipality's deviations of the year.
    await openChartTables(page, '#monthly');
    const monthly = await page.$$eval('#monthly table tbody tr', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => Number(td.textContent))));
    expect(monthly).toHaveLength(12);
    // The last column is the reference (the municipality per school), not a school.
    expect(monthly.reduce((sum, cells) => sum + cells.slice(0, -1).reduce((a, b) => a + b, 0), 0)).toBe(total.deviations_reported);
    // The municipality's own schools: nothing hidden.
    await expect(page.locator('#deviations-agency-school td', { hasText: 'skjult' }).count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await shots('nb');
  });

  it('the deviations per agency download as CSV with exact counts', async () => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('#deviations-agencies [data-export="csv"]')]);
    const text = readFileSync((await file.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = text.split(/\r?\n/).filter(Boolean);
    const byAgency = total.deviations_by_agency as Record<string, number>;
    expect(lines[0]).toBe('Instans;Avvik;Andel av avvikene');
    expect(lines.slice(1, 1 + order.length).map((l) => l.split(';').slice(0, 2).join(';'))).toEqual(order.map((c) => `${agencyNames.nb[c]};${byAgency[c] ?? 0}`));
  });

  it('in Swedish (the second language link): Swedish words, Swedish dates, no console errors, no axe violations', async () => {
    await expect(page.textContent('#language-switch-2')).resolves.toBe('Svenska');
    await page.click('#language-switch-2');
    await waitForDashboard(page);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('sv');
    await expect(page.textContent('h1')).resolves.toBe('Avvikelser: Fjordvik');
    await expect(page.getAttribute('html', 'lang')).resolves.toBe('sv');
    await expect(page.textContent('#nav-deviations')).resolves.toBe('Avvikelser');
    await expect(page.textContent('#deviations-agencies h2')).resolves.toBe('Avvikelser per verksamhet');
    await expect(page.textContent('#selection')).resolves.toContain('2024-08-01–2025-07-31');
    expect(await agencyRows()).toEqual(expectedAgencyRows('sv'));
    // Figure labels and definitions in Swedish (the server sends only bokmål and English).
    await expect(page.textContent('#deviations-schools .screen-only thead')).resolves.toContain('Rapporterade avvikelser');
    await expect(page.textContent('#definition-deviations_answer_overdue p')).resolves.toBe(
      'Avvikelser med datum senast sista dagen i perioden och mer än 60 dagar före räknedatumet, som varken var besvarade eller åtgärdade på räknedatumet.',
    );
    const cells = await tableCells(page, '#deviations-schools');
    expect(cells['reference-0']!.deviations_reported?.value).toBe(String(total.deviations_reported));
    await expect(page.textContent('#language-switch')).resolves.toBe('Norsk');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await shots('sv');
  });

  it('in English: English words, no console errors, no axe violations', async () => {
    await page.click('#language-switch-2');
    await waitForDashboard(page);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    await expect(page.textContent('h1')).resolves.toBe('Deviations: Fjordvik');
    await expect(page.textContent('#deviations-agencies h2')).resolves.toBe('Deviations per agency');
    expect(await agencyRows()).toEqual(expectedAgencyRows('en'));
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await shots('en');
  });

  it("a rector sees the own school's deviations and peers' hidden where the API hides them, as «skjult», also per agency", async () => {
    const context = await newDashboardContext(browser);
    const rectorPage = await context.newPage();
    const rector = app.users.find((u) => u.role === 'rector')!;
    await signInThroughForm(rectorPage, app.url, rector.username, rector.password, query);
    await expect(rectorPage.textContent('h1')).resolves.toBe('Avvik: Fjordvik');
    type Row = Record<string, unknown> & { school_id: string; suppressed?: string[] | null };
    const rows = await apiJson<Row[]>(rectorPage, '/api/figures?from=2024-08-01&to=2025-07-31&asOf=2025-07-31&municipality=Fjordvik&by=school');
    const cells = await tableCells(rectorPage, '#deviations-schools');
    const agencyCells = await rectorPage.$$eval('#table-deviations-agency-school tbody tr', (trs) => trs.map((tr) => tr.querySelector('td')!.textContent));
    let hidden = 0;
    rows.forEach((row, i) => {
      const suppressed = row.suppressed ?? [];
      const shown = cells[row.school_id]!.deviations_reported!.value;
      if (suppressed.includes('deviations_reported')) {
        expect(shown, row.school_id).toBe('skjult');
        hidden++;
      } else expect(shown, row.school_id).toBe(String(row.deviations_reported));
      // The per-agency table is in the API's (name) order; its first agency column is the school.
      const byAgency = row.deviations_by_agency as Record<string, number> | null;
      expect(agencyCells[i], row.school_id).toBe(byAgency === null ? 'skjult' : String(byAgency.school ?? 0));
    });
    expect(hidden).toBeGreaterThan(0);
    expect(cells[rector.school_id!]!.deviations_reported!.value).not.toBe('skjult');
    await context.close();
  });
});
