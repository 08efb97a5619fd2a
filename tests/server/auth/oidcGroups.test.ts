/**
 * Groups that are not in the ID token: Feide's Groups API and Microsoft Graph for Entra ID's
 * groups overage. A real oidc-provider on localhost issues the tokens (an Entra-style ID
 * token with `_claim_names`/`_claim_sources` instead of `groups`), and a stand-in API on
 * localhost answers only to the access token that provider issued (it introspects it). No
 * request ever leaves this machine: fetch is guarded for the whole file.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMapping } from '../../../etl/accounts/idpMappings.ts';
import type { OidcProviderConfig } from '../../../server/auth/oidc/oidcProviderConfig.ts';
import { startGroupsTestServer, type GroupsServerMode, type GroupsTestServer } from '../../helpers/groupsTestServer.ts';
import { freePort, startOidcTestProvider, type OidcTestProvider } from '../../helpers/oidcTestProvider.ts';
import { RedirectWalker } from '../../helpers/redirectWalker.ts';
import { startAuthSampleApp, type SampleApp } from '../../helpers/sampleApp.ts';
import { AuthClient } from './authClient.ts';

const havblikk = '990010014';
const fjordvikOrg = 'fc:org:fjordvik.kommune.no';
const havblikkTeachers = 'fc:gogroup:fjordvik.kommune.no:b:NO990010014:5a';
/** 250 Entra group ids (past the 200 of the overage); the mapped one is on the second page of 100 and the third. */
const manyGroups = Array.from({ length: 250 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
const pptGroup = manyGroups[230]!;

let app: SampleApp;
let idp: OidcTestProvider;
let groupsApi: GroupsTestServer;
let appUrl: string;
let closedPort: number;
const realFetch = globalThis.fetch;

function expectedRef(issuer: string, sub: string): string {
  return createHmac('sha256', Buffer.alloc(32, 7)).update(`oidc-subject\u0000${issuer}\u0000${sub}`).digest('hex');
}

function provider(id: string, extra: Partial<OidcProviderConfig>): OidcProviderConfig {
  return {
    id, label: id, issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret,
    redirectUrl: `${appUrl}/auth/oidc/${id}/callback`, scopes: 'openid', claimId: 'sub', ...extra,
  };
}

beforeAll(async () => {
  // Nothing may reach Feide or Microsoft: every request of this process must stay on this machine.
  globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!['127.0.0.1', 'localhost'].includes(url.hostname)) return Promise.reject(new Error(`test guard: no network to ${url.host}`));
    return realFetch(input, init);
  };
  const port = await freePort();
  closedPort = await freePort();
  appUrl = `http://127.0.0.1:${port}`;
  idp = await startOidcTestProvider({
    accounts: [
      { sub: 'feide-rektor' },
      { sub: 'feide-kommune' },
      { sub: 'feide-nobody' },
      { sub: 'feide-subject' },
      // The tenant is in the token; its mapping must not apply when the groups cannot be had.
      { sub: 'entra-many', overage: true, org: 'tenant-fjordvik' },
      { sub: 'entra-few', groups: ['grp-admins'] },
    ],
    redirectUris: ['feide', 'feidedown', 'feideslow', 'entra'].map((id) => `${appUrl}/auth/oidc/${id}/callback`),
  });
  groupsApi = await startGroupsTestServer({
    idp,
    feide: {
      'feide-rektor': [
        { id: fjordvikOrg, type: 'fc:org', displayName: 'Fjordvik kommune' },
        { id: havblikkTeachers, type: 'fc:gogroup', displayName: 'Lærere 5A' },
      ],
      'feide-kommune': [
        { id: fjordvikOrg, type: 'fc:org', displayName: 'Fjordvik kommune' },
        { id: 'fc:gogroup:elsewhere.no:b:NO000000000:1a', type: 'fc:gogroup', displayName: 'Et annet sted' },
      ],
    },
    graph: { 'entra-many': manyGroups },
    pageSize: 100,
  });
  app = await startAuthSampleApp(
    {
      oidcProviders: [
        provider('feide', { groupsUrl: `${groupsApi.url}/groups/me/groups` }),
        provider('feidedown', { groupsUrl: `http://127.0.0.1:${closedPort}/groups/me/groups` }),
        // The same API with a short deadline, for the one that never answers (the others keep the default 5 s).
        provider('feideslow', { groupsUrl: `${groupsApi.url}/groups/me/groups`, groupsTimeoutMs: 300 }),
        provider('entra', { scopes: 'openid rt', claimGroups: 'groups', claimOrganisation: 'org', graphUrl: groupsApi.url }),
      ],
    },
    {},
    port,
  );
  const conn = app.db.connection;
  const now = new Date('2026-11-23T10:00:00Z');
  // A group (from the Groups API) wins over the organisation (also from it).
  await addMapping(conn, { provider: 'feide', kind: 'group', value: havblikkTeachers, role: 'rector', school_id: havblikk }, now);
  await addMapping(conn, { provider: 'feide', kind: 'organisation', value: fjordvikOrg, role: 'municipality', municipality: 'Fjordvik' }, now);
  await addMapping(conn, { provider: 'feidedown', kind: 'organisation', value: fjordvikOrg, role: 'municipality', municipality: 'Fjordvik' }, now);
  await addMapping(conn, { provider: 'entra', kind: 'group', value: pptGroup, role: 'ppt', municipality: 'Fjordvik' }, now);
  await addMapping(conn, { provider: 'entra', kind: 'group', value: 'grp-admins', role: 'admin' }, now);
  await addMapping(conn, { provider: 'entra', kind: 'organisation', value: 'tenant-fjordvik', role: 'municipality', municipality: 'Fjordvik' }, now);
  await addMapping(conn, { provider: 'feidedown', kind: 'subject', value: expectedRef(idp.issuer, 'feide-subject'), role: 'ppt', municipality: 'Fjordvik' }, now);
}, 60_000);

