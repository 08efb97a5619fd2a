/**
 * Issue 12's acceptance for accessibility and small screens, on every view at 1,366 and
 * 390 px: axe-core finds no violations, the page does not scroll sideways, and a screenshot
 * of each (test-output/screenshots/every-<view>-<width>.png, the window's top, and a
 * full-page one at 1,366 px, one from the view's heading at 390 px) is there to be looked at. One anonymous administrator (who may
 * use every view) on the sample data's school year 2025/26.
 *
 * A new view joins the loop by a line in `everyView` below (nothing else to change).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, collectPageErrors, launchChromium, newDashboardContext, saveScreenshot, screenshotDir } from '../helpers/browser.ts';
import { startDashboardApp, waitForDashboard } from '../helpers/dashboardApp.ts';
import { axeViolations } from '../helpers/dashboardPage.ts';
import type { SampleApp } from '../helpers/sampleApp.ts';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';

/** Every view with the query that shows it with data: the one list to extend. */
export const everyView: ReadonlyArray<{ readonly name: string; readonly query: string }> = [
  { name: 'overview', query: '?view=overview&year=2025&municipality=Fjordvik' },
  { name: 'comparison', query: '?view=comparison&year=2025&municipality=Fjordvik' },
  { name: 'school', query: '?view=school&year=2025&municipality=Fjordvik&school=990010014' },
  { name: 'yearwheel', query: '?view=yearwheel&year=2025&asOf=2026-03-01&municipality=Fjordvik&school=990010014' },
  { name: 'annualreview', query: '?view=annualreview&year=2025&asOf=2026-03-01&municipality=Fjordvik&school=990010014' },
  { name: 'competence', query: '?view=competence&year=2025&municipality=Fjordvik' },
  { name: 'log', query: '?view=log&year=2025&municipality=Fjordvik' },
  { name: 'deviations', query: '?view=deviations&year=2025&municipality=Fjordvik' },
  { name: 'deviations-sv', query: '?view=deviations&year=2025&municipality=Fjordvik&lang=sv' },
  { name: 'deviationreport', query: '?view=deviationreport&year=2025&municipality=Fjordvik' },
  { name: 'deviationreport-sv', query: '?view=deviationreport&year=2025&municipality=Fjordvik&lang=sv' },
  { name: 'yearwheel-sv', query: '?view=yearwheel&year=2025&asOf=2026-03-01&municipality=Fjordvik&school=990010014&lang=sv' },
  { name: 'log-sv', query: '?view=log&year=2025&municipality=Fjordvik&lang=sv' },
  { name: 'import', query: '?view=import' },
  { name: 'users', query: '?view=users' },
  { name: 'overview-sv', query: '?view=overview&year=2025&municipality=Fjordvik&lang=sv' },
  { name: 'overview-en', query: '?view=overview&year=2025&municipality=Fjordvik&lang=en' },
];

export const widths = [1366, 390] as const;

let app: SampleApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

describe.skipIf(!chromiumAvailable())('every view at 1,366 and 390 px (issue 12)', () => {
  beforeAll(async () => {
    app = await startDashboardApp();
    browser = await launchChromium();
    // axe is injected as an inline script: this context bypasses the app's CSP.
    context = await newDashboardContext(browser, { bypassCSP: true });
    page = await context.newPage();
    errors = collectPageErrors(page);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  for (const width of widths) {
    for (const view of everyView) {
      it(`${view.name} at ${width} px: no axe violations, no sideways scroll`, async () => {
        errors.length = 0;
        await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
        await page.goto(`${app.url}/${view.query}`);
        await waitForDashboard(page);
        // The view asked for is the one shown (not a fallback or "no access").
        expect(await page.$eval('main, #app', (el) => el.querySelector('[class*="view-"]')?.className ?? '')).not.toBe('');
        await expect(page.locator('[data-state="denied"], [data-state="error"]').count()).resolves.toBe(0);
        expect(await axeViolations(page)).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        mkdirSync(screenshotDir, { recursive: true });
        await page.screenshot({ path: join(screenshotDir, `every-${view.name}-${width}.png`) });
        if (width === 1366) await saveScreenshot(page, `every-${view.name}-${width}-full`);
        else {
          // On a phone the header and filters fill the first screen: one more from the view's heading.
          await page.evaluate(() => document.querySelector('main h1, #app h1')?.scrollIntoView({ block: 'start' }));
          await page.screenshot({ path: join(screenshotDir, `every-${view.name}-${width}-content.png`) });
        }
        expect(errors).toEqual([]);
      }, 120_000);
    }
  }
});
