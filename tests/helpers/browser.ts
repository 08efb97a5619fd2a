/**
 * Browser tests drive Debian's Chromium through playwright-core (never a downloaded browser).
 * Without /usr/bin/chromium they are skipped with a notice, except in CI (CI=true), where a
 * missing browser fails the run instead of passing silently.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { projectRoot } from '../../etl/db/defaultPaths.ts';

export const chromiumPath = '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const screenshotDir = join(projectRoot, 'test-output', 'screenshots');

/** True when the browser tests can run; throws in CI when the browser is missing. */
export function chromiumAvailable(): boolean {
  if (existsSync(chromiumPath)) return true;
  if (process.env.CI === 'true') throw new Error(`${chromiumPath} is missing: CI must install Debian's chromium (see .ci/run)`);
  console.warn(`NOTICE: ${chromiumPath} not found, browser tests skipped (apt-get install chromium to run them).`);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}

/**
 * A context as a Norwegian user has it: bokmål locale (date inputs show dd.mm.yyyy), a
 * desktop window. `bypassCSP` only for tests that inject a tool (axe) as an inline script.
 */
export function newDashboardContext(browser: Browser, options: { bypassCSP?: boolean } = {}): Promise<BrowserContext> {
  return browser.newContext({
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    bypassCSP: options.bypassCSP ?? false,
  });
}

/** Collects console errors and uncaught exceptions of a page; a test asserts the list is empty. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

/** Saves a full-page screenshot under test-output/screenshots/ (git-ignored). */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
