/** Signing in and out through the dashboard's own form, in the browser tests. */
import type { Page } from 'playwright-core';
import { waitForDashboard } from './dashboardApp.ts';

/** Waits until the sign-in form is showing. */
export async function waitForSignInForm(page: Page): Promise<void> {
  await page.waitForSelector('#app[data-page="signin"] #signin-username');
}

/** Fills in and submits the form (which must be showing). */
export async function submitSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Brukernavn').fill(username);
  await page.getByLabel('Passord').fill(password);
  await page.click('#signin-submit');
}

/** Opens `query` signed out, signs in through the form, and waits until the view is drawn. */
export async function signInThroughForm(page: Page, baseUrl: string, username: string, password: string, query = ''): Promise<void> {
  await page.goto(`${baseUrl}/${query}`);
  await waitForSignInForm(page);
  await submitSignIn(page, username, password);
  await page.waitForSelector('#app[data-page="app"]');
  await waitForDashboard(page);
}

/** GET an API answer as JSON from inside the page (with its session cookie). */
export function apiJson<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => {
    const response = await fetch(p, { headers: { Accept: 'application/json' } });
    return { status: response.status, body: await response.json() };
  }, path).then((r) => {
    if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
    return r.body as T;
  });
}
