/**
 * The import page in Chromium (issue 13): an administrator drops the example exports of
 * tests/fixtures/exports (and a file of no known kind), sees each file's kind before
 * anything is sent, imports them as one batch and sees the report the fixtures' README
 * documents (tests/helpers/exampleExports.ts, written by hand); downloads the rejected rows
 * of saker.csv, fixes the grade of one row, drops the file again and sees that row accepted.
 * A template downloaded from the page is sniffed as its kind. axe-core finds nothing;
 * screenshots at 1,366 and 390 px (import-*.png). A municipality user has the page with
 * their scope stated; a rector has no link to it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, collectPageErrors, launchChromium, newDashboardContext, saveScreenshot } from '../helpers/browser.ts';
import { startAuthDashboardApp, waitForDashboard } from '../helpers/dashboardApp.ts';
import { axeViolations } from '../helpers/dashboardPage.ts';
import { exampleExportsDir, expectedFiles } from '../helpers/exampleExports.ts';
import type { SampleApp } from '../helpers/sampleApp.ts';
import { signInThroughForm } from '../helpers/signIn.ts';
import { projectRoot } from '../../etl/db/defaultPaths.ts';

let app: SampleApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

const password = (username: string) => app.users.find((u) => u.username === username)!.password;

/** Drops files on the drop zone as the browser does: a DataTransfer holding File objects. */
async function dropFiles(files: ReadonlyArray<{ name: string; bytes: Buffer }>): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, base64: f.bytes.toString('base64') }));
  await page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], f.name, { type: 'text/csv' }));
    }
    document.getElementById('import-drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, payload);
}

/** File name → the kind the page shows for it before sending (data-kind of its row). */
const shownKinds = () =>
  page.$$eval('#import-files-table tbody tr', (rows) => Object.fromEntries(rows.map((r) => [(r as HTMLElement).dataset.file, (r.querySelector('[data-kind]') as HTMLElement).dataset.kind])));

/** The report table as file → [read, inserted, updated, unchanged, rejected, ignored columns]. */
const reportRows = () =>
  page.$$eval('#import-report tbody tr', (rows) =>
    Object.fromEntries(rows.map((r) => {
      const cells = [...r.children].map((c) => c.textContent ?? '');
      return [cells[0], [cells[2], cells[3], cells[4], cells[5], cells[6], cells[7]]];
    })),
  );

const exampleFiles = readdirSync(exampleExportsDir)
  .filter((name) => /\.(csv|tsv)$/.test(name))
  .map((name) => ({ name, bytes: readFileSync(join(exampleExportsDir, name)) }));

