/**
 * Sign-in and roles in Chromium, with sign-in required and the demo users of `npm start`:
 * each role signs in through the form and sees what it may and nothing more; a wrong
 * password is refused with a message; signing out returns to the form; a URL edited to a
 * view outside the user's role shows "no access", and to a school outside their scope the
 * user's own school with a notice, never the other school's data. Screenshots:
 * signin-nb.png and roles-<role>.png in test-output/screenshots/.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FigureRow, Meta, SessionUser } from '../../dashboard/api/types.ts';
import { chromiumAvailable, collectPageErrors, launchChromium, newDashboardContext, saveScreenshot } from '../helpers/browser.ts';
import { startAuthDashboardApp, waitForDashboard } from '../helpers/dashboardApp.ts';
import { axeViolations } from '../helpers/dashboardPage.ts';
import type { SampleApp } from '../helpers/sampleApp.ts';
import { apiJson, signInThroughForm, submitSignIn, waitForSignInForm } from '../helpers/signIn.ts';

/** One month: small enough that some peer schools have fewer than 5 cases. */
const month = { from: '2025-10-01', to: '2025-10-31' };
const monthApi = `from=${month.from}&to=${month.to}&asOf=${month.to}`;
const monthUrl = `term=custom&from=${month.from}&to=${month.to}`;

let app: SampleApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
/** Every school, as the administrator's /api/meta lists them. */
let allSchools: Meta['schools'];

function user(username: string) {
  const found = app.users.find((u) => u.username === username);
  if (!found) throw new Error(`no demo user ${username}`);
  return found;
}

async function signInAs(username: string, query = ''): Promise<void> {
  await signInThroughForm(page, app.url, username, user(username).password, query);
}

/** The browser logs the 401 that GET /api/session answers when signed out: expected, not an error. */
const withoutSignedOut401 = (list: readonly string[]) => list.filter((e) => !/status of 401/.test(e));

/**
 * Issue 12, point 5: at 1,366 px the header is one row for every role (the signed-in line is
 * longest for a rector, with the school's name). The children's middles at one height, and
 * the header no taller than one row of buttons; the window is put back afterwards.
 */
async function expectOneRowHeaderAt1366(): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 900 });
  const { rows, height } = await page.$eval('header.app-header', (header) => ({
    rows: new Set([...header.children].map((c) => Math.round(c.getBoundingClientRect().top + c.getBoundingClientRect().height / 2))).size,
    height: header.getBoundingClientRect().height,
  }));
  expect(rows, 'header children at different heights').toBe(1);
  expect(height).toBeLessThan(80);
  await page.setViewportSize({ width: 1280, height: 900 });
}

const rowIds = (selector: string) => page.$$eval(`${selector} tbody tr`, (rows) => rows.map((r) => (r as HTMLElement).dataset.id ?? ''));
const navIds = () => page.$$eval('.view-nav a', (links) => links.map((a) => a.id));

