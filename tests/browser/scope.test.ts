/**
 * Totals and scope as each demo user meets them, in Chromium with sign-in required (issue 8):
 * the comparison's «Alle kommuner» row is the total of all municipalities and equals the sum
 * of their rows for every count not hidden; the municipality list offers only what the user
 * can open, and a municipality out of reach in the URL falls back to the user's own; a rector
 * starts on, and stays on, their own school page; a section the server refuses says «Ingen
 * tilgang», never «færre enn 5 saker». Expected numbers are written out by hand from the
 * sample data (2025/26). Screenshots: scope-*.png in test-output/screenshots/.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, collectPageErrors, launchChromium, newDashboardContext, saveScreenshot } from '../helpers/browser.ts';
import { startAuthDashboardApp, waitForDashboard } from '../helpers/dashboardApp.ts';
import { nbsp, tableCells } from '../helpers/dashboardPage.ts';
import type { SampleApp } from '../helpers/sampleApp.ts';
import { signInThroughForm } from '../helpers/signIn.ts';

/** The additive figures: a total of these is the sum of its rows. */
const counts = [
  'meetings_held',
  'meetings_cancelled',
  'system_case_discussions',
  'system_measures_started',
  'staff_reached_total',
  'individual_case_discussions',
  'anonymous_case_discussions',
  'system_measures_for_individual_cases',
  'individual_measures_for_individual_cases',
  'cases_ended',
  'cases_referred_ppt',
  'open_cases',
];

let app: SampleApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

/** The browser logs the 401 that GET /api/session answers when signed out: expected, not an error. */
const withoutSignedOut401 = (list: readonly string[]) => list.filter((e) => !/status of 401/.test(e));
const query = () => new URL(page.url()).searchParams;
/** A shown count as a number ('1 070' → 1070); null for «skjult». */
const countOf = (text: string): number | null => (text === 'skjult' ? null : Number(text.replaceAll(nbsp, '')));

async function signInAs(username: string, search = ''): Promise<void> {
  context = await newDashboardContext(browser);
  page = await context.newPage();
  errors = collectPageErrors(page);
  const user = app.users.find((u) => u.username === username)!;
  await signInThroughForm(page, app.url, username, user.password, search);
}

