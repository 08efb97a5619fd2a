/**
 * Sign-in through OpenID Connect against a real oidc-provider on localhost (happy paths,
 * mappings, state, replay, unregistered redirect URL, sign-out) and a hand-rolled provider
 * for the ID tokens a real one never issues (wrong issuer or audience, expired, another
 * nonce, another key). Each refusal is checked by its effect: no session cookie, 401 at
 * /api/session, the browser back at the sign-in page, and the reason in the audit log.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMapping } from '../../../etl/accounts/idpMappings.ts';
import type { OidcProviderConfig } from '../../../server/auth/oidc/oidcProviderConfig.ts';
import { startForgingProvider, type ForgingProvider } from '../../helpers/forgingOidcProvider.ts';
import { freePort, startOidcTestProvider, type OidcTestProvider } from '../../helpers/oidcTestProvider.ts';
import { RedirectWalker } from '../../helpers/redirectWalker.ts';
import { startAuthSampleApp, type SampleApp } from '../../helpers/sampleApp.ts';
import { AuthClient } from './authClient.ts';

const havblikk = '990010014';
const contact = 'Kari i IT-avdelingen, it@fjordvik.example';

let app: SampleApp;
let idp: OidcTestProvider;
let forger: ForgingProvider;
let appUrl: string;

/** The pseudonym key of startSampleApp (32 bytes of 7), and the reference written from the README's rule. */
function expectedRef(issuer: string, sub: string): string {
  return createHmac('sha256', Buffer.alloc(32, 7)).update(`oidc-subject\u0000${issuer}\u0000${sub}`).digest('hex');
}

function providerConfig(id: string, issuer: string, clientId: string, clientSecret: string, extra: Partial<OidcProviderConfig> = {}): OidcProviderConfig {
  return {
    id,
    label: `Logg inn med ${id}`,
    issuer,
    clientId,
    clientSecret,
    redirectUrl: `${appUrl}/auth/oidc/${id}/callback`,
    scopes: 'openid profile rt',
    claimId: 'sub',
    claimName: 'name',
    claimOrganisation: 'org',
    claimGroups: 'groups',
    ...extra,
  };
}

beforeAll(async () => {
  const port = await freePort();
  appUrl = `http://127.0.0.1:${port}`;
  idp = await startOidcTestProvider({
    accounts: [
      { sub: 'adm-1', name: 'Ada Administrator', groups: ['grp-admins', 'grp-staff'] },
      { sub: 'kom-1', name: 'Kåre Kommune', org: 'org-fjordvik' },
      { sub: 'rek-1', name: 'Rita Rektor', groups: ['grp-rektor-havblikk'] },
      { sub: 'ppt-1', name: 'Per PPT', org: 'org-elsewhere' },
      { sub: 'stranger-1', name: 'Siri Fremmed', org: 'org-elsewhere', groups: ['grp-staff'] },
      { sub: 'torn-1', name: 'Tor Tvetydig', groups: ['grp-a', 'grp-b'] },
    ],
    redirectUris: [`${appUrl}/auth/oidc/test/callback`],
    postLogoutRedirectUris: [`${appUrl}/`],
  });
  forger = await startForgingProvider();
  app = await startAuthSampleApp(
    {
      oidcProviders: [
        providerConfig('test', idp.issuer, idp.clientId, idp.clientSecret, { postLogoutUrl: `${appUrl}/` }),
        // The same client, with a redirect URL the provider never registered.
        providerConfig('unregistered', idp.issuer, idp.clientId, idp.clientSecret),
        providerConfig('forged', forger.issuer, forger.clientId, forger.clientSecret, { scopes: 'openid' }),
      ],
      accessContact: contact,
    },
    {},
    port,
  );
  const conn = app.db.connection;
  const now = new Date('2026-11-23T10:00:00Z');
  await addMapping(conn, { provider: 'test', kind: 'group', value: 'grp-admins', role: 'admin' }, now);
  await addMapping(conn, { provider: 'test', kind: 'organisation', value: 'org-fjordvik', role: 'municipality', municipality: 'Fjordvik' }, now);
  await addMapping(conn, { provider: 'test', kind: 'group', value: 'grp-rektor-havblikk', role: 'rector', school_id: havblikk }, now);
  // PPT by subject: wins over the organisation (unmapped here anyway).
  await addMapping(conn, { provider: 'test', kind: 'subject', value: expectedRef(idp.issuer, 'ppt-1'), role: 'ppt', municipality: 'Fjordvik' }, now);
  await addMapping(conn, { provider: 'test', kind: 'group', value: 'grp-a', role: 'rector', school_id: havblikk }, now);
  await addMapping(conn, { provider: 'test', kind: 'group', value: 'grp-b', role: 'municipality', municipality: 'Fjordvik' }, now);
  await addMapping(conn, { provider: 'forged', kind: 'subject', value: expectedRef(forger.issuer, 'forged-user'), role: 'municipality', municipality: 'Fjordvik' }, now);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await idp?.close();
  await forger?.close();
});