describe.skipIf(!chromiumAvailable())('the import page in Chromium', () => {
  beforeAll(async () => {
    [app, browser] = await Promise.all([startAuthDashboardApp(), launchChromium()]);
    context = await newDashboardContext(browser, { bypassCSP: true });
    page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    errors = collectPageErrors(page);
    await signInThroughForm(page, app.url, 'admin', password('admin'), '?view=import');
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('the menu links to the page, and the 1,366 px header stays on one row with eight links', async () => {
    await expect(page.textContent('h1')).resolves.toBe('Importer data');
    await expect(page.getAttribute('#nav-import', 'aria-current')).resolves.toBe('page');
    const rows = await page.$eval('header.app-header', (header) => new Set([...header.children].map((c) => Math.round(c.getBoundingClientRect().top + c.getBoundingClientRect().height / 2))).size);
    expect(rows).toBe(1);
    expect(await page.$$eval('.view-nav a', (links) => links.length)).toBe(8);
  });

  it('shows each dropped file\'s kind before sending, and warns about a file of no known kind', async () => {
    await dropFiles([...exampleFiles, { name: 'notater.csv', bytes: Buffer.from('dato;notat\n01.09.2025;hei\n') }]);
    await page.waitForSelector('#import-files-table');
    expect(await shownKinds()).toEqual({
      'arshjul.csv': 'yearwheel',
      'droftinger.tsv': 'discussions',
      'kompetansedeltakelse.csv': 'competence_participation',
      'kompetansesatsinger.csv': 'competence_efforts',
      'motelogg.csv': 'meetings',
      'notater.csv': 'unknown',
      'saker.csv': 'cases',
      'skoler.csv': 'schools',
      'tiltak.csv': 'measures',
    });
    await expect(page.textContent('#import-files-table tr[data-file="motelogg.csv"]')).resolves.toContain('Windows-1252, semikolon');
    await expect(page.textContent('#import-files-table tr[data-file="saker.csv"]')).resolves.toContain('beskrivelse, elevnavn');
    await expect(page.textContent('#import-unknown-warning')).resolves.toMatch(/^Én fil har ukjent filtype og sendes ikke/);
    await expect(page.textContent('#import-send')).resolves.toBe('Les inn 8 filer');
    // Nothing was sent yet.
    const schools = await app.db.connection.runAndReadAll(`SELECT count(*)::INTEGER FROM schools WHERE school_id = '980000001'`);
    expect(schools.getRows()[0]![0]).toBe(0);
    await saveScreenshot(page, 'import-dropped-1366');
  });

  it('imports the recognised files as one batch and shows the documented report and rejections', async () => {
    // Every text the progress column shows while the batch is sent and imported.
    await page.evaluate(() => {
      const seen = new Set<string>();
      (window as unknown as { stageTexts: Set<string> }).stageTexts = seen;
      new MutationObserver(() => document.querySelectorAll('#import-files-table .import-stage').forEach((e) => seen.add(e.textContent ?? ''))).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    await page.click('#import-send');
    await page.waitForSelector('#import-report');
    const texts = await page.evaluate(() => [...(window as unknown as { stageTexts: Set<string> }).stageTexts]);
    // The server's stages (GET /api/imports/stage) as they come; how many are seen depends on the machine's speed.
    const allowed = /^(Venter|Sendt .* av .*|Serveren leser inn …|Serveren leser og kontrollerer filene …|Serveren lagrer radene …|Serveren lagrer de avviste radene …|Serveren regner ut nøkkeltallene på nytt …|Ferdig)$/;
    expect(texts.filter((t) => !allowed.test(t)), JSON.stringify(texts)).toEqual([]);
    console.info(`import page stages seen: ${JSON.stringify(texts)}`);
    await waitForDashboard(page);
    const expected = Object.fromEntries(
      Object.entries(expectedFiles).map(([name, f]) => [name, [String(f.read), String(f.inserted), '0', '0', String(f.rejections.length), f.ignored.length ? f.ignored.join(', ') : '–']]),
    );
    expect(await reportRows()).toEqual(expected);
    const stages = await page.$$eval('#import-files-table .import-stage', (all) => all.map((e) => e.textContent));
    expect(stages).toEqual(Array(8).fill('Ferdig'));
    // The same files cannot be sent twice by a second click.
    await expect(page.$('#import-send')).resolves.toBeNull();
    const sakerRejections = await page.$$eval('.import-rejections[data-file="saker.csv"] tbody tr', (rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
    expect(sakerRejections).toEqual(expectedFiles['saker.csv']!.rejections.map(([line, column, reason]) => [String(line), column, reason]));
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('import-result-heading');
    await saveScreenshot(page, 'import-report-1366');
    expect(await axeViolations(page)).toEqual([]);
  });

  let fixFile = '';
  it('downloads the rejected rows of saker.csv as Norwegian Excel CSV in the file\'s own columns', async () => {
    const index = await page.$$eval('.import-rejections', (all) => all.findIndex((s) => (s as HTMLElement).dataset.file === 'saker.csv'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`#download-rejected-${index}`)]);
    expect(download.suggestedFilename()).toBe('saker-avviste-rader.csv');
    fixFile = readFileSync((await download.path())!, 'utf8');
    const lines = fixFile.split('\r\n');
    expect(lines[0]).toBe('\uFEFFÅrsak til avvisning;case_id;school_id;kind;first_concern_date;reported_date;consent_date;grade;topic;legal_area;challenges;student_ref;closed_date;outcome;beskrivelse;elevnavn');
    expect(lines[1]).toBe('grade: må være et heltall fra 1 til 10;SAK-106;980000003;individual;2024-09-10;;2024-09-12;11;fravaer;kap11;;E-2004;;;;');
    expect(lines[6]).toMatch(/;SAK-111;980000002;individual;2024-09-24;;;7;fravaer;kap11;;E-2009;;;Mor ringte, fnr 25\.09\.11 404 81;$/);
    // Ten rejected lines, one row each, and the file ends with CRLF.
    expect(lines).toHaveLength(12);
    expect(lines[11]).toBe('');
  });

  it('a fixed row dropped again is accepted; the rows still wrong are rejected again', async () => {
    const fixed = fixFile.replace(';SAK-106;980000003;individual;2024-09-10;;2024-09-12;11;', ';SAK-106;980000003;individual;2024-09-10;;2024-09-12;5;');
    expect(fixed).not.toBe(fixFile);
    await page.setInputFiles('#import-files', { name: 'saker-avviste-rader.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed, 'utf8') });
    await page.waitForSelector('#import-files-table tr[data-file="saker-avviste-rader.csv"]');
    expect(await shownKinds()).toEqual({ 'saker-avviste-rader.csv': 'cases' });
    await expect(page.isVisible('#import-report')).resolves.toBe(false);
    await page.click('#import-send');
    await page.waitForSelector('#import-report');
    // SAK-106 is new now; SAK-101 (a repeat in the first file) stands alone and updates the case.
    expect(await reportRows()).toEqual({ 'saker-avviste-rader.csv': ['10', '1', '1', '0', '8', 'Årsak til avvisning, beskrivelse, elevnavn'] });
    const lines = await page.$$eval('.import-rejections tbody tr th', (cells) => cells.map((c) => Number(c.textContent)));
    expect(lines).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    const grade = await app.db.connection.runAndReadAll(`SELECT grade FROM cases WHERE case_id = 'SAK-106'`);
    expect(grade.getRows()).toEqual([[5]]);
  });

  it('a refused file shows its reason, and the history lists it above the loaded imports', async () => {
    // UTF-16 with an odd number of bytes: the page reads its header, the server refuses the file.
    const odd = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('skole_id;skolenavn;kommune\nS-ODD;Skole;Fjordvik\n', 'utf16le'), Buffer.from([0x41])]);
    await dropFiles([{ name: 'unicode.csv', bytes: odd }]);
    await page.waitForSelector('#import-files-table tr[data-file="unicode.csv"]');
    await page.click('#import-send');
    await page.waitForSelector('#import-failure-reason');
    await expect(page.textContent('#import-failure-reason')).resolves.toBe(
      'unicode.csv: filen er lagret som UTF-16 («Unicode-tekst»), men har et odde antall byte: den er avkuttet eller skadet. Lagre den på nytt fra Excel som «CSV UTF-8» og prøv igjen',
    );
    await page.waitForSelector('#import-history tbody tr[data-outcome="refused"]');
    const rows = await page.$$eval('#import-history tbody tr', (all) =>
      all.slice(0, 3).map((r) => [(r as HTMLElement).dataset.outcome, r.children[1]!.textContent, r.children[2]!.textContent, r.children[4]!.textContent]),
    );
    expect(rows).toEqual([
      ['refused', 'admin', 'unicode.csv', '–'],
      ['loaded_with_rejections', 'admin', 'saker-avviste-rader.csv', '10'],
      ['loaded_with_rejections', 'admin', expect.stringContaining('saker.csv'), '56'],
    ]);
    await expect(page.textContent('#import-history tbody tr[data-outcome="refused"] .import-refusal-reason')).resolves.toMatch(/^unicode\.csv: filen er lagret som UTF-16/);
    await expect(page.textContent('#import-history tbody tr td')).resolves.toMatch(/^\d\d\.\d\d\.\d{4} \d\d:\d\d$/);
    await page.$eval('#import-history-section', (e) => e.scrollIntoView());
    await saveScreenshot(page, 'import-history-1366');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('a downloaded template is recognised as its kind when dropped', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#template-deviations')]);
    expect(download.suggestedFilename()).toBe('mal-deviations.csv');
    await dropFiles([{ name: 'mal-deviations.csv', bytes: readFileSync((await download.path())!) }]);
    await page.waitForSelector('#import-files-table tr[data-file="mal-deviations.csv"]');
    expect(await shownKinds()).toEqual({ 'mal-deviations.csv': 'deviations' });
  });

  it('above 10,000 rejections the page says it lists the first 10,000 of N, and the fix file holds all N', async () => {
    // 10,050 schools without a name (a required column): every row rejected, on lines 2 to 10,051.
    const rows = Array.from({ length: 10_050 }, (_, i) => `UTEN-NAVN-${i};;Fjordvik`);
    await dropFiles([{ name: 'mange-feil.csv', bytes: Buffer.from(['skole_id;skolenavn;kommune', ...rows].join('\n') + '\n') }]);
    await page.waitForSelector('#import-files-table tr[data-file="mange-feil.csv"]');
    await page.click('#import-send');
    await page.waitForSelector('#import-report', { timeout: 240_000 });
    // Numbers as the page writes them: groups of three apart by a no-break space.
    await expect(page.textContent('.import-rejections[data-file="mange-feil.csv"] h3')).resolves.toBe('Avviste rader i mange-feil.csv (10\u00a0050)');
    await expect(page.textContent('#rejections-omitted-0')).resolves.toBe(
      'Rapporten viser de første 10\u00a0000 av 10\u00a0050 avviste rader. Filen med avviste rader har alle 10\u00a0050: den henter resten fra karantenen.',
    );
    // 200 rows are shown; the rest of all 10,050 is counted.
    await expect(page.textContent('#rejections-more-0')).resolves.toBe('… og 9\u00a0850 til (alle står i filen med avviste rader).');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-rejected-0')]);
    const lines = readFileSync((await download.path())!, 'utf8').split('\r\n');
    // The header, 10,050 rows, and the empty string after the last CRLF.
    expect(lines).toHaveLength(10_052);
    expect(lines[10_050]).toMatch(/;UTEN-NAVN-10049;;Fjordvik$/);
    await saveScreenshot(page, 'import-omitted-1366');
  }, 300_000);

  it('says so before sending when the files are over the server\'s 50 MB', async () => {
    await page.evaluate(() => {
      const header = new TextEncoder().encode('skole_id;skolenavn;kommune\n');
      const big = new Uint8Array(51 * 1024 * 1024).fill(0x41);
      big.set(header);
      const transfer = new DataTransfer();
      transfer.items.add(new File([big], 'stor.csv', { type: 'text/csv' }));
      document.getElementById('import-drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    });
    await page.waitForSelector('#import-too-large');
    await expect(page.textContent('#import-too-large')).resolves.toBe('Filene er 51 MB til sammen; serveren tar imot høyst 50 MB i én import. Slipp dem i flere omganger.');
    await expect(page.isDisabled('#import-send')).resolves.toBe(true);
  });

  it('at 390 px the page has no horizontal scroll and passes axe', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'import-390');
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 900 });
    // The sign-in asks GET /api/session signed out first: its 401 is expected, as is the refused upload's 422.
    expect(errors.filter((e) => !/status of 401/.test(e) && !/status of 422/.test(e))).toEqual([]);
  });

  it('an .xlsx with two kinds on two sheets: sent as a workbook, reported per sheet with Excel rows', async () => {
    await page.click('#import-clear');
    await dropFiles([{ name: 'moter-og-skoler.xlsx', bytes: readFileSync(join(projectRoot, 'tests/fixtures/xlsx/moter-og-skoler.xlsx')) }]);
    await page.waitForSelector('#import-files-table');
    expect(await shownKinds()).toEqual({ 'moter-og-skoler.xlsx': 'workbook' });
    await page.click('#import-send');
    await page.waitForSelector('#import-report');
    // Read, inserted, updated, unchanged, rejected, ignored columns: tests/fixtures/xlsx/README.md.
    expect(await reportRows()).toEqual({
      'moter-og-skoler.xlsx › Skoler': ['2', '2', '0', '0', '0', '–'],
      'moter-og-skoler.xlsx › Møtelogg': ['4', '3', '0', '0', '1', '–'],
    });
    const rejections = await page.$$eval('.import-rejections[data-file="moter-og-skoler.xlsx › Møtelogg"] tbody tr', (rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
    expect(rejections).toEqual([['5', 'B (Skole_ID)', 'school_id finnes ikke i schools (verken i databasen eller i denne importen)']]);
    // A workbook is fixed in Excel: no CSV fix file is offered for it.
    await expect(page.$('.import-rejections[data-file="moter-og-skoler.xlsx › Møtelogg"] button')).resolves.toBeNull();
    await saveScreenshot(page, 'import-xlsx-1366');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('a municipality user has the page with their scope stated; a rector has no link to it', async () => {
    const other = await newDashboardContext(browser);
    const p = await other.newPage();
    try {
      await signInThroughForm(p, app.url, 'kommune', password('kommune'), '?view=import');
      await expect(p.textContent('#import-scope')).resolves.toBe('Du kan lese inn data for skolene i Fjordvik. Rader for andre skoler avvises med en årsak.');
      await other.clearCookies();
      await signInThroughForm(p, app.url, 'rektor', password('rektor'));
      await waitForDashboard(p);
      await expect(p.$('#nav-import')).resolves.toBeNull();
    } finally {
      await other.close();
    }
  });
});