describe.skipIf(!chromiumAvailable())('totals and scope for each role in Chromium', () => {
  beforeAll(async () => {
    [app, browser] = await Promise.all([startAuthDashboardApp(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  afterEach(async () => {
    await context?.close();
  });

  it('as kommune, «Alle kommuner» is the total of all four municipalities: 86 + 349 + 201 + 176 = 812 meetings', async () => {
    await signInAs('kommune', '?view=comparison&year=2025&figure=meetings_held');
    const cells = await tableCells(page, '#table-municipalities');
    expect(Object.keys(cells).sort()).toEqual(['Bjørkestrand', 'Fjordvik', 'Lauvåsen', 'reference-0', 'reference-1', 'Älvsunda']);
    await expect(page.textContent('#table-municipalities tfoot tr[data-reference="0"] th')).resolves.toContain('Alle kommuner');
    // Read once from the sample data (npm run etl -- figures --by municipality … --json), not from the dashboard.
    expect([cells.Bjørkestrand!.meetings_held!.value, cells.Fjordvik!.meetings_held!.value, cells.Lauvåsen!.meetings_held!.value, cells.Älvsunda!.meetings_held!.value]).toEqual(['86', '349', '201', '176']);
    expect(cells['reference-0']!.meetings_held!.value).toBe('812');
    expect(cells['reference-0']!.cases_ended!.value).toBe(`1${nbsp}418`);
    // Every count not hidden adds up; a count that does not is explained under the table.
    const rows = ['Bjørkestrand', 'Fjordvik', 'Lauvåsen', 'Älvsunda'];
    const unexplained: string[] = [];
    let compared = 0;
    for (const key of counts) {
      const total = countOf(cells['reference-0']![key]!.value);
      const parts = rows.map((r) => countOf(cells[r]![key]!.value));
      if (total === null || parts.includes(null)) continue;
      compared++;
      if (parts.reduce((a, b) => a! + b!, 0) !== total) unexplained.push(key);
    }
    expect(compared).toBeGreaterThanOrEqual(10);
    expect(unexplained).toEqual([]);
    await expect(page.locator('#municipalities-total-note').count()).resolves.toBe(0);
    await saveScreenshot(page, 'scope-kommune-comparison');
    expect(withoutSignedOut401(errors)).toEqual([]);
  });

  it('with a school level chosen, the totals say they are of that level only', async () => {
    await signInAs('kommune', '?view=comparison&year=2025&level=barneskole&figure=meetings_held');
    await expect(page.textContent('#table-municipalities tfoot tr[data-reference="0"] th')).resolves.toContain('Alle kommuner (barneskole)');
    await page.goto(`${app.url}/?view=overview&municipality=Fjordvik&year=2025&level=barneskole&figure=meetings_held`);
    await waitForDashboard(page);
    await expect(page.textContent('#table-schools tfoot tr[data-reference="0"] th')).resolves.toContain('Fjordvik totalt (barneskole)');
  });

  it('a total that is not the sum of its rows gets a note under the table, decided from the numbers shown', async () => {
    await signInAs('kommune');
    // The server's «all municipalities» answer with a meeting count that is not the rows' sum (86 + 349 + 201 + 176 ≠ 637).
    await page.route('**/api/figures?*total=all*', async (route) => {
      const answer = await route.fetch();
      const body = (await answer.json()) as Record<string, unknown>;
      await route.fulfill({ response: answer, json: { ...body, meetings_held: 637 } });
    });
    await page.goto(`${app.url}/?view=comparison&year=2025&figure=meetings_held`);
    await waitForDashboard(page);
    await expect(page.textContent('#table-municipalities tfoot tr[data-reference="0"] td[data-key="meetings_held"] .value')).resolves.toBe('637');
    await expect(page.textContent('#municipalities-total-note')).resolves.toBe(
      'Summen av radene er ikke lik totalen for Gjennomførte møter: totalen er telt for hele utvalget under ett.',
    );
  });

  it('as kommune, a month hides the other municipalities for not being a whole school year, and says so, not «færre enn 5»', async () => {
    await signInAs('kommune', '?view=comparison&term=custom&from=2025-10-01&to=2025-10-31&figure=meetings_held');
    const hidden = (row: string, key: string) =>
      page.$eval(`#table-municipalities tr[${row}] td[data-key="${key}"]`, (td) => {
        const value = td.querySelector('.value')!;
        return { text: value.textContent, title: value.getAttribute('title'), said: td.textContent };
      });
    const outside = 'bare hele skoleår vises for skoler utenfor ditt område';
    for (const row of ['data-id="Bjørkestrand"', 'data-id="Lauvåsen"', 'data-id="Älvsunda"', 'data-reference="0"']) {
      const cell = await hidden(row, 'cases_ended');
      expect(cell, row).toEqual({ text: 'skjult', title: `skjult: ${outside}`, said: `skjult (skjult: ${outside})` });
    }
    // The own municipality is shown in full, for any period.
    await expect(page.textContent('#table-municipalities tr[data-id="Fjordvik"] td[data-key="cases_ended"] .value')).resolves.not.toBe('skjult');
    await expect(page.textContent('#table-municipalities')).resolves.not.toContain('færre enn');
    // Meetings are not case-based: shown for all, and the total is their sum (9 + 37 + 19 + 20).
    const cells = await tableCells(page, '#table-municipalities');
    expect(['Bjørkestrand', 'Fjordvik', 'Lauvåsen', 'Älvsunda', 'reference-0'].map((id) => cells[id]!.meetings_held!.value)).toEqual(['9', '37', '19', '20', '85']);
    await saveScreenshot(page, 'scope-kommune-comparison-month');
    expect(withoutSignedOut401(errors)).toEqual([]);
  });

  it('as kommune, only Fjordvik is offered, and a forbidden or unknown municipality in the URL falls back to Fjordvik', async () => {
    await signInAs('kommune', '?view=overview&year=2025&municipality=Lauv%C3%A5sen');
    await expect(page.textContent('h1')).resolves.toBe('Oversikt per kommune: Fjordvik');
    expect(query().get('municipality')).toBe('Fjordvik');
    await expect(page.textContent('#fallback-note')).resolves.toContain('ikke har tilgang til');
    await expect(page.$$eval('#filter-municipality option', (options) => options.map((o) => (o as HTMLOptionElement).value))).resolves.toEqual(['Fjordvik']);
    // Not one section is refused or claims small numbers: the page shows the own municipality.
    await expect(page.locator('[data-state="denied"], [data-state="error"]').count()).resolves.toBe(0);
    await expect(page.textContent('main')).resolves.not.toContain('færre enn');
    // «Bjørkestrand» comes first alphabetically: an unknown name must not land there either.
    await page.goto(`${app.url}/?view=overview&year=2025&municipality=Atlantis`);
    await waitForDashboard(page);
    await expect(page.textContent('h1')).resolves.toBe('Oversikt per kommune: Fjordvik');
    expect(withoutSignedOut401(errors)).toEqual([]);
  });

  it('as rektor, ?view=school without a school opens Havblikk skole, and a level filter keeps it', async () => {
    await signInAs('rektor', '?view=school&year=2025');
    await expect(page.textContent('h1')).resolves.toBe('Havblikk skole (Fjordvik, barneskole)');
    expect(query().get('school')).toBe('990010014');
    await page.selectOption('#filter-level', 'ungdomsskole');
    await waitForDashboard(page);
    expect(query().get('level')).toBe('ungdomsskole');
    expect(query().get('school')).toBe('990010014');
    await expect(page.textContent('h1')).resolves.toBe('Havblikk skole (Fjordvik, barneskole)');
    await expect(page.inputValue('#filter-school')).resolves.toBe('990010014');
    // What is printed names the own school, never Bølgen ungdomsskole (first of that level).
    await expect(page.textContent('#selection')).resolves.toContain('Havblikk skole');
    await expect(page.textContent('#selection')).resolves.not.toContain('Bølgen');
    await expect(page.textContent('main')).resolves.not.toContain('Bølgen');
    // The school's column is the school's own; the municipality's is narrowed to the level.
    await expect(page.textContent('#table-school thead')).resolves.toContain('Fjordvik, ungdomsskole');
    await expect(page.textContent('#table-school tr[data-key="meetings_held"] [data-column="school"] .value')).resolves.toBe('34');
    // One level of the municipality is outside the rector's scope: hidden, for that reason.
    await expect(page.getAttribute('#table-school tr[data-key="cases_ended"] [data-column="municipality"] .value', 'title')).resolves.toBe(
      'skjult: tall for én skoletype vises ikke for skoler utenfor ditt område',
    );
    await saveScreenshot(page, 'scope-rektor-school');
    // A school of another municipality in the URL: back to the own school, with a notice.
    await page.goto(`${app.url}/?view=school&year=2025&school=990020010`);
    await waitForDashboard(page);
    await expect(page.textContent('h1')).resolves.toBe('Havblikk skole (Fjordvik, barneskole)');
    await expect(page.textContent('#fallback-note')).resolves.toContain('ikke har tilgang til');
    await expect(page.textContent('main')).resolves.not.toContain('Lauvåsen skole');
    expect(withoutSignedOut401(errors)).toEqual([]);
  });

  it('a section the server refuses says «Ingen tilgang», never «færre enn 5 saker»', async () => {
    await signInAs('kommune', '?view=overview&year=2025&municipality=Fjordvik');
    // The server refuses the durations (as it would a school out of scope); the rest is answered.
    await page.route('**/api/series/durations*', (route) => route.fulfill({ status: 403, contentType: 'application/json', body: '{"error":"forbidden"}' }));
    await page.selectOption('#filter-term', 'autumn');
    await waitForDashboard(page);
    await expect(page.getAttribute('#durations', 'data-state')).resolves.toBe('error');
    await expect(page.locator('#durations [data-state="denied"]').textContent()).resolves.toContain('Ingen tilgang');
    await expect(page.textContent('#durations')).resolves.not.toMatch(/færre enn|lengre periode/);
    await expect(page.getAttribute('#schools', 'data-state')).resolves.toBe('ready');
    await saveScreenshot(page, 'scope-denied-section');
  });
});
