/**
 * The competence page (`?view=competence`) in Chromium as the demo PPT user of Fjordvik, on
 * the sample data: the numbers shown equal GET /api/competence's (formatted here by hand),
 * schools not reached are named, the heatmap is reachable by keyboard and has a table, axe
 * finds nothing, the needs report downloads as CSV and prints on A4 (PDF), and the filters
 * change the page and the URL. One app, one browser, one page load; the rest is the page's
 * own navigation. Screenshots and the PDF: test-output/screenshots/competence-*.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Competence } from '../../dashboard/api/types.ts';
import { chromiumAvailable, collectPageErrors, launchChromium, newDashboardContext, saveScreenshot, screenshotDir } from '../helpers/browser.ts';
import { openChartTables, startAuthDashboardApp, waitForDashboard } from '../helpers/dashboardApp.ts';
import { axeViolations, nbsp } from '../helpers/dashboardPage.ts';
import type { SampleApp } from '../helpers/sampleApp.ts';
import { apiJson, signInThroughForm } from '../helpers/signIn.ts';

let app: SampleApp;
let browser: Browser;
let page: Page;
let errors: string[];
let api: Competence;

const year = 'from=2024-08-01&to=2025-07-31';
/** `0,8` → `80,0 %`: bokmål percent with one decimal, written here, not by the dashboard's formatter. */
const pct = (v: number | null) => (v === null ? '–' : `${(Math.round(v * 1000) / 10).toFixed(1).replace('.', ',')}${nbsp}%`);
const texts = (selector: string) => page.$$eval(selector, (els) => els.map((e) => e.textContent ?? ''));
const columnOf = (table: string, n: number) => texts(`${table} tbody tr > :nth-child(${n})`);

/**
 * The per-tier table against a reference from GET /api/competence alone: schools with known
 * staff; per tier and school the largest session of any of the tier's efforts (not their sum:
 * the same staff attend several efforts of a tier); over the known staff.
 */
async function expectTierShares(data: Competence): Promise<void> {
  const staff = new Map(data.schools.filter((s) => s.staff !== null).map((s) => [s.school_id, s.staff!]));
  const known = [...staff.values()].reduce((a, b) => a + b, 0);
  const tierOf = new Map(data.efforts.map((e) => [e.effort_id, e.tier]));
  const count = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, nbsp);
  const expected = [...new Set(data.efforts.map((e) => e.tier))].map((tier) => {
    const largest = new Map<string, number>();
    for (const r of data.reach) if (tierOf.get(r.effort_id) === tier && staff.has(r.school_id)) largest.set(r.school_id, Math.max(largest.get(r.school_id) ?? 0, r.participants_max));
    const reached = [...largest.values()].reduce((a, b) => a + b, 0);
    return [count(reached), count(known), pct(known > 0 ? reached / known : null)].join('|');
  });
  const shown = await page.$$eval('#competence-tiers details.chart-table tbody tr', (rows) => rows.map((r) => [...r.children].slice(1).map((c) => c.textContent).join('|')));
  expect(expected.length).toBeGreaterThan(1);
  expect(shown.sort()).toEqual(expected.sort());
}

