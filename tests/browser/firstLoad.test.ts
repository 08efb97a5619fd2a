/**
 * What the landing page loads before its first chart (issue 9, point 5): only the overview's
 * own code (no import page, user list, year wheel, competence, deviation or log view), every
 * file from the app's own server (no CDN: the dashboard works offline), the overview's six
 * figure requests asked before the view's code runs (it is only preloaded), and each of them once (the view
 * finds the early answers in the page's cache instead of asking again), the sections below
 * the first chart drawn only after it has been painted. Another view's code
 * arrives when that view is opened, a language's dictionary when the page is switched to it.
 */
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, collectPageErrors, launchChromium, newDashboardContext, saveScreenshot } from '../helpers/browser.ts';
import { startDashboardApp, waitForDashboard } from '../helpers/dashboardApp.ts';
import type { SampleApp } from '../helpers/sampleApp.ts';

let app: SampleApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let requests: string[];
/** The scripts' texts as the landing page received them. */
let scriptBodies: Promise<string>[];

/** A script's file name without vite's content hash: `/assets/importView-CYTM7mxb.js` → `importView`. */
const chunkName = (url: string) => new URL(url).pathname.replace(/^\/assets\//, '').replace(/-[\w-]{8}\.js$/, '');
const scripts = () => requests.filter((url) => new URL(url).pathname.endsWith('.js')).map(chunkName);
const apiCalls = () => requests.filter((url) => new URL(url).pathname.startsWith('/api/')).map((url) => decodeURIComponent(url.slice(app.url.length)));

describe.skipIf(!chromiumAvailable())('the landing page loads only what its first view needs (issue 9)', () => {
  beforeAll(async () => {
    app = await startDashboardApp();
    browser = await launchChromium();
    context = await newDashboardContext(browser);
    page = await context.newPage();
    errors = collectPageErrors(page);
    requests = [];
    scriptBodies = [];
    page.on('request', (request: Request) => void requests.push(request.url()));
    // Each section's state at the moment the first chart is marked as painted (perf/firstChart.ts).
    await page.addInitScript(() => {
      const mark = performance.mark.bind(performance);
      performance.mark = (name: string, options?: PerformanceMarkOptions) => {
        if (name === 'first-chart') {
          (window as unknown as { statesAtFirstChart: string[] }).statesAtFirstChart = [...document.querySelectorAll<HTMLElement>('main section.panel')].map((s) => `${s.id}:${s.dataset.state}`);
        }
        return mark(name, options);
      };
    });
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.endsWith('.js')) scriptBodies.push(response.text().catch(() => ''));
    });
    // The bars' answer (the schools' figures) is held back until the four series have come,
    // so the sections below would be drawn first if they did not wait for the bars' paint.
    let seriesCame!: () => void;
    const series = new Promise<void>((resolve) => (seriesCame = resolve));
    let seriesDone = 0;
    page.on('requestfinished', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/series/') && ++seriesDone === 4) seriesCame();
    });
    const barsAnswer = /\/api\/figures\?.*by=school/;
    await page.route(barsAnswer, async (route) => {
      await series;
      await route.continue();
    });
    await page.goto(`${app.url}/?view=overview&year=2025&municipality=Fjordvik&figure=meetings_held`);
    await waitForDashboard(page);
    await page.unroute(barsAnswer);
    await saveScreenshot(page, 'first-load-overview');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('draws the overview from the app’s own server only', async () => {
    expect(await page.locator('#bars svg.chart-svg').count()).toBe(1);
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.filter((url) => !url.startsWith(`${app.url}/`) && !url.startsWith('data:'))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('loads the overview’s code and the chart libraries, but no other view’s code or language', async () => {
    const loaded = scripts();
    expect(loaded).toContain('overviewView');
    expect(loaded).toContain('plot');
    // Tables come as JSON (api/tableRows.ts): no Arrow decoder on the way to the first chart.
    expect(loaded.filter((name) => name.startsWith('arrow'))).toEqual([]);
    // Few files, as the browser fetches six at a time: the warm-up, the entry, the overview's code, Plot (and the bundler's runtime).
    expect([...loaded].sort()).toEqual(['index', 'overviewView', 'plot', 'rolldown-runtime', 'warmIntl']);
    // Bokmål only: the English and Swedish dictionaries come when the page is switched to them.
    expect(loaded).not.toContain('enPack');
    expect(loaded).not.toContain('svPack');
    // Nor inside another chunk: the import page's and the user list's headings are nowhere in what came.
    const bodies = await Promise.all(scriptBodies);
    expect(bodies.length).toBe(loaded.length);
    for (const body of bodies) {
      expect(body).not.toContain('Importer data');
      expect(body).not.toContain('Brukere og tilganger');
    }
    for (const other of ['importView', 'usersView', 'yearWheelView', 'annualReviewView', 'competenceView', 'deviationsView', 'deviationReportView', 'logView', 'comparisonView', 'schoolView']) {
      expect(loaded, other).not.toContain(other);
    }
  });

  it('asks for the six figure answers once each; the overview’s code is preloaded', () => {
    const q = 'asOf=2026-07-31&from=2025-08-01&municipality=Fjordvik';
    // The metadata in its column form, once: the page's request is the one index.html preloads.
    expect(apiCalls().filter((call) => call.startsWith('/api/meta'))).toEqual(['/api/meta?form=columns']);
    const figureCalls = apiCalls().filter((call) => !call.startsWith('/api/session') && !call.startsWith('/api/meta'));
    // Written out from the overview's sections: the table and bars, the monthly chart, the durations, survival and incidence.
    expect([...figureCalls].sort()).toEqual(
      [
        `/api/figures?${q}&to=2026-07-31`,
        `/api/figures?asOf=2026-07-31&by=school&from=2025-08-01&municipality=Fjordvik&to=2026-07-31`,
        `/api/series/durations?${q}&to=2026-07-31`,
        `/api/series/monthly?${q}&to=2026-07-31`,
        `/api/series/monthly?asOf=2026-07-31&by=school&from=2025-08-01&municipality=Fjordvik&to=2026-07-31`,
        `/api/series/survival?${q}&to=2026-07-31`,
      ].sort(),
    );
    // The overview's code and the libraries are only preloaded by index.html (fetched and
    // compiled while /api/meta comes, run by main.ts after these requests have gone out).
    const preloaded = requests.filter((url) => url.endsWith('.js')).slice(0, 25).map(chunkName);
    expect(preloaded).toEqual(expect.arrayContaining(['overviewView', 'plot']));
  });

  it('paints the bars (the first chart) before drawing the sections below them', async () => {
    const states = await page.evaluate(() => (window as unknown as { statesAtFirstChart?: string[] }).statesAtFirstChart);
    // The bars come first on the page; the table of schools × figures under them waits too.
    expect(states).toEqual(['bars:ready', 'schools:loading', 'monthly:loading', 'durations:loading', 'survival:loading', 'incidence:loading']);
    // …and they all draw after it.
    expect(await page.locator('main section.panel[data-state="ready"]').count()).toBe(6);
  });

  it('fetches another view’s code when that view is opened', async () => {
    requests.length = 0;
    await page.locator('#nav-import').click();
    await waitForDashboard(page);
    expect(scripts()).toContain('importView');
    expect(await page.locator('.view-import').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('fetches the Swedish dictionary when the page is switched to Swedish', async () => {
    requests.length = 0;
    await page.locator('.language-switch[lang="sv"]').click();
    await waitForDashboard(page);
    expect(scripts()).toContain('svPack');
    expect(scripts()).not.toContain('enPack');
    await expect(page.textContent('main h1')).resolves.toBe('Importera data');
    await expect(page.textContent('#nav-overview')).resolves.toBe('Översikt');
    expect(errors).toEqual([]);
  });
});
