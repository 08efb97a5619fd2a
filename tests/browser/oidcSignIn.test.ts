/**
 * Sign-in through an OpenID provider in Chromium: a real oidc-provider on localhost (another
 * site than the app's 127.0.0.1), a button per provider on the sign-in page, and for each
 * mapped role the landing view and menu that role should see; an unmapped user lands on the
 * "ingen tilgang ennå" page; sign-out goes on to the provider's logout. axe-core on the
 * sign-in page (with the provider buttons) and on the no-access page. Screenshots:
 * oidc-signin.png, oidc-<role>.png, oidc-no-access.png, oidc-no-access-sv.png, oidc-no-access-groups.png,
 * oidc-failed.png.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addMapping } from '../../etl/accounts/idpMappings.ts';
import { chromiumAvailable, collectPageErrors, launchChromium, newDashboardContext, saveScreenshot } from '../helpers/browser.ts';
import { dashboardDir, waitForDashboard } from '../helpers/dashboardApp.ts';
import { axeViolations } from '../helpers/dashboardPage.ts';
import { freePort, startOidcTestProvider, type OidcTestProvider } from '../helpers/oidcTestProvider.ts';
import { startAuthSampleApp, type SampleApp } from '../helpers/sampleApp.ts';

const havblikk = '990010014';
let app: SampleApp;
let idp: OidcTestProvider;
/** One Chromium for the file; each test's context is closed after it (its pages stop working). */
let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  if (chromiumAvailable()) browser = await launchChromium();
}, 60_000);
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});
afterAll(async () => {
  await browser?.close();
});

/** The browser logs the 401 of GET /api/session while signed out: expected, not an error. */
const realErrors = (list: readonly string[]) => list.filter((e) => !/status of 401/.test(e));