afterAll(async () => {
  globalThis.fetch = realFetch;
  await app?.close();
  await groupsApi?.close();
  await idp?.close();
});

async function signIn(providerId: string, sub: string) {
  idp.nextLogin = sub;
  const walker = new RedirectWalker();
  const walk = await walker.walk(`${appUrl}/auth/oidc/${providerId}/start`);
  const client = new AuthClient(appUrl);
  for (const [k, v] of walker.jar(new URL(appUrl).host)) client.cookies.set(k, v);
  return { walk, walker, client };
}

async function lastAudit(action: string): Promise<{ target: string; details: Record<string, unknown> }> {
  const reader = await app.db.connection.runAndReadAll(`SELECT target, details FROM audit_log WHERE action = $a ORDER BY audit_id DESC LIMIT 1`, { a: action });
  const row = reader.getRowObjectsJS()[0] as { target: string; details: string };
  return { target: row.target, details: JSON.parse(row.details) as Record<string, unknown> };
}

describe('Feide: groups from the Groups API', () => {
  it('a group from the Groups API maps to a role (and wins over the organisation, also from it)', async () => {
    const before = groupsApi.seen.length;
    const { walk, client } = await signIn('feide', 'feide-rektor');
    expect(walk.last.href).toBe(`${appUrl}/`);
    expect(await (await client.get('/api/session')).json()).toMatchObject({ role: 'rector', school_id: havblikk });
    // Asked once, with the access token oidc-provider issued for this user.
    expect(groupsApi.seen.slice(before)).toEqual([{ method: 'GET', path: '/groups/me/groups', sub: 'feide-rektor', body: '' }]);
    expect((await lastAudit('sign_in')).details).toMatchObject({ provider: 'feide', groups_from: 'token,groups_api' });
  });

  it('an fc:org group is the organisation', async () => {
    const { client } = await signIn('feide', 'feide-kommune');
    expect(await (await client.get('/api/session')).json()).toMatchObject({ role: 'municipality', municipality: 'Fjordvik', school_id: null });
  });

  it('no mapped group or organisation: the ordinary "ingen tilgang ennå"', async () => {
    const { walk } = await signIn('feide', 'feide-nobody');
    expect(walk.last.href).toBe(`${appUrl}/auth/no-access?ref=${expectedRef(idp.issuer, 'feide-nobody').slice(0, 12)}`);
    expect((await lastAudit('sign_in_no_access')).details).toMatchObject({ reason: 'unmapped', groups: 0 });
  });

  it('the stand-in API refuses a token the provider did not issue (so its answers above prove the real token was sent)', async () => {
    const res = await realFetch(`${groupsApi.url}/groups/me/groups`, { headers: { authorization: 'Bearer made-up-token' } });
    expect(res.status).toBe(401);
  });
});

