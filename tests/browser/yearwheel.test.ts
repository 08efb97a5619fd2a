/**
 * The year wheel page and the annual review in Chromium, as the demo users of `npm start`
 * (sign-in required, the sample data): the rector lands on their school's year wheel; the
 * wheel draws as many done, missed and upcoming marks (and held and cancelled meetings) as
 * GET /api/yearwheel says; the keyboard reaches every mark (arrow keys) and every list
 * (Tab); axe-core finds nothing; the municipality user changes the norms on the page; the
 * annual review prints to A4 pages with nothing wider than the page. One page load per
 * scenario. Screenshots and the PDF: /tmp/yearwheel-shots/ (and test-output/screenshots/).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, collectPageErrors, launchChromium, newDashboardContext, saveScreenshot } from '../helpers/browser.ts';
import { startAuthDashboardApp } from '../helpers/dashboardApp.ts';
import { axeViolations } from '../helpers/dashboardPage.ts';
import type { SampleApp } from '../helpers/sampleApp.ts';
import { apiJson, signInThroughForm } from '../helpers/signIn.ts';

const shots = '/tmp/yearwheel-shots';
const own = '990010014'; // Havblikk skole, the demo rector's
/** The school year 2025/26 read on 1 March 2026: done, missed and upcoming plans all occur. */
const pageQuery = '?view=yearwheel&year=2025&asOf=2026-03-01';
const apiQuery = `from=2025-08-01&to=2026-07-31&asOf=2026-03-01&school=${own}`;

interface WheelAnswer {
  plan: Array<{ status: string; date: string }>;
  meetings: Array<{ status: string; tgl_present: boolean }>;
}

let app: SampleApp;
let browser: Browser;

function password(username: string): string {
  const found = app.users.find((u) => u.username === username);
  if (!found) throw new Error(`no demo user ${username}`);
  return found.password;
}

/** `bypassCSP` only for the test that injects axe; the others run under the app's CSP, so a blocked inline style is an error. */
async function openAs(username: string, query: string, bypassCSP = false): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await newDashboardContext(browser, { bypassCSP });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await signInThroughForm(page, app.url, username, password(username), query);
  return { context, page, errors };
}

const withoutSignedOut401 = (list: readonly string[]) => list.filter((e) => !/status of 401/.test(e));
const count = (page: Page, selector: string) => page.locator(selector).count();