describe.skipIf(!chromiumAvailable())('OpenID sign-in in Chromium', () => {
  beforeAll(async () => {
    const port = await freePort();
    const appUrl = `http://127.0.0.1:${port}`;
    idp = await startOidcTestProvider({
      accounts: [
        { sub: 'adm-1', name: 'Ada Administrator', groups: ['grp-admins'] },
        { sub: 'kom-1', name: 'Kåre Kommune', org: 'org-fjordvik' },
        { sub: 'ppt-1', name: 'Per PPT', groups: ['grp-ppt-fjordvik'] },
        { sub: 'rek-1', name: 'Rita Rektor', groups: ['grp-rektor-havblikk'] },
        { sub: 'stranger-1', name: 'Siri Fremmed', org: 'org-elsewhere' },
      ],
      redirectUris: [`${appUrl}/auth/oidc/test/callback`],
      postLogoutRedirectUris: [`${appUrl}/`],
    });
    app = await startAuthSampleApp(
      {
        oidcProviders: [
          {
            id: 'test', label: 'Logg inn med Testkommunen-ID', issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret,
            redirectUrl: `${appUrl}/auth/oidc/test/callback`, scopes: 'openid profile rt', claimId: 'sub', claimOrganisation: 'org',
            claimGroups: 'groups', postLogoutUrl: `${appUrl}/`,
          },
        ],
        accessContact: 'Kari i IT-avdelingen, it@fjordvik.example',
      },
      { dashboardDir },
      port,
    );
    const conn = app.db.connection;
    const now = new Date('2026-11-23T10:00:00Z');
    await addMapping(conn, { provider: 'test', kind: 'group', value: 'grp-admins', role: 'admin' }, now);
    await addMapping(conn, { provider: 'test', kind: 'organisation', value: 'org-fjordvik', role: 'municipality', municipality: 'Fjordvik' }, now);
    await addMapping(conn, { provider: 'test', kind: 'group', value: 'grp-ppt-fjordvik', role: 'ppt', municipality: 'Fjordvik' }, now);
    await addMapping(conn, { provider: 'test', kind: 'group', value: 'grp-rektor-havblikk', role: 'rector', school_id: havblikk }, now);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await idp?.close();
  });

  async function freshPage(bypassCSP = false): Promise<{ page: Page; errors: string[] }> {
    const context = await newDashboardContext(browser, { bypassCSP });
    contexts.push(context);
    const page = await context.newPage();
    return { page, errors: collectPageErrors(page) };
  }

  async function clickProvider(page: Page, sub: string): Promise<void> {
    idp.nextLogin = sub;
    await page.goto(`${app.url}/`);
    await page.waitForSelector('a[data-provider="test"]');
    await page.click('a[data-provider="test"]');
  }

  it('the sign-in page shows the provider as a button above the local form, with no axe violations', async () => {
    const { page, errors } = await freshPage(true);
    await page.goto(`${app.url}/`);
    const button = page.locator('a[data-provider="test"]');
    await button.waitFor();
    expect(await button.textContent()).toBe('Logg inn med Testkommunen-ID');
    expect(await page.locator('#signin-username').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'oidc-signin');
    expect(realErrors(errors)).toEqual([]);
  });

  const roles = [
    { sub: 'adm-1', role: 'administrator', nav: ['nav-yearwheel', 'nav-overview', 'nav-comparison', 'nav-school', 'nav-log', 'nav-competence', 'nav-deviations', 'nav-import'], view: 'overview', file: 'admin' },
    { sub: 'kom-1', role: 'kommune', nav: ['nav-yearwheel', 'nav-overview', 'nav-comparison', 'nav-school', 'nav-competence', 'nav-deviations', 'nav-import'], view: 'overview', file: 'municipality' },
    { sub: 'ppt-1', role: 'PPT', nav: ['nav-yearwheel', 'nav-overview', 'nav-comparison', 'nav-school', 'nav-competence', 'nav-deviations'], view: 'overview', file: 'ppt' },
    { sub: 'rek-1', role: 'rektor', nav: ['nav-yearwheel', 'nav-overview', 'nav-comparison', 'nav-school', 'nav-deviations'], view: 'yearwheel', file: 'rector' },
  ];
  it.each(roles)('$sub signs in through the provider as $role and lands on the $view', async ({ sub, role, nav, view, file }) => {
    const { page, errors } = await freshPage();
    await clickProvider(page, sub);
    await page.waitForSelector('#app[data-page="app"]');
    await waitForDashboard(page);
    expect(new URL(page.url()).origin).toBe(app.url);
    expect(await page.textContent('#signed-in-user .user-role')).toBe(role);
    expect(await page.$$eval('.view-nav a', (links) => links.map((a) => a.id))).toEqual(nav);
    expect(await page.getAttribute(`#nav-${view}`, 'aria-current')).toBe('page');
    if (file === 'rector') expect(await page.textContent('#signed-in-user .user-scope')).toContain('Havblikk');
    await saveScreenshot(page, `oidc-${file}`);
    expect(realErrors(errors)).toEqual([]);
  });

  it('an unmapped user gets "ingen tilgang ennå" naming whom to ask, laid out like the sign-in page, with no axe violations', async () => {
    const { page, errors } = await freshPage(true);
    await clickProvider(page, 'stranger-1');
    await page.waitForURL(/\/auth\/no-access\?ref=[0-9a-f]{12}$/);
    await page.waitForSelector('#app[data-page="no-access"][data-ready="true"]');
    const ref = new URL(page.url()).searchParams.get('ref')!;
    expect(await page.textContent('h1')).toBe('Ingen tilgang ennå');
    expect(await page.textContent('#no-access-contact')).toBe('Kari i IT-avdelingen, it@fjordvik.example');
    expect(await page.textContent('#no-access-ask')).toBe('Be Kari i IT-avdelingen, it@fjordvik.example om tilgang. Forsøket ditt er registrert.');
    expect(await page.textContent('#no-access-ref')).toBe(ref);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nb');
    // The sign-in page's look: its header with the product's name and the language switch, one panel.
    expect(await page.locator('header.signin-header .brand-name').count()).toBe(1);
    expect(await page.locator('main.signin .signin-panel').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'oidc-no-access');
    // No session: the API still says signed out.
    expect(await page.evaluate(async () => (await fetch('/api/session')).status)).toBe(401);
    expect(realErrors(errors)).toEqual([]);
  });

  it('the no-access page in Swedish and English (the language switch), and back to the sign-in page in that language', async () => {
    const { page } = await freshPage(true);
    await page.goto(`${app.url}/auth/no-access?ref=0123456789ab`);
    await page.waitForSelector('#app[data-page="no-access"][data-ready="true"]');
    await page.click('a[hreflang="sv"]');
    await page.waitForSelector('html[lang="sv"] #app[data-page="no-access"][data-ready="true"]');
    expect(await page.textContent('h1')).toBe('Ingen åtkomst ännu');
    expect(await page.textContent('#no-access-ask')).toBe('Be Kari i IT-avdelingen, it@fjordvik.example om åtkomst. Ditt försök har registrerats.');
    expect(await page.textContent('#no-access-ref')).toBe('0123456789ab');
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'oidc-no-access-sv');
    await page.click('a[hreflang="en"]');
    await page.waitForSelector('html[lang="en"] #app[data-page="no-access"][data-ready="true"]');
    expect(await page.textContent('h1')).toBe('No access yet');
    expect(await page.textContent('#no-access-back')).toBe('Back to sign-in');
    await page.click('#no-access-back');
    await page.waitForSelector('#app[data-page="signin"]');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    // A reference that is not 12 hex digits is not shown.
    await page.goto(`${app.url}/auth/no-access?ref=%3Cb%3Ehi%3C%2Fb%3E`);
    await page.waitForSelector('#app[data-page="no-access"][data-ready="true"]');
    expect(await page.locator('#no-access-ref').count()).toBe(0);
  });

  it('when the provider’s groups could not be fetched, the no-access page says so (and shows no other reason from the URL)', async () => {
    // The redirect there is tested over HTTP (tests/server/auth/oidcGroups.test.ts); this is what the user reads.
    const { page, errors } = await freshPage(true);
    await page.goto(`${app.url}/auth/no-access?ref=0123456789ab&reason=groups_unavailable`);
    await page.waitForSelector('#app[data-page="no-access"][data-ready="true"]');
    expect(await page.textContent('#no-access-reason')).toBe(
      'Vi fikk ikke hentet gruppene dine fra identitetsleverandøren, og rollen din avhenger av dem. Prøv igjen om litt; virker det fortsatt ikke, be om hjelp.',
    );
    expect(await page.textContent('#no-access-ref')).toBe('0123456789ab');
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'oidc-no-access-groups');
    await page.click('a[hreflang="en"]');
    await page.waitForSelector('html[lang="en"] #app[data-page="no-access"][data-ready="true"]');
    expect(await page.textContent('#no-access-reason')).toMatch(/^We could not fetch your groups/);
    await page.goto(`${app.url}/auth/no-access?ref=0123456789ab&reason=%3Cb%3Ehi%3C%2Fb%3E`);
    await page.waitForSelector('#app[data-page="no-access"][data-ready="true"]');
    expect(await page.locator('#no-access-reason').count()).toBe(0);
    expect(realErrors(errors)).toEqual([]);
  });

  it('a refused provider sign-in shows why on the sign-in page', async () => {
    const { page } = await freshPage();
    await page.goto(`${app.url}/?signin=failed`);
    await page.waitForSelector('#provider-signin-failed');
    expect(await page.textContent('#provider-signin-failed')).toMatch(/ikke godtatt/);
    await saveScreenshot(page, 'oidc-failed');
  });

  it('signing out ends the session here and goes on to the provider’s logout', async () => {
    const { page } = await freshPage();
    await clickProvider(page, 'kom-1');
    await page.waitForSelector('#app[data-page="app"]');
    await waitForDashboard(page);
    await page.click('#sign-out');
    await page.waitForURL((url) => url.origin === new URL(idp.issuer).origin);
    expect(new URL(page.url()).pathname).toBe('/session/end');
    const back = await page.context().newPage();
    await back.goto(`${app.url}/`);
    expect(await back.evaluate(async () => (await fetch('/api/session')).status)).toBe(401);
  });
});