const appHost = () => new URL(appUrl).host;

/** The app's cookies of a walk as an AuthClient (to ask the API as that browser). */
function clientOf(walker: RedirectWalker): AuthClient {
  const client = new AuthClient(appUrl);
  for (const [k, v] of walker.jar(appHost())) client.cookies.set(k, v);
  return client;
}

async function signInAs(sub: string, provider = 'test') {
  idp.nextLogin = sub;
  const walker = new RedirectWalker();
  const walk = await walker.walk(`${appUrl}/auth/oidc/${provider}/start`);
  return { walker, walk, client: clientOf(walker) };
}

async function lastAudit(action: string): Promise<Record<string, unknown> | undefined> {
  const reader = await app.db.connection.runAndReadAll(
    `SELECT username, role, action, target, details FROM audit_log WHERE action = $a ORDER BY audit_id DESC LIMIT 1`,
    { a: action },
  );
  return reader.getRowObjectsJS()[0] as Record<string, unknown> | undefined;
}

async function expectRefused(walk: { last: URL }, walker: RedirectWalker, reason: RegExp): Promise<void> {
  expect(walk.last.href).toBe(`${appUrl}/?signin=failed`);
  expect(walker.jar(appHost()).has('rt_session')).toBe(false);
  expect((await clientOf(walker).get('/api/session')).status).toBe(401);
  const audit = await lastAudit('sign_in_failed');
  expect(String(audit?.details)).toMatch(reason);
}

describe('the sign-in page', () => {
  it('lists the configured providers without a session', async () => {
    const res = await fetch(`${appUrl}/api/session/providers`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      providers: [
        { id: 'test', label: 'Logg inn med test', start_url: '/auth/oidc/test/start' },
        { id: 'unregistered', label: 'Logg inn med unregistered', start_url: '/auth/oidc/unregistered/start' },
        { id: 'forged', label: 'Logg inn med forged', start_url: '/auth/oidc/forged/start' },
      ],
      access_contact: contact,
    });
  });
});

