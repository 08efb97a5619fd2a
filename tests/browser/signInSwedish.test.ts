/**
 * The sign-in page in Swedish (`?lang=sv`, signed out) in Chromium: every word of the form in
 * Swedish (written here by hand), `lang="sv"` on the page, a wrong password answered in
 * Swedish, no axe-core violations, no sideways scrolling at 390 and 1,366 px, and a right
 * password leads into the dashboard in Swedish. Screenshots:
 * test-output/screenshots/signin-sv-<width>.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, collectPageErrors, launchChromium, newDashboardContext, saveScreenshot } from '../helpers/browser.ts';
import { startAuthDashboardApp, waitForDashboard } from '../helpers/dashboardApp.ts';
import { axeViolations } from '../helpers/dashboardPage.ts';
import type { SampleApp } from '../helpers/sampleApp.ts';
import { waitForSignInForm } from '../helpers/signIn.ts';

let app: SampleApp;
let browser: Browser;
let page: Page;
let errors: string[];

describe.skipIf(!chromiumAvailable())('the Swedish sign-in page in Chromium', () => {
  beforeAll(async () => {
    [app, browser] = await Promise.all([startAuthDashboardApp(), launchChromium()]);
    // axe is injected as an inline script: this context bypasses the app's CSP.
    const context = await newDashboardContext(browser, { bypassCSP: true });
    page = await context.newPage();
    page.setDefaultTimeout(90_000);
    errors = collectPageErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the form in Swedish, at both widths, without axe violations', async () => {
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.goto(`${app.url}/?lang=sv`);
      await waitForSignInForm(page);
      await expect(page.getAttribute('html', 'lang')).resolves.toBe('sv');
      await expect(page.textContent('#signin-heading')).resolves.toBe('Logga in');
      await expect(page.textContent('label[for="signin-username"]')).resolves.toBe('Användarnamn');
      await expect(page.textContent('label[for="signin-password"]')).resolves.toBe('Lösenord');
      await expect(page.textContent('#signin-submit')).resolves.toBe('Logga in');
      await expect(page.textContent('.signin-panel p')).resolves.toBe('Siffrorna gäller barn och omfattas av sekretess. Logga in med användaren du har fått av administratören.');
      // No bokmål left on the page.
      const text = (await page.textContent('body')) ?? '';
      for (const word of ['Brukernavn', 'Passord', 'Logg inn']) expect(text, word).not.toContain(word);
      expect(await axeViolations(page)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `sideways scroll at ${width} px`).toBeLessThanOrEqual(0);
      await saveScreenshot(page, `signin-sv-${width}`);
    }
    // The signed-out page asks for the session first: that 401 is expected.
    expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  });

  it('a wrong password is answered in Swedish; the right one opens the dashboard in Swedish', async () => {
    await page.setViewportSize({ width: 1366, height: 900 });
    const kommune = app.users.find((u) => u.role === 'municipality')!;
    await page.getByLabel('Användarnamn').fill(kommune.username);
    await page.getByLabel('Lösenord').fill(`${kommune.password}-fel`);
    await page.click('#signin-submit');
    await page.waitForFunction(() => document.getElementById('signin-error')?.textContent !== '');
    await expect(page.textContent('#signin-error')).resolves.toBe('Fel användarnamn eller lösenord.');
    await expect(page.inputValue('#signin-password')).resolves.toBe('');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Lösenord').fill(kommune.password);
    await page.click('#signin-submit');
    await page.waitForSelector('#app[data-page="app"]');
    await waitForDashboard(page);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('sv');
    await expect(page.getAttribute('html', 'lang')).resolves.toBe('sv');
    await expect(page.textContent('.user-bar')).resolves.toContain('Inloggad som');
    expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  });
});