describe.skipIf(!chromiumAvailable())('the year wheel page in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    [app, browser] = await Promise.all([startAuthDashboardApp(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('the rector lands on their school’s year wheel after signing in', async () => {
    const { context, page, errors } = await openAs('rektor', '');
    expect(new URL(page.url()).searchParams.get('view')).toBe('yearwheel');
    await expect(page.textContent('h1')).resolves.toBe('Årshjul og oppfølging – Havblikk skole');
    await expect(page.getAttribute('#nav-yearwheel', 'aria-current')).resolves.toBe('page');
    // The school picker offers the rector's own school only.
    expect(await page.$$eval('#filter-school option', (o) => o.map((x) => (x as HTMLOptionElement).value))).toEqual([own]);
    // The calls the answer warmer computes ahead for a rector (server/cache/yearWheelUrls.ts,
    // the same four written out in tests/server/cache/yearWheelUrls.test.ts), as asked here:
    // the default school year 2025/26 as of its last day, and 2024/25 as of its own.
    await page.waitForSelector('#key-figures table, #key-figures .state', { timeout: 30_000 });
    const asked = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name.replace(location.origin, '')));
    expect(asked).toEqual(
      expect.arrayContaining([
        `/api/followup?asOf=2026-07-31&from=2025-08-01&school=${own}&to=2026-07-31`,
        `/api/figures?asOf=2026-07-31&from=2025-08-01&school=${own}&to=2026-07-31`,
        `/api/figures?asOf=2025-07-31&from=2024-08-01&school=${own}&to=2025-07-31`,
        '/api/figures?asOf=2026-07-31&by=school&from=2025-08-01&municipality=Fjordvik&to=2026-07-31',
      ]),
    );
    expect(withoutSignedOut401(errors)).toEqual([]);
    await context.close();
  });

  it('draws the marks the API gives; the keyboard reaches every mark and every list; axe finds nothing', async () => {
    const { context, page, errors } = await openAs('rektor', pageQuery, true);
    const api = await apiJson<WheelAnswer>(page, `/api/yearwheel?${apiQuery}`);
    const plans = (status: string) => api.plan.filter((p) => p.status === status).length;
    expect(plans('done')).toBeGreaterThan(0);
    expect(plans('missed')).toBeGreaterThan(0);
    expect(plans('upcoming')).toBeGreaterThan(0);
    for (const status of ['done', 'missed', 'upcoming']) expect(await count(page, `#year-wheel .wheel-mark[data-kind="${status}"]`), status).toBe(plans(status));
    expect(await count(page, '#year-wheel .wheel-mark[data-kind="held"]')).toBe(api.meetings.filter((m) => m.status === 'held').length);
    expect(await count(page, '#year-wheel .wheel-mark[data-kind="cancelled"]')).toBe(api.meetings.filter((m) => m.status === 'cancelled').length);
    expect(await count(page, '#year-wheel .wheel-mark[data-kind="tgl"]')).toBe(api.meetings.filter((m) => m.status === 'held' && m.tgl_present).length);
    // The table beside it has a row per mark.
    const marks = await count(page, '#year-wheel .wheel-mark');
    expect(await count(page, '#wheel-table tbody tr')).toBe(marks);
    await saveScreenshot(page, 'yearwheel-rektor');
    await page.screenshot({ path: join(shots, 'yearwheel-page.png'), fullPage: true });
    await page.locator('#year-wheel').screenshot({ path: join(shots, 'yearwheel-wheel.png') });

    expect(await axeViolations(page)).toEqual([]);

    // Tab into the wheel (one stop), then the arrow keys visit every mark once, in date order.
    await page.evaluate(() => {
      const seen: Array<{ name: string; date: string; list: string; index: number }> = [];
      (window as unknown as { focusLog: typeof seen }).focusLog = seen;
      document.addEventListener('focusin', (e) => {
        const el = e.target as Element;
        const index = [...document.querySelectorAll('#year-wheel .wheel-mark')].indexOf(el);
        seen.push({ name: el.getAttribute('aria-label') ?? '', date: el.getAttribute('data-date') ?? '', list: el.closest('.follow-up-list')?.id ?? '', index });
      });
    });
    const focusLog = () => page.evaluate(() => (window as unknown as { focusLog: Array<{ name: string; date: string; list: string; index: number }> }).focusLog.splice(0));
    await page.focus('#annual-review-link');
    let presses = 0;
    while (!(await page.evaluate(() => document.activeElement?.classList.contains('wheel-mark'))) && presses++ < 40) await page.keyboard.press('Tab');
    const entered = (await focusLog()).at(-1)!; // the wheel's one tab stop: its first mark
    for (let i = 1; i < marks; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight'); // past the last mark: stays there
    const visited = [entered, ...(await focusLog())];
    expect(visited).toHaveLength(marks);
    expect(new Set(visited.map((v) => v.index))).toEqual(new Set(Array.from({ length: marks }, (_, i) => i)));
    const dates = visited.map((v) => v.date);
    expect([...dates].sort()).toEqual(dates);
    expect(visited.every((v) => v.name !== '')).toBe(true);
    expect(visited.find((v) => /^Planlagt møte \d\d\.\d\d\.\d{4}: holdt \d\d\.\d\d\.\d{4}$/.test(v.name))).toBeDefined();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('tabindex'))).toBe('0'); // the roving stop moved along

    // On with Tab: every list with rows is reached (its sort buttons and CSV button).
    const nonEmpty = await page.$$eval('.follow-up-list', (all) => all.filter((s) => Number((s as HTMLElement).dataset.count) > 0).map((s) => s.id));
    expect(nonEmpty.length).toBeGreaterThan(0);
    const reached = new Set<string>();
    for (let i = 0; i < 30 && reached.size < nonEmpty.length; i++) {
      for (let j = 0; j < 5; j++) await page.keyboard.press('Tab');
      for (const v of await focusLog()) if (v.list) reached.add(v.list);
    }
    expect([...reached].sort()).toEqual([...nonEmpty].sort());
    // Each list's heading carries its count.
    for (const id of nonEmpty) {
      const n = await page.$eval(`#${id}`, (s) => (s as HTMLElement).dataset.count);
      await expect(page.textContent(`#${id} h3`)).resolves.toMatch(new RegExp(`\\(${n}\\)$`));
    }

    // A list sorts by a column header; an empty list says what is fine.
    const table = '#list-open_cases_by_age-table';
    const ages = () => page.$$eval(`${table} tbody tr`, (rows) => rows.map((r) => r.children[3]!.textContent ?? ''));
    const toNumber = (text: string) => Number(text.replace(/\s/g, '').replace('−', '-'));
    const before = (await ages()).map(toNumber);
    expect(before.length).toBeGreaterThan(1);
    expect(before).toEqual([...before].sort((a, b) => b - a)); // the API's order: oldest first
    await page.click(`${table} thead th:nth-child(4) button`);
    await expect(page.getAttribute(`${table} thead th:nth-child(4)`, 'aria-sort')).resolves.toBe('ascending');
    expect((await ages()).map(toNumber)).toEqual([...before].sort((a, b) => a - b));
    const empties = await page.$$eval('.follow-up-list[data-count="0"] .list-empty', (all) => all.map((e) => e.textContent));
    for (const text of empties) expect(text).toMatch(/^(Ingen|Alle)/);
    expect(withoutSignedOut401(errors)).toEqual([]);
    await context.close();
  });

  it('the municipality user changes the norms on the page; the verdict follows', async () => {
    const { context, page, errors } = await openAs('kommune', `${pageQuery}&school=${own}`);
    await expect(page.textContent('#norm-rhythm')).resolves.toContain('Norm: møte minst hver 7. dag');
    await page.fill('#norm-interval', '14');
    await page.click('#norms-save');
    await page.waitForFunction(() => document.getElementById('norms-status')?.textContent === 'Normene er lagret.');
    await page.waitForFunction(() => document.getElementById('norm-rhythm')?.textContent?.includes('hver 14. dag'));
    const norms = await apiJson<{ norms: Array<{ meeting_interval_days: number; updated_by: string }> }>(page, '/api/norms?municipality=Fjordvik');
    expect(norms.norms[0]).toMatchObject({ meeting_interval_days: 14, updated_by: 'kommune' });
    await expect(page.textContent('#norms-source')).resolves.toContain('Endret av kommune');
    expect(withoutSignedOut401(errors)).toEqual([]);
    await context.close();
  });

  it('the annual review prints to A4 pages with nothing wider than the page', async () => {
    const { context, page, errors } = await openAs('rektor', pageQuery.replace('yearwheel', 'annualreview'));
    await expect(page.textContent('h1')).resolves.toBe('Årlig evaluering 2025/26 – Havblikk skole');
    await page.screenshot({ path: join(shots, 'annual-review-screen.png'), fullPage: true });
    // A4 portrait with 12 mm margins leaves 186 mm: 703 CSS pixels.
    await page.setViewportSize({ width: 703, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    const tooWide = await page.evaluate(() => {
      const limit = document.documentElement.clientWidth + 1;
      return [...document.querySelectorAll('main *')]
        .filter((e) => e.getClientRects().length > 0 && e.getBoundingClientRect().right > limit)
        .map((e) => `${e.tagName.toLowerCase()}.${(e as HTMLElement).className || ''}#${e.id}`);
    });
    expect(tooWide).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(shots, 'annual-review.pdf'), pdf);
    const text = pdf.toString('latin1');
    const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const pages = [...text.matchAll(/\/Type\s*\/Page\b/g)].length;
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(boxes.length).toBeGreaterThanOrEqual(pages);
    // A4 is 595.28 × 841.89 points, portrait.
    for (const [w, h] of boxes) {
      expect(Math.abs(w! - 595.28)).toBeLessThan(1);
      expect(Math.abs(h! - 841.89)).toBeLessThan(1);
    }
    expect(withoutSignedOut401(errors)).toEqual([]);
    await context.close();
  });
});
