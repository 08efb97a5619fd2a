/**
 * Issue 12, point 7 in Chromium: the log's filters by user, event, school and day are done
 * by the server and kept in the URL (a link shows the same; Back undoes a filter), views
 * can be hidden, a typed impossible day is answered at the field, and «Vis eldre hendelser»
 * pages inside the filtered log. Entries written by hand into the app's audit log (people
 * who do not exist elsewhere, so nothing else matches them).
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../etl/audit/auditLog.ts';
import { chromiumAvailable, collectPageErrors, launchChromium, newDashboardContext, saveScreenshot } from '../helpers/browser.ts';
import { startDashboardApp, waitForDashboard } from '../helpers/dashboardApp.ts';
import type { SampleApp } from '../helpers/sampleApp.ts';

let app: SampleApp;
let browser: Browser;
let page: Page;
let errors: string[];

const query = () => Object.fromEntries(new URL(page.url()).searchParams);
/** [user, event, target] of each row shown. */
const rows = () => page.$$eval('#table-audit tbody tr', (trs) => trs.map((tr) => [1, 4, 5].map((i) => tr.children[i]!.textContent).join('|')));

async function settle(): Promise<void> {
  await waitForDashboard(page);
}

describe.skipIf(!chromiumAvailable())('the log filtered on the server, in the URL (issue 12, point 7)', () => {
  beforeAll(async () => {
    app = await startDashboardApp();
    const add = (at: string, username: string, action: 'sign_in' | 'export' | 'view_figures', target: string | null = null) =>
      appendAudit(app.db.connection, { at: new Date(at), username, role: 'rector', via: 'http', action, target });
    await add('2026-03-10T07:00:00Z', 'kari', 'sign_in');
    await add('2026-03-10T09:00:00Z', 'kari', 'export', 'school:990010014');
    await add('2026-03-11T07:00:00Z', 'ola', 'sign_in');
    await add('2026-03-11T09:00:00Z', 'ola', 'export', 'school:990010022');
    // The sum over every municipality (GET /api/figures?total=all) as the server names it.
    await add('2026-03-13T09:00:00Z', 'siv', 'view_figures', 'total:all');
    for (let i = 0; i < 105; i++) await add(`2026-03-12T08:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z`, 'per', 'sign_in');
    browser = await launchChromium();
    page = await (await newDashboardContext(browser)).newPage();
    errors = collectPageErrors(page);
    await page.goto(`${app.url}/?view=log&year=2025&municipality=Fjordvik`);
    await settle();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('by user, event, school and day, each a history entry in the URL', async () => {
    await page.fill('#audit-user', 'ola');
    await page.dispatchEvent('#audit-user', 'change');
    await settle();
    expect(query().logUser).toBe('ola');
    expect(await rows()).toEqual(['ola|Lastet ned|Skole: Kaibakken skole', 'ola|Logget inn|']);

    await page.selectOption('#audit-action', 'export');
    await settle();
    expect(query()).toMatchObject({ logUser: 'ola', logAction: 'export' });
    expect(await rows()).toEqual(['ola|Lastet ned|Skole: Kaibakken skole']);

    await page.fill('#audit-user', '');
    await page.dispatchEvent('#audit-user', 'change');
    await settle();
    expect(query().logUser).toBeUndefined();
    expect(await rows()).toEqual(['ola|Lastet ned|Skole: Kaibakken skole', 'kari|Lastet ned|Skole: Havblikk skole']);

    await page.selectOption('#audit-school', '990010014');
    await settle();
    expect(await rows()).toEqual(['kari|Lastet ned|Skole: Havblikk skole']);

    await page.fill('#audit-day', '11.03.2026');
    await page.dispatchEvent('#audit-day', 'change');
    await settle();
    expect(query()).toMatchObject({ logAction: 'export', logSchool: '990010014', logDay: '2026-03-11' });
    expect(await rows()).toEqual([]);
    await page.fill('#audit-day', '10.03.2026');
    await page.dispatchEvent('#audit-day', 'change');
    await settle();
    expect(await rows()).toEqual(['kari|Lastet ned|Skole: Havblikk skole']);
    await expect(page.textContent('#audit-count')).resolves.toBe('Viser den ene hendelsen som passer filtrene. Filtrene står i adressen, så lenken viser det samme.');
    await saveScreenshot(page, 'log-filters');
  });

  it('a link shows the same; Back undoes the last filter; a bad day is answered at the field', async () => {
    const url = page.url();
    await page.goto(url);
    await settle();
    expect(await rows()).toEqual(['kari|Lastet ned|Skole: Havblikk skole']);
    await expect(page.inputValue('#audit-day')).resolves.toBe('10.03.2026');
    await expect(page.inputValue('#audit-action')).resolves.toBe('export');
    await expect(page.inputValue('#audit-school')).resolves.toBe('990010014');

    await page.fill('#audit-day', '31.02.2026');
    await page.dispatchEvent('#audit-day', 'change');
    await expect(page.textContent('#audit-day-message')).resolves.toBe('«31.02.2026» er ikke en dato. Skriv dd.mm.åååå. Loggen viser fortsatt forrige utvalg.');
    await expect(page.getAttribute('#audit-day', 'aria-invalid')).resolves.toBe('true');
    expect(page.url()).toBe(url);

    await page.goBack();
    await settle();
    // The reload above replaced nothing, so Back goes to before the 10.03 day: the 11.03 one.
    expect(query().logDay).toBe('2026-03-11');
    expect(await rows()).toEqual([]);
    await page.click('#audit-clear');
    await settle();
    expect(Object.keys(query()).filter((k) => k.startsWith('log'))).toEqual([]);
  });

  it('hides the view events on the server; older events page inside the filter', async () => {
    await page.uncheck('#audit-views');
    await settle();
    expect(query().logViews).toBe('0');
    const events = await page.$$eval('#table-audit tbody tr', (trs) => trs.map((tr) => tr.children[4]!.textContent!));
    expect(events.length).toBeGreaterThan(0);
    expect(events.filter((e) => e.startsWith('Så '))).toEqual([]);

    await page.fill('#audit-user', 'per');
    await page.dispatchEvent('#audit-user', 'change');
    await settle();
    await expect(page.locator('#table-audit tbody tr').count()).resolves.toBe(100);
    await page.click('#audit-older');
    await page.waitForFunction(() => document.querySelectorAll('#table-audit tbody tr').length === 105);
    await expect(page.locator('#audit-older').count()).resolves.toBe(0);
    expect(new Set((await rows()).map((r) => r.split('|')[0]))).toEqual(new Set(['per']));
    expect(errors).toEqual([]);
  });

  it('in Swedish the times and the day are written as Swedes write dates', async () => {
    await page.goto(`${app.url}/?view=log&year=2025&municipality=Fjordvik&lang=sv&logUser=ola&logDay=2026-03-11`);
    await settle();
    // 09:00 UTC on 11 March 2026 is 10:00 in Oslo (winter time); written by hand.
    const times = await page.$$eval('#table-audit tbody tr', (trs) => trs.map((tr) => tr.children[0]!.textContent));
    expect(times).toEqual(['2026-03-11 10:00:00', '2026-03-11 08:00:00']);
    await expect(page.inputValue('#audit-day')).resolves.toBe('2026-03-11');
    expect(errors).toEqual([]);
  });

  it('names the target total:all in words in each language, not as the code', async () => {
    for (const [lang, words] of [['', 'Alle kommuner'], ['&lang=sv', 'Alla kommuner'], ['&lang=en', 'All municipalities']] as const) {
      await page.goto(`${app.url}/?view=log&year=2025&municipality=Fjordvik&logUser=siv${lang}`);
      await settle();
      const targets = await page.$$eval('#table-audit tbody tr', (trs) => trs.map((tr) => tr.children[5]!.textContent));
      expect(targets, lang).toEqual([words]);
    }
    await saveScreenshot(page, 'log-total-all-en');
    expect(errors).toEqual([]);
  });

  it('downloads the filtered rows as CSV, in the words on screen', async () => {
    await page.goto(`${app.url}/?view=log&year=2025&municipality=Fjordvik&logUser=ola`);
    await settle();
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="csv"]')]);
    // The filter in the file name, so two exports of the log are told apart.
    expect(file.suggestedFilename()).toBe('logg-ola.csv');
    const lines = readFileSync(await file.path(), 'utf8').split('\r\n');
    // 09:00 and 07:00 UTC on 11 March 2026 are 10:00 and 08:00 in Oslo; written by hand.
    expect(lines).toEqual([
      '\ufeffTidspunkt;Bruker;Rolle;Via;Hendelse;Gjelder',
      '11.03.2026 10:00:00;ola;rektor;nettleser;Lastet ned;Skole: Kaibakken skole',
      '11.03.2026 08:00:00;ola;rektor;nettleser;Logget inn;',
      '',
    ]);
    expect(errors).toEqual([]);
  });
});