describe.skipIf(!chromiumAvailable())('user administration in Chromium (?view=users)', () => {
  let usersApp: SampleApp;
  beforeAll(async () => {
    usersApp = await startAuthSampleApp({}, { dashboardDir });
  }, 60_000);
  afterAll(async () => {
    await usersApp?.close();
  });

  /** Signs in through the form at `query`, where the app lands once signed in. */
  async function signedInPage(role: string, bypassCSP = false, query = ''): Promise<{ page: Page; errors: string[] }> {
    const context = await newDashboardContext(browser, { bypassCSP });
    contexts.push(context);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const demo = usersApp.users.find((x) => x.role === role)!;
    await page.goto(`${usersApp.url}/${query}`);
    await page.waitForSelector('#signin-username');
    await page.getByLabel('Brukernavn').fill(demo.username);
    await page.getByLabel('Passord').fill(demo.password);
    await page.click('#signin-submit');
    await page.waitForSelector('#app[data-page="app"]');
    await waitForDashboard(page);
    return { page, errors };
  }

  it('an administrator adds a user (password shown once), disables them, and the page has no axe violations', async () => {
    const { page, errors } = await signedInPage('admin', true);
    await page.click('#users-link');
    await page.waitForSelector('#table-users');
    await waitForDashboard(page);
    const names = await page.$$eval('#table-users tbody tr th', (ths) => ths.map((th) => th.textContent));
    expect(names).toEqual(['admin', 'kommune', 'ppt', 'rektor']);
    expect(await axeViolations(page)).toEqual([]);
    await page.fill('#user-add-name', 'ny-ppt');
    await page.selectOption('#user-add-role', 'ppt');
    await page.selectOption('#user-add-municipality', 'Fjordvik');
    await page.click('#user-add-submit');
    await page.waitForFunction(() => /La til ny-ppt\. Passord \(vises bare nå\): [A-Za-z0-9_-]{24}$/.test(document.getElementById('users-status')?.textContent ?? ''));
    // The list is read again after the change.
    await page.waitForFunction(() => [...document.querySelectorAll('#table-users tbody tr th')].some((th) => th.textContent === 'ny-ppt'));
    await page.click('button[aria-label="Deaktiver ny-ppt"]');
    await page.waitForSelector('button[aria-label="Aktiver ny-ppt"]');
    await saveScreenshot(page, 'users-admin');
    expect(realErrors(errors)).toEqual([]);
  });

  it('an administrator changes a mapping’s role and scope (in Swedish too), and the page has no axe violations', async () => {
    const mapping = await addMapping(usersApp.db.connection, { provider: 'test', kind: 'group', value: 'grp-endres', role: 'ppt', municipality: 'Fjordvik' }, new Date('2026-11-23T10:00:00Z'));
    const { page, errors } = await signedInPage('admin', true, '?view=users');
    await page.waitForSelector('#mapping-change-id');
    await waitForDashboard(page);
    const row = () => page.$$eval('#table-mappings tbody tr', (trs) => trs.map((tr) => [...tr.children].slice(0, 5).map((c) => c.textContent)).find((cells) => cells[2] === 'grp-endres'));
    expect(await row()).toEqual(['test', 'gruppe', 'grp-endres', 'PPT', 'Fjordvik']);
    await page.selectOption('#mapping-change-id', String(mapping.mapping_id));
    // The fields show the mapping's grant before anything is changed.
    expect(await page.inputValue('#mapping-change-role')).toBe('ppt');
    expect(await page.inputValue('#mapping-change-municipality')).toBe('Fjordvik');
    await page.selectOption('#mapping-change-role', 'rector');
    await page.selectOption('#mapping-change-school', havblikk);
    await page.click('#mapping-change-submit');
    await page.waitForFunction(() => document.getElementById('users-status')?.textContent === 'Endret koblingen.');
    // The list is read again after the change.
    await page.waitForFunction(() => [...document.querySelectorAll('#table-mappings tbody tr')].some((tr) => tr.children[2]?.textContent === 'grp-endres' && tr.children[3]?.textContent === 'rektor'));
    expect((await row())![4]).toMatch(/^Havblikk.*, Fjordvik$/);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('#mapping-change-heading').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'users-mapping-change');
    await page.goto(`${usersApp.url}/?view=users&lang=sv`);
    await page.waitForSelector('#mapping-change-heading');
    expect(await page.textContent('#mapping-change-heading')).toBe('Ändra koppling');
    expect(await page.textContent('#mapping-change-submit')).toBe('Spara kopplingen');
    expect(realErrors(errors)).toEqual([]);
  });

  it('the «Endre rolle» fields start at the chosen user’s current role and scope, not at «administrator»', async () => {
    const { page, errors } = await signedInPage('admin');
    await page.goto(`${usersApp.url}/?view=users`);
    await page.waitForSelector('#user-change-name');
    await waitForDashboard(page);
    const fields = () => Promise.all(['#user-change-role', '#user-change-municipality', '#user-change-school'].map((s) => page.inputValue(s)));
    // The demo users, as `npm start` makes them: ppt and kommune for Fjordvik, rektor at Havblikk.
    await page.selectOption('#user-change-name', 'ppt');
    expect(await fields()).toEqual(['ppt', 'Fjordvik', '']);
    await page.selectOption('#user-change-name', 'rektor');
    expect(await fields()).toEqual(['rector', '', havblikk]);
    await page.selectOption('#user-change-name', 'kommune');
    expect(await fields()).toEqual(['municipality', 'Fjordvik', '']);
    await page.selectOption('#user-change-name', 'admin');
    expect(await fields()).toEqual(['admin', '', '']);
    // Saving the shown grant unchanged leaves the user as they were.
    await page.selectOption('#user-change-name', 'rektor');
    await page.click('#user-change-submit');
    await page.waitForFunction(() => /rektor/.test(document.getElementById('users-status')?.textContent ?? ''));
    await page.waitForFunction(() => [...document.querySelectorAll('#table-users tbody tr')].some((tr) => tr.children[0]?.textContent === 'rektor'));
    const rektorRow = await page.$$eval('#table-users tbody tr', (trs) => trs.map((tr) => [...tr.children].slice(0, 3).map((c) => c.textContent)).find((c) => c[0] === 'rektor'));
    expect(rektorRow).toEqual(['rektor', 'rektor', 'Havblikk skole, Fjordvik']);
    expect(realErrors(errors)).toEqual([]);
  });

  it('a municipality user sees only their municipality’s users; a rector has no link and is refused', async () => {
    const { page } = await signedInPage('municipality', false, '?view=users');
    await page.waitForSelector('#table-users');
    const names = await page.$$eval('#table-users tbody tr th', (ths) => ths.map((th) => th.textContent));
    expect(names).not.toContain('admin');
    expect(names).toContain('rektor');
    await saveScreenshot(page, 'users-municipality');
    const rector = await signedInPage('rector');
    expect(await rector.page.locator('#users-link').count()).toBe(0);
    await rector.page.goto(`${usersApp.url}/?view=users`);
    await waitForDashboard(rector.page);
    expect(await rector.page.locator('#table-users').count()).toBe(0);
  });
});