describe('Entra ID: the groups overage, from Microsoft Graph', () => {
  it('an overage token: the groups are fetched page by page, and the one on the third page maps (over the tenant’s mapping)', async () => {
    const before = groupsApi.seen.length;
    const { walk, client } = await signIn('entra', 'entra-many');
    expect(walk.last.href).toBe(`${appUrl}/`);
    expect(await (await client.get('/api/session')).json()).toMatchObject({ role: 'ppt', municipality: 'Fjordvik' });
    expect(groupsApi.seen.slice(before)).toEqual([
      { method: 'POST', path: '/v1.0/me/getMemberObjects', sub: 'entra-many', body: '{"securityEnabledOnly":false}' },
      { method: 'GET', path: '/v1.0/me/getMemberObjects', sub: 'entra-many', body: '' },
      { method: 'GET', path: '/v1.0/me/getMemberObjects', sub: 'entra-many', body: '' },
    ]);
    expect((await lastAudit('sign_in')).details).toMatchObject({ provider: 'entra', groups_overage: true, groups_from: 'token,graph' });
  });

  it('groups in the token: Graph is not asked', async () => {
    const before = groupsApi.seen.length;
    const { client } = await signIn('entra', 'entra-few');
    expect(await (await client.get('/api/session')).json()).toMatchObject({ role: 'admin' });
    expect(groupsApi.seen.length).toBe(before);
  });
});

describe('the groups cannot be had: no role, the reason shown and audited', () => {
  const failures: Array<{ label: string; provider: string; sub: string; mode: GroupsServerMode; source: string; error: string }> = [
    { label: 'the Groups API is down (nothing listens)', provider: 'feidedown', sub: 'feide-kommune', mode: 'ok', source: 'groups_api', error: 'unreachable' },
    { label: 'the Groups API answers 401', provider: 'feide', sub: 'feide-kommune', mode: 'unauthorized', source: 'groups_api', error: 'http_401' },
    { label: 'the Groups API answers something else than a list of groups', provider: 'feide', sub: 'feide-kommune', mode: 'garbage', source: 'groups_api', error: 'invalid' },
    { label: 'the Groups API does not answer in time', provider: 'feideslow', sub: 'feide-kommune', mode: 'hang', source: 'groups_api', error: 'timeout' },
    { label: 'Graph answers 401', provider: 'entra', sub: 'entra-many', mode: 'unauthorized', source: 'graph', error: 'http_401' },
    { label: 'Graph answers garbage', provider: 'entra', sub: 'entra-many', mode: 'garbage', source: 'graph', error: 'invalid' },
    { label: 'Graph answers more than 1 MB', provider: 'entra', sub: 'entra-many', mode: 'huge', source: 'graph', error: 'too_large' },
    { label: 'Graph’s next page is on another origin (the token is not sent there)', provider: 'entra', sub: 'entra-many', mode: 'foreign_next', source: 'graph', error: 'invalid' },
  ];
  it.each(failures)('$label', async ({ provider: providerId, sub, mode, source, error }) => {
    groupsApi.mode = mode;
    try {
      const { walk, walker } = await signIn(providerId, sub);
      const ref = expectedRef(idp.issuer, sub).slice(0, 12);
      expect(walk.last.href).toBe(`${appUrl}/auth/no-access?ref=${ref}&reason=groups_unavailable`);
      expect(walker.jar(new URL(appUrl).host).has('rt_session')).toBe(false);
      const audit = await lastAudit('sign_in_no_access');
      expect(audit.target).toBe(`${providerId}-${ref}`);
      // Entra's token said "overage": kept in the audit. No group and no organisation was used.
      const overage = source === 'graph' ? { groups_overage: true } : {};
      expect(audit.details).toEqual({ provider: providerId, reason: 'groups_unavailable', groups: 0, ...overage, groups_source: source, groups_error: error });
    } finally {
      groupsApi.mode = 'ok';
    }
  });

  it('a subject mapping needs no groups (it wins over any): signed in, the failure audited', async () => {
    const { walk, client } = await signIn('feidedown', 'feide-subject');
    expect(walk.last.href).toBe(`${appUrl}/`);
    expect(await (await client.get('/api/session')).json()).toMatchObject({ role: 'ppt', municipality: 'Fjordvik' });
    expect((await lastAudit('sign_in')).details).toMatchObject({ provider: 'feidedown', groups_source: 'groups_api', groups_error: 'unreachable' });
  });
});