describe.skipIf(!chromiumAvailable())('sign-in and roles in Chromium', () => {
  beforeAll(async () => {
    [app, browser] = await Promise.all([startAuthDashboardApp(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  // A fresh context per test: no cookie carries over from one user to the next.
  async function freshPage(options: { bypassCSP?: boolean } = {}): Promise<void> {
    context = await newDashboardContext(browser, options);
    page = await context.newPage();
    errors = collectPageErrors(page);
  }
  afterEach(async () => {
    await context?.close();
  });

  it('shows the sign-in form signed out, labelled and without axe violations; a wrong password is refused', async () => {
    await freshPage({ bypassCSP: true });
    await page.goto(`${app.url}/?view=comparison&year=2025`);
    await waitForSignInForm(page);
    await expect(page.textContent('h1')).resolves.toBe('Logg inn');
    await expect(page.title()).resolves.toBe('Logg inn – Ressursteam-tall');
    await saveScreenshot(page, 'signin-nb');
    expect(await axeViolations(page)).toEqual([]);
    await submitSignIn(page, 'admin', 'not-the-password');
    await page.waitForFunction(() => document.getElementById('signin-error')?.textContent !== '');
    await expect(page.textContent('#signin-error')).resolves.toBe('Feil brukernavn eller passord.');
    await expect(page.locator('#signin-password').inputValue()).resolves.toBe('');
    // The form still works after a failure, and the URL state is kept.
    await submitSignIn(page, 'admin', user('admin').password);
    await page.waitForSelector('#app[data-page="app"]');
    await waitForDashboard(page);
    await expect(page.textContent('h1')).resolves.toBe('Kommunene side om side');
    expect(withoutSignedOut401(errors)).toEqual([]);
  });

  it('admin sees every school of all four municipalities and the log; signing out returns to the form', async () => {
    await freshPage();
    await signInAs('admin');
    await expect(page.textContent('#signed-in-user')).resolves.toContain('admin · administrator · alle skoler');
    await expectOneRowHeaderAt1366();
    const meta = await apiJson<Meta>(page, '/api/meta');
    allSchools = meta.schools;
    expect(meta.municipalities).toHaveLength(4);
    for (const m of meta.municipalities) {
      await page.goto(`${app.url}/?view=overview&year=2025&municipality=${encodeURIComponent(m)}`);
      await waitForDashboard(page);
      const expected = meta.schools.filter((s) => s.municipality === m).map((s) => s.school_id);
      expect(expected.length).toBeGreaterThan(0);
      expect((await rowIds('#table-schools')).sort()).toEqual([...expected].sort());
    }
    expect(await navIds()).toEqual(['nav-yearwheel', 'nav-overview', 'nav-comparison', 'nav-school', 'nav-log', 'nav-competence', 'nav-deviations', 'nav-import']);
    await page.click('#nav-log');
    await waitForDashboard(page);
    await expect(page.textContent('h1')).resolves.toBe('Logg');
    // The log speaks bokmål: the admin's own sign-in, from the browser, and figures viewed.
    const rows = await page.$$eval('#table-audit tbody tr', (trs) => trs.map((tr) => [...tr.children].slice(1, 6).map((c) => c.textContent)));
    expect(rows).toContainEqual(['admin', 'administrator', 'nettleser', 'Logget inn', 'admin']);
    expect(rows).toContainEqual(['admin', 'administrator', 'nettleser', 'Så nøkkeltall', 'Kommune: Fjordvik']);
    expect(rows.flat().filter((text) => /^[a-z]+_[a-z_]+$/.test(text ?? ''))).toEqual([]);
    await expect(page.locator('#table-audit thead th').count()).resolves.toBe(6);
    await saveScreenshot(page, 'roles-admin');
    await page.click('#sign-out');
    await waitForSignInForm(page);
    await expect(page.locator('#sign-out').count()).resolves.toBe(0);
    // Signed out for real: the API refuses.
    await expect(page.evaluate(async () => (await fetch('/api/meta')).status)).resolves.toBe(401);
    expect(withoutSignedOut401(errors)).toEqual([]);
  });

  it("kommune sees only Fjordvik's schools, other municipalities only as totals, and no log", async () => {
    await freshPage();
    await signInAs('kommune');
    const home = user('kommune').municipality!;
    expect(home).toBe('Fjordvik');
    await expect(page.textContent('#signed-in-user')).resolves.toContain('kommune · kommune · Fjordvik');
    await expectOneRowHeaderAt1366();
    await expect(page.textContent('h1')).resolves.toBe('Oversikt per kommune: Fjordvik');
    const own = allSchools.filter((s) => s.municipality === home).map((s) => s.school_id);
    expect((await rowIds('#table-schools')).sort()).toEqual([...own].sort());
    expect(await navIds()).toEqual(['nav-yearwheel', 'nav-overview', 'nav-comparison', 'nav-school', 'nav-competence', 'nav-deviations', 'nav-import']);
    await expect(page.textContent('#suppression-note')).resolves.toContain('færre enn 5 saker');
    await page.click('#nav-comparison');
    await waitForDashboard(page);
    expect((await rowIds('#table-municipalities')).sort()).toEqual(['Bjørkestrand', 'Fjordvik', 'Lauvåsen', 'Älvsunda'].sort());
    // Only totals: no school of another municipality is named anywhere on the page.
    const text = (await page.textContent('main'))!;
    for (const s of allSchools.filter((x) => x.municipality !== home)) expect(text).not.toContain(s.school_name);
    await saveScreenshot(page, 'roles-kommune');
    await page.goto(`${app.url}/?view=log`);
    await waitForDashboard(page);
    await expect(page.textContent('h1')).resolves.toBe('Ingen tilgang');
    await expect(page.locator('#table-audit').count()).resolves.toBe(0);
    expect(withoutSignedOut401(errors)).toEqual([]);
  });

  it('ppt sees what kommune sees, and the competence page of Fjordvik', async () => {
    await freshPage();
    await signInAs('ppt');
    await expectOneRowHeaderAt1366();
    const own = allSchools.filter((s) => s.municipality === 'Fjordvik').map((s) => s.school_id);
    expect((await rowIds('#table-schools')).sort()).toEqual([...own].sort());
    expect(await navIds()).toEqual(['nav-yearwheel', 'nav-overview', 'nav-comparison', 'nav-school', 'nav-competence', 'nav-deviations']);
    await page.click('#nav-competence');
    await waitForDashboard(page);
    await expect(page.textContent('h1')).resolves.toBe('Kompetanse: Fjordvik');
    const schools = await page.$$eval('#table-competence-reach tbody tr td:nth-child(2)', (cells) => cells.map((c) => c.textContent));
    expect(schools.length).toBeGreaterThan(0);
    const fjordvik = new Set(allSchools.filter((x) => x.municipality === 'Fjordvik').map((x) => x.school_name));
    for (const name of schools) expect(fjordvik.has(name!)).toBe(true);
    await expect(page.locator('#competence-timeline svg.chart-svg[role="img"][aria-label]').count()).resolves.toBe(1);
    await saveScreenshot(page, 'roles-ppt');
    expect(withoutSignedOut401(errors)).toEqual([]);
  });

  it("rektor starts on Havblikk skole's year wheel, sees peers' hidden figures as «skjult» as the API says, and no log or competence", async () => {
    await freshPage();
    await signInAs('rektor');
    const me = await apiJson<SessionUser>(page, '/api/session');
    expect(new URL(page.url()).searchParams.get('school')).toBe('990010014');
    expect(me.school_name).toBe('Havblikk skole');
    await expect(page.textContent('h1')).resolves.toBe('Årshjul og oppfølging – Havblikk skole');
    await expect(page.textContent('#signed-in-user')).resolves.toContain('rektor · rektor · Havblikk skole, Fjordvik');
    await expectOneRowHeaderAt1366();
    expect(await navIds()).toEqual(['nav-yearwheel', 'nav-overview', 'nav-comparison', 'nav-school', 'nav-deviations']);
    await saveScreenshot(page, 'roles-rektor');

    await page.goto(`${app.url}/?view=overview&${monthUrl}&municipality=Fjordvik`);
    await waitForDashboard(page);
    const rows = await apiJson<FigureRow[]>(page, `/api/figures?${monthApi}&municipality=Fjordvik&by=school`);
    const cells = await page.$$eval('#table-schools tbody tr', (trs) =>
      Object.fromEntries(
        trs.map((tr) => [
          (tr as HTMLElement).dataset.id!,
          Object.fromEntries([...tr.querySelectorAll('td[data-key]')].map((td) => [(td as HTMLElement).dataset.key!, td.querySelector('.value')!.textContent])),
        ]),
      ),
    );
    expect(Object.keys(cells).sort()).toEqual(rows.map((r) => r.school_id!).sort());
    let hidden = 0;
    for (const row of rows) {
      const suppressed = Array.isArray(row.suppressed) ? (row.suppressed as string[]) : [];
      for (const [key, value] of Object.entries(cells[row.school_id!]!)) {
        expect(value === 'skjult', `${row.school_name} ${key}`).toBe(suppressed.includes(key));
        if (value === 'skjult') hidden++;
      }
    }
    expect(hidden).toBeGreaterThan(0);
    await saveScreenshot(page, 'roles-rektor-overview');

    // A URL edited to a school of another municipality: the own school instead, with a
    // notice, and nothing of the other school.
    const other = allSchools.find((s) => s.municipality !== 'Fjordvik')!;
    await page.goto(`${app.url}/?view=school&year=2025&school=${other.school_id}`);
    await waitForDashboard(page);
    await expect(page.textContent('h1')).resolves.toBe('Havblikk skole (Fjordvik, barneskole)');
    expect(new URL(page.url()).searchParams.get('school')).toBe('990010014');
    await expect(page.textContent('#fallback-note')).resolves.toContain('ikke har tilgang til');
    await expect(page.textContent('main')).resolves.not.toContain(other.school_name);
    await saveScreenshot(page, 'roles-rektor-fallback');
    for (const view of ['log', 'competence']) {
      await page.goto(`${app.url}/?view=${view}`);
      await waitForDashboard(page);
      await expect(page.textContent('h1')).resolves.toBe('Ingen tilgang');
    }
    expect(withoutSignedOut401(errors)).toEqual([]);
  });
});