describe.skipIf(!chromiumAvailable())('the competence page in Chromium', () => {
  beforeAll(async () => {
    [app, browser] = await Promise.all([startAuthDashboardApp(), launchChromium()]);
    const context = await newDashboardContext(browser, { bypassCSP: true });
    page = await context.newPage();
    errors = collectPageErrors(page);
    const ppt = app.users.find((u) => u.role === 'ppt')!;
    await signInThroughForm(page, app.url, ppt.username, ppt.password, '?view=competence&year=2024');
    api = await apiJson<Competence>(page, `/api/competence?${year}&municipality=Fjordvik`);
    await openChartTables(page);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the efforts, their reach and the schools not reached as the API gives them', async () => {
    await expect(page.textContent('h1')).resolves.toBe('Kompetanse: Fjordvik');
    expect(api.schools).toHaveLength(10);
    // The efforts' table: name → share of the staff reached.
    const names = await columnOf('#competence-timeline table', 1);
    const shares = await columnOf('#competence-timeline table', 10);
    expect(Object.fromEntries(names.map((n, i) => [n, shares[i]]))).toEqual(Object.fromEntries(api.efforts.map((e) => [e.name, pct(e.staff_reach_share)])));
    // Reach: one row per effort and school, the largest session and the share.
    const effortName = new Map(api.efforts.map((e) => [e.effort_id, e.name]));
    const schoolName = new Map(api.schools.map((s) => [s.school_id, s.school_name]));
    const shown = await page.$$eval('#table-competence-reach tbody tr', (rows) => rows.map((r) => [...r.children].map((c) => c.textContent).join('|')));
    expect(shown.sort()).toEqual(
      api.reach.map((r) => [effortName.get(r.effort_id), schoolName.get(r.school_id), r.sessions, r.participants_max, r.participants_total, r.staff, pct(r.reach_share)].join('|')).sort(),
    );
    // Every effort names the schools it has not reached.
    for (const e of api.efforts) {
      const reached = new Set(api.reach.filter((r) => r.effort_id === e.effort_id).map((r) => r.school_id));
      const missing = api.schools.filter((s) => !reached.has(s.school_id)).map((s) => s.school_name);
      expect(await texts(`#competence-unreached [data-effort="${e.effort_id}"] li`)).toEqual(missing);
    }
    expect(api.efforts.some((e) => e.schools_reached > 0 && e.schools_reached < 10)).toBe(true);
    await saveScreenshot(page, 'competence-ppt');
    for (const id of ['competence-timeline', 'competence-tiers', 'competence-reach', 'competence-heatmap', 'competence-needs']) {
      await page.locator(`#${id}`).screenshot({ path: join(screenshotDir, `${id}.png`) });
    }
  });

  it('per tier, the share of the staff reached equals the API counted here: per school the largest session of the tier', async () => {
    await expectTierShares(api);
  });

  it('ranks the recurring themes and challenges by schools, in words', async () => {
    const schoolsPerTopic = new Map<string, number>();
    for (const d of api.demand) if (d.system_cases + (d.individual_part_cases ?? 0) > 0) schoolsPerTopic.set(d.topic, (schoolsPerTopic.get(d.topic) ?? 0) + 1);
    const topics = await columnOf('#table-competence-themes', 1);
    const schools = (await columnOf('#table-competence-themes', 2)).map(Number);
    const shown = Object.fromEntries(topics.map((t, i) => [t, schools[i]]));
    expect(shown['Skolemiljø']).toBe(schoolsPerTopic.get('skolemiljo'));
    expect(shown['Tilpasset opplæring']).toBe(schoolsPerTopic.get('tilpasset_opplaering'));
    expect(topics).toHaveLength(schoolsPerTopic.size);
    expect([...schools]).toEqual([...schools].sort((a, b) => b - a));
    const challenges = await columnOf('#table-competence-challenges', 1);
    expect(challenges).toContain('Lesevansker');
    expect(challenges.some((c) => /^[a-z_]+$/.test(c))).toBe(false);
  });

  it('shows the themes and challenges per term for a school year: autumn and spring asked apart, in the year order', async () => {
    // The reference: each term's answer, counted here (a school counts when a case on the topic was discussed).
    const term = async (from: string, to: string) => apiJson<Competence>(page, `/api/competence?from=${from}&to=${to}&municipality=Fjordvik`);
    const [autumn, spring] = await Promise.all([term('2024-08-01', '2024-12-31'), term('2025-01-01', '2025-07-31')]);
    const schoolsOn = (data: Competence, topic: string) => data.demand.filter((d) => d.topic === topic && d.system_cases + (d.individual_part_cases ?? 0) > 0).length;
    const systemOn = (data: Competence, topic: string) => data.demand.filter((d) => d.topic === topic).reduce((a, d) => a + d.system_cases, 0);
    const rows = await page.$$eval('#table-competence-themes-terms tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
    const yearTopics = await columnOf('#table-competence-themes', 1);
    // Two rows per theme of the year, the terms in order, the themes in the year's order.
    expect(rows.map((r) => r[0])).toEqual(yearTopics.flatMap((t) => [t, t]));
    expect(rows.map((r) => r[1])).toEqual(yearTopics.flatMap(() => ['Høsten 2024', 'Våren 2025']));
    const at = (topic: string, label: string) => rows.find((r) => r[0] === topic && r[1] === label)!;
    for (const [topic, code] of [['Skolemiljø', 'skolemiljo'], ['Tilpasset opplæring', 'tilpasset_opplaering']] as const) {
      expect(Number(at(topic, 'Høsten 2024')[2])).toBe(schoolsOn(autumn, code));
      expect(Number(at(topic, 'Våren 2025')[2])).toBe(schoolsOn(spring, code));
      expect(Number(at(topic, 'Høsten 2024')[3])).toBe(systemOn(autumn, code));
      expect(Number(at(topic, 'Våren 2025')[3])).toBe(systemOn(spring, code));
    }
    // The challenges the same way: two rows per challenge.
    const challengeRows = await texts('#table-competence-challenges-terms tbody tr > :nth-child(2)');
    expect(challengeRows).toHaveLength(2 * (await columnOf('#table-competence-challenges', 1)).length);
    await page.locator('#competence-themes').screenshot({ path: join(screenshotDir, 'competence-themes-terms.png') });
  });

  it('the heatmap states its rule, has a table, and its cells are reachable by keyboard', async () => {
    await expect(page.textContent('#gap-rule')).resolves.toContain('tredjedelen av kommunens skoler');
    const topicsShown = (await columnOf('#table-competence-themes', 1)).length;
    await expect(page.locator('#competence-heatmap details.chart-table tbody tr').count()).resolves.toBe(10 * topicsShown);
    for (const label of await page.$$eval('.heatmap-cell.marked', (cells) => cells.map((c) => c.getAttribute('aria-label')))) expect(label).toMatch(/Stort behov, lav dekning$/);
    await page.focus('#competence-heatmap details.chart-table summary');
    // Backwards from the table's toggle: the grid is one tab stop before it.
    await page.keyboard.press('Shift+Tab');
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { cls: el?.getAttribute('class') ?? '', row: el?.dataset.row, column: el?.dataset.column, label: el?.getAttribute('aria-label') ?? '' };
    });
    expect(await focused()).toMatchObject({ cls: expect.stringContaining('heatmap-cell'), row: '0', column: '0' });
    expect((await focused()).label).toMatch(new RegExp(`^${api.schools[0]!.school_name}, `));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toMatchObject({ row: '1', column: '1' });
    expect((await focused()).label).toMatch(new RegExp(`^${api.schools[1]!.school_name}, .*drøftede saker, nådd`));
    await page.locator('#competence-heatmap').screenshot({ path: join(screenshotDir, 'competence-heatmap-focus.png') });
  });

  it('axe-core finds no violations', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the needs report downloads as CSV', async () => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('#competence-needs [data-export="csv"]')]);
    expect(file.suggestedFilename()).toBe('kompetansebehov-fjordvik-2024-08-01-2025-07-31.csv');
    const text = readFileSync(await file.path(), 'utf8');
    expect(text.startsWith('\ufeffTema;Skoler;Systemsaker;Individsaker;Systemtiltak;Tiltak på temaet;Ansatte nådd av tiltak;Skoler med størst gap\r\n')).toBe(true);
    const miljo = text.split('\r\n').find((l) => l.startsWith('Skolemiljø;'))!;
    const cells = miljo.split(';');
    const rows = api.demand.filter((d) => d.topic === 'skolemiljo');
    expect(Number(cells[2])).toBe(rows.reduce((s, d) => s + d.system_cases, 0));
    expect(Number(cells[3])).toBe(rows.reduce((s, d) => s + (d.individual_part_cases ?? 0), 0));
    expect(cells[5]).toBe('Trygt og godt skolemiljø');
    expect(Number(cells[6])).toBe(api.efforts.find((e) => e.theme === 'skolemiljo')!.staff_reached);
  });

  it('prints the needs report alone on A4, titled with municipality, period and date', async () => {
    await page.evaluate(() => (window.print = () => undefined));
    await page.click('#print-needs');
    await expect(page.title()).resolves.toBe('Kompetansebehov – Fjordvik – 01.08.2024–31.07.2025 – laget 23.11.2026');
    mkdirSync(screenshotDir, { recursive: true });
    const pdf = join(screenshotDir, 'competence-needs.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // A4 landscape: 297 × 210 mm = 841.89 × 595.28 pt.
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(bytes.toString('latin1'))!;
    expect(Math.round(Number(box[1]))).toBe(842);
    expect(Math.round(Number(box[2]))).toBe(595);
    try {
      const firstPage = execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
      expect(firstPage).toContain('Kompetansebehov – Fjordvik – 01.08.2024–31.07.2025 – laget 23.11.2026');
      expect(firstPage).not.toContain('Kompetansetiltak over tid');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; // no poppler-utils: the title check above stands
    }
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect(page.evaluate(() => document.body.classList.contains('print-needs'))).resolves.toBe(false);
  });

  it('the level and year filters change the page and the URL', async () => {
    await page.selectOption('#filter-level', 'ungdomsskole');
    await waitForDashboard(page);
    expect(new URL(page.url()).searchParams.get('level')).toBe('ungdomsskole');
    const levelApi = await apiJson<Competence>(page, `/api/competence?${year}&municipality=Fjordvik&level=ungdomsskole`);
    const youth = new Set(levelApi.schools.map((s) => s.school_name));
    expect(youth).toEqual(new Set(['Fjordvik ungdomsskole', 'Sjøbris ungdomsskole', 'Bølgen ungdomsskole']));
    const schools = await columnOf('#table-competence-reach', 2);
    expect(schools.length).toBe(levelApi.reach.length);
    for (const name of schools) expect(youth.has(name)).toBe(true);
    await page.selectOption('#filter-year', '2025');
    await waitForDashboard(page);
    expect(new URL(page.url()).searchParams.get('year')).toBe('2025');
    const nextYear = await apiJson<Competence>(page, `/api/competence?from=2025-08-01&to=2026-07-31&municipality=Fjordvik&level=ungdomsskole`);
    await openChartTables(page);
    const names = await columnOf('#competence-timeline table', 1);
    const shares = await columnOf('#competence-timeline table', 10);
    expect(Object.fromEntries(names.map((n, i) => [n, shares[i]]))).toEqual(Object.fromEntries(nextYear.efforts.map((e) => [e.name, pct(e.staff_reach_share)])));
    // 2025/26 has two efforts of tier 1 and two of tier 2: a school in both counts its larger session once.
    expect(nextYear.efforts.filter((e) => e.tier === 1).length).toBeGreaterThan(1);
    await expectTierShares(nextYear);
    await saveScreenshot(page, 'competence-ppt-ungdomsskole-2025');
  });

  it('switches to English, topics in words', async () => {
    await page.click('#language-switch');
    await waitForDashboard(page);
    await expect(page.textContent('h1')).resolves.toBe('Competence: Fjordvik');
    expect(await columnOf('#table-competence-themes', 1)).toContain('School environment');
    await saveScreenshot(page, 'competence-ppt-en');
    // The 401 of GET /api/session before signing in is expected.
    expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  });
});