describe('sign-in through oidc-provider', () => {
  const cases = [
    { sub: 'adm-1', role: 'admin', municipality: null, school_id: null, via: 'a group' },
    { sub: 'kom-1', role: 'municipality', municipality: 'Fjordvik', school_id: null, via: 'the organisation' },
    { sub: 'rek-1', role: 'rector', municipality: 'Fjordvik', school_id: havblikk, via: 'a group' },
    { sub: 'ppt-1', role: 'ppt', municipality: 'Fjordvik', school_id: null, via: 'the subject' },
  ];
  it.each(cases)('$sub is $role through $via', async ({ sub, role, municipality, school_id }) => {
    const { walk, walker, client } = await signInAs(sub);
    // Out to the provider (another host) and back, with PKCE, state and nonce in the request.
    const authorize = walk.urls.find((u) => u.host === new URL(idp.issuer).host && u.pathname === '/auth')!;
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${appUrl}/auth/oidc/test/callback`);
    expect(walk.last.href).toBe(`${appUrl}/`);
    expect(walker.jar(appHost()).has('rt_session')).toBe(true);
    const ref = expectedRef(idp.issuer, sub);
    const session = await client.get('/api/session');
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({ username: `test-${ref.slice(0, 12)}`, role, municipality, school_id });
    // The API answers as that role: only an administrator reads the audit log.
    expect((await client.get('/api/audit?limit=1')).status).toBe(role === 'admin' ? 200 : 403);
    const audit = await lastAudit('sign_in');
    expect(audit).toMatchObject({ username: `test-${ref.slice(0, 12)}`, role, target: `test-${ref.slice(0, 12)}` });
    expect(JSON.parse(String(audit!.details))).toMatchObject({ provider: 'test' });
  });

  it('stores neither the subject nor the name, only the pseudonymised subject', async () => {
    const reader = await app.db.connection.runAndReadAll(
      `SELECT (SELECT string_agg(username || role, ' ') FROM users) || ' ' || (SELECT string_agg(subject_ref, ' ') FROM oidc_identities) || ' ' ||
              (SELECT string_agg(coalesce(username, '') || coalesce(target, '') || coalesce(details, ''), ' ') FROM audit_log)`,
    );
    const everything = String(reader.getRows()[0]![0]);
    for (const secret of ['adm-1', 'kom-1', 'rek-1', 'ppt-1', 'Ada', 'Kåre', 'Rita', 'Per PPT']) expect(everything).not.toContain(secret);
    const refs = await app.db.connection.runAndReadAll(`SELECT subject_ref FROM oidc_identities ORDER BY subject_ref`);
    expect(refs.getRows().map((r) => r[0])).toEqual(['adm-1', 'kom-1', 'rek-1', 'ppt-1'].map((s) => expectedRef(idp.issuer, s)).sort());
  });

  it('an unmapped user gets the "ingen tilgang ennå" page naming whom to ask, and the attempt is audited', async () => {
    const { walk, walker } = await signInAs('stranger-1');
    const ref = expectedRef(idp.issuer, 'stranger-1').slice(0, 12);
    expect(walk.last.href).toBe(`${appUrl}/auth/no-access?ref=${ref}`);
    // The page is the dashboard's (tests/browser/oidcSignIn.test.ts); whom to ask comes from the server, without a session.
    const providers = (await (await fetch(`${appUrl}/api/session/providers`)).json()) as { access_contact: string };
    expect(providers.access_contact).toBe(contact);
    expect(walker.jar(appHost()).has('rt_session')).toBe(false);
    const audit = await lastAudit('sign_in_no_access');
    expect(audit).toMatchObject({ target: `test-${ref}` });
    expect(JSON.parse(String(audit!.details))).toMatchObject({ provider: 'test', reason: 'unmapped' });
  });

  it('mappings that disagree grant nothing', async () => {
    const { walk } = await signInAs('torn-1');
    expect(walk.last.pathname).toBe('/auth/no-access');
    expect(JSON.parse(String((await lastAudit('sign_in_no_access'))!.details))).toMatchObject({ reason: 'conflict' });
  });

  it('a disabled account cannot sign in through the provider', async () => {
    const ref = expectedRef(idp.issuer, 'kom-1');
    await app.db.connection.run(`UPDATE users SET disabled = true WHERE username = $u`, { u: `test-${ref.slice(0, 12)}` });
    try {
      const { walk, walker } = await signInAs('kom-1');
      await expectRefused(walk, walker, /"reason":"disabled"/);
    } finally {
      await app.db.connection.run(`UPDATE users SET disabled = false WHERE username = $u`, { u: `test-${ref.slice(0, 12)}` });
    }
  });

  it('sign-out ends the session and hands the provider’s logout URL (RP-initiated logout)', async () => {
    const { client, walker } = await signInAs('adm-1');
    const res = await client.request('DELETE', '/api/session');
    expect(res.status).toBe(200);
    const logout = new URL(((await res.json()) as { logout_url: string }).logout_url);
    expect(`${logout.origin}${logout.pathname}`).toBe(`${idp.issuer}/session/end`);
    expect(logout.searchParams.get('client_id')).toBe(idp.clientId);
    expect(logout.searchParams.get('post_logout_redirect_uri')).toBe(`${appUrl}/`);
    expect((await client.get('/api/session')).status).toBe(401);
    // The provider accepts it: its confirmation page, not an error.
    const confirm = await walker.walk(logout);
    expect(confirm.response!.status).toBe(200);
    expect(await confirm.response!.text()).toMatch(/logout|sign.?out/i);
  });

  it('a local account still signs out with 204', async () => {
    const local = new AuthClient(appUrl);
    const admin = app.users.find((u) => u.role === 'admin')!;
    expect((await local.signIn(admin.username, admin.password)).status).toBe(200);
    expect((await local.request('DELETE', '/api/session')).status).toBe(204);
  });
});

describe('refusals', () => {
  const isCallback = (provider: string) => (u: URL) => u.pathname === `/auth/oidc/${provider}/callback`;

  it('a state that does not match the sign-in under way', async () => {
    idp.nextLogin = 'adm-1';
    const walker = new RedirectWalker();
    const walk = await walker.walk(`${appUrl}/auth/oidc/test/start`, isCallback('test'));
    expect(walk.last.searchParams.get('code')).toBeTruthy();
    const tampered = new URL(walk.last);
    tampered.searchParams.set('state', 'not-the-state-that-was-sent');
    await expectRefused(await walker.walk(tampered), walker, /"reason":"OAUTH_INVALID_RESPONSE","check":"state"/);
  });

  it('a replayed callback (code and cookie captured) after the sign-in it belonged to', async () => {
    idp.nextLogin = 'adm-1';
    const walker = new RedirectWalker();
    const walk = await walker.walk(`${appUrl}/auth/oidc/test/start`, isCallback('test'));
    const pendingCookie = walker.jar(appHost()).get('rt_oidc')!;
    const first = await walker.walk(walk.last);
    expect(first.last.href).toBe(`${appUrl}/`);
    const attacker = new RedirectWalker();
    attacker.jar(appHost()).set('rt_oidc', pendingCookie);
    await expectRefused(await attacker.walk(walk.last), attacker, /"reason":"no_sign_in_under_way"/);
  });

  it('a callback without a sign-in under way (no cookie)', async () => {
    idp.nextLogin = 'adm-1';
    const walker = new RedirectWalker();
    const walk = await walker.walk(`${appUrl}/auth/oidc/test/start`, isCallback('test'));
    walker.jar(appHost()).delete('rt_oidc');
    await expectRefused(await walker.walk(walk.last), walker, /"reason":"no_sign_in_under_way"/);
  });

  it('a redirect URL the provider has not registered: the provider refuses and never sends the browser back', async () => {
    idp.nextLogin = 'adm-1';
    const walker = new RedirectWalker();
    const walk = await walker.walk(`${appUrl}/auth/oidc/unregistered/start`);
    expect(walk.last.host).toBe(new URL(idp.issuer).host);
    expect(walk.response!.status).toBe(400);
    expect(await walk.response!.text()).toMatch(/redirect_uri/);
    expect(walk.urls.some((u) => u.pathname.includes('/callback'))).toBe(false);
  });

  it('a callback for a provider that is not configured is 404', async () => {
    const res = await fetch(`${appUrl}/auth/oidc/nosuch/callback?code=x&state=y`, { redirect: 'manual' });
    expect(res.status).toBe(404);
  });

  describe('ID tokens a real provider would not issue', () => {
    const forged = async () => {
      const walker = new RedirectWalker();
      const walk = await walker.walk(`${appUrl}/auth/oidc/forged/start`);
      return { walk, walker };
    };

    it('control: a correct token from the same hand-rolled provider signs in', async () => {
      forger.forge = {};
      const { walk, walker } = await forged();
      expect(walk.last.href).toBe(`${appUrl}/`);
      expect(await (await clientOf(walker).get('/api/session')).json()).toMatchObject({ role: 'municipality', municipality: 'Fjordvik' });
    });

    const forgeries = [
      { label: 'wrong issuer', forge: { iss: 'http://localhost:1/someone-else' }, audit: /"reason":"OAUTH_JWT_CLAIM_COMPARISON_FAILED","check":"iss"/ },
      { label: 'wrong audience', forge: { aud: 'another-client' }, audit: /"reason":"OAUTH_JWT_CLAIM_COMPARISON_FAILED","check":"aud"/ },
      { label: 'expired (an hour ago)', forge: { expIn: -3600 }, audit: /"reason":"OAUTH_JWT_TIMESTAMP_CHECK_FAILED","check":"exp"/ },
      { label: 'nonce of another sign-in', forge: { nonce: 'a-nonce-from-elsewhere' }, audit: /"reason":"OAUTH_JWT_CLAIM_COMPARISON_FAILED","check":"nonce"/ },
      { label: 'signed with a key not in the provider’s JWKS', forge: { otherKey: true }, audit: /"reason":"OAUTH_INVALID_RESPONSE","check":"signature"/ },
    ];
    it.each(forgeries)('$label', async ({ forge, audit }) => {
      forger.forge = forge;
      try {
        const { walk, walker } = await forged();
        await expectRefused(walk, walker, audit);
      } finally {
        forger.forge = {};
      }
    });
  });
});
