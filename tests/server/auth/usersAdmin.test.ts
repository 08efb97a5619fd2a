/**
 * User administration over HTTP: the endpoint × role × scope table for /api/users and
 * /api/idp-mappings (written by hand from server/auth/userAdminScope.ts's rule: an
 * administrator everything; a municipality user their own municipality's non-admin accounts
 * and mappings; rector and PPT nothing), and the effects: a disabled user's session ends at
 * once, a changed mapping ends the sessions of those who signed in through it, a role change is seen at the next request, a new password is answered once and the
 * old one stops working, every change is in the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMapping, findMapping } from '../../../etl/accounts/idpMappings.ts';
import { accountForIdentity } from '../../../etl/accounts/oidcAccounts.ts';
import { createSession } from '../../../server/auth/sessionStore.ts';
import { hashPassword } from '../../../etl/accounts/passwordHash.ts';
import { addUser } from '../../../etl/accounts/userStore.ts';
import { startAuthSampleApp, type SampleApp } from '../../helpers/sampleApp.ts';
import { AuthClient, signedIn } from './authClient.ts';

const roles = ['admin', 'municipality', 'rector', 'ppt'] as const;
type Role = (typeof roles)[number];
type Expect = Record<Role, number>;

const fjordvikSchool = '990010022';
const otherFjordvikSchool = '990010030';
const lauvasenSchool = '990020010';

let app: SampleApp;
const clients = new Map<Role, AuthClient>();
const mappingIds: Record<string, number> = {};

beforeAll(async () => {
  app = await startAuthSampleApp({
    oidcProviders: [
      {
        id: 'feide', label: 'Feide', issuer: 'https://idp.invalid', clientId: 'c', clientSecret: 's',
        redirectUrl: 'https://tall.invalid/auth/oidc/feide/callback', scopes: 'openid', claimId: 'sub',
      },
    ],
  });
  const conn = app.db.connection;
  const hash = await hashPassword('a-password-nobody-uses-here');
  const now = new Date('2026-11-23T10:00:00Z');
  await addUser(conn, { username: 'fjord-rektor2', role: 'rector', school_id: fjordvikSchool }, hash, now);
  await addUser(conn, { username: 'fjord-ppt2', role: 'ppt', municipality: 'Fjordvik' }, hash, now);
  await addUser(conn, { username: 'lauv-kommune', role: 'municipality', municipality: 'Lauvåsen' }, hash, now);
  await addUser(conn, { username: 'admin2', role: 'admin' }, hash, now);
  for (const role of roles) {
    mappingIds[`lauv-${role}`] = (await addMapping(conn, { provider: 'feide', kind: 'group', value: `lauv-${role}`, role: 'municipality', municipality: 'Lauvåsen' }, now)).mapping_id;
    mappingIds[`fjord-${role}`] = (await addMapping(conn, { provider: 'feide', kind: 'group', value: `fjord-${role}`, role: 'ppt', municipality: 'Fjordvik' }, now)).mapping_id;
  }
  mappingIds['fjord-edit'] = (await addMapping(conn, { provider: 'feide', kind: 'group', value: 'fjord-edit', role: 'ppt', municipality: 'Fjordvik' }, now)).mapping_id;
  mappingIds['lauv-edit'] = (await addMapping(conn, { provider: 'feide', kind: 'group', value: 'lauv-edit', role: 'municipality', municipality: 'Lauvåsen' }, now)).mapping_id;
  for (const role of roles) clients.set(role, await signedIn(app, role));
}, 60_000);
afterAll(() => app.close());

const adminOnly = (ok: number): Expect => ({ admin: ok, municipality: 403, rector: 403, ppt: 403 });
const userAdmins = (ok: number): Expect => ({ admin: ok, municipality: ok, rector: 403, ppt: 403 });

interface Case {
  readonly label: string;
  readonly method: string;
  readonly path: (role: Role) => string;
  readonly body?: (role: Role) => unknown;
  readonly expected: Expect;
  /** Puts back what a successful request changed, so the next role finds the same state. */
  readonly reset?: () => Promise<void>;
}

const moveBack = async () => {
  await app.db.connection.run(`UPDATE users SET role = 'ppt', municipality = 'Fjordvik', school_id = NULL WHERE username = 'fjord-ppt2'`);
};

const mappingBack = async () => {
  await app.db.connection.run(`UPDATE idp_mappings SET role = 'ppt', municipality = 'Fjordvik', school_id = NULL WHERE value = 'fjord-edit'`);
};
const lauvBack = async () => {
  await app.db.connection.run(`UPDATE idp_mappings SET role = 'municipality', municipality = 'Lauvåsen', school_id = NULL WHERE value = 'lauv-edit'`);
};
const editPath = () => `/api/idp-mappings/${mappingIds['fjord-edit']}`;

const cases: Case[] = [
  { label: 'list users', method: 'GET', path: () => '/api/users', expected: userAdmins(200) },
  { label: 'add a rector of their municipality', method: 'POST', path: () => '/api/users', body: (r) => ({ username: `ny-rektor-${r}`, role: 'rector', school_id: fjordvikSchool }), expected: userAdmins(201) },
  { label: 'add a user of another municipality', method: 'POST', path: () => '/api/users', body: (r) => ({ username: `ny-lauv-${r}`, role: 'municipality', municipality: 'Lauvåsen' }), expected: adminOnly(201) },
  { label: 'add an administrator', method: 'POST', path: () => '/api/users', body: (r) => ({ username: `ny-admin-${r}`, role: 'admin' }), expected: adminOnly(201) },
  { label: 'move a rector within their municipality', method: 'PATCH', path: () => '/api/users/fjord-rektor2', body: () => ({ school_id: otherFjordvikSchool }), expected: userAdmins(200) },
  { label: 'make their user rector of another municipality’s school', method: 'PATCH', path: () => '/api/users/fjord-ppt2', body: () => ({ role: 'rector', school_id: lauvasenSchool, municipality: null }), expected: adminOnly(200), reset: moveBack },
  { label: 'make their user an administrator', method: 'PATCH', path: () => '/api/users/fjord-ppt2', body: () => ({ role: 'admin', municipality: null }), expected: adminOnly(200), reset: moveBack },
  { label: 'change a user of another municipality', method: 'PATCH', path: () => '/api/users/lauv-kommune', body: () => ({ disabled: false }), expected: adminOnly(200) },
  { label: 'change an administrator', method: 'PATCH', path: () => '/api/users/admin2', body: () => ({ disabled: false }), expected: adminOnly(200) },
  { label: 'change a user that does not exist', method: 'PATCH', path: () => '/api/users/finnes-ikke', body: () => ({ disabled: true }), expected: userAdmins(404) },
  { label: 'new password for their user', method: 'POST', path: () => '/api/users/fjord-rektor2/password', expected: userAdmins(200) },
  { label: 'new password for another municipality’s user', method: 'POST', path: () => '/api/users/lauv-kommune/password', expected: adminOnly(200) },
  { label: 'list mappings', method: 'GET', path: () => '/api/idp-mappings', expected: userAdmins(200) },
  { label: 'add a mapping in their municipality', method: 'POST', path: () => '/api/idp-mappings', body: (r) => ({ provider: 'feide', kind: 'group', value: `ny-${r}`, role: 'rector', school_id: fjordvikSchool }), expected: userAdmins(201) },
  { label: 'add a mapping to another municipality', method: 'POST', path: () => '/api/idp-mappings', body: (r) => ({ provider: 'feide', kind: 'organisation', value: `org-${r}`, role: 'ppt', municipality: 'Lauvåsen' }), expected: adminOnly(201) },
  { label: 'add an administrator mapping', method: 'POST', path: () => '/api/idp-mappings', body: (r) => ({ provider: 'feide', kind: 'group', value: `admins-${r}`, role: 'admin' }), expected: adminOnly(201) },
  { label: 'change a mapping of their municipality within it', method: 'PATCH', path: editPath, body: () => ({ role: 'rector', school_id: fjordvikSchool }), expected: userAdmins(200), reset: mappingBack },
  { label: 'move a mapping of their municipality to another municipality', method: 'PATCH', path: editPath, body: () => ({ role: 'ppt', municipality: 'Lauvåsen' }), expected: adminOnly(200), reset: mappingBack },
  { label: 'make a mapping of their municipality an administrator mapping', method: 'PATCH', path: editPath, body: () => ({ role: 'admin' }), expected: adminOnly(200), reset: mappingBack },
  { label: 'change a mapping of another municipality', method: 'PATCH', path: () => `/api/idp-mappings/${mappingIds['lauv-edit']}`, body: () => ({ role: 'municipality', municipality: 'Lauvåsen' }), expected: adminOnly(200) },
  { label: 'take a mapping of another municipality into their own', method: 'PATCH', path: () => `/api/idp-mappings/${mappingIds['lauv-edit']}`, body: () => ({ role: 'ppt', municipality: 'Fjordvik' }), expected: adminOnly(200), reset: lauvBack },
  { label: 'change a mapping that does not exist', method: 'PATCH', path: () => '/api/idp-mappings/987654', body: () => ({ role: 'ppt', municipality: 'Fjordvik' }), expected: userAdmins(404) },
  { label: 'change a mapping to a rector without a school', method: 'PATCH', path: editPath, body: () => ({ role: 'rector' }), expected: { admin: 400, municipality: 400, rector: 400, ppt: 400 } },
  { label: 'change what a mapping matches (not allowed: remove and add)', method: 'PATCH', path: editPath, body: () => ({ role: 'ppt', municipality: 'Fjordvik', value: 'other' }), expected: { admin: 400, municipality: 400, rector: 400, ppt: 400 } },
  { label: 'remove a mapping of their municipality', method: 'DELETE', path: (r) => `/api/idp-mappings/${mappingIds[`fjord-${r}`]}`, expected: userAdmins(204) },
  { label: 'remove a mapping of another municipality', method: 'DELETE', path: (r) => `/api/idp-mappings/${mappingIds[`lauv-${r}`]}`, expected: adminOnly(204) },
];

const table = cases.flatMap((c) => roles.map((role) => ({ ...c, role, status: c.expected[role] })));

async function deniedCount(): Promise<number> {
  const reader = await app.db.connection.runAndReadAll(`SELECT count(*)::INTEGER FROM audit_log WHERE action = 'access_denied'`);
  return Number(reader.getRows()[0]![0]);
}

describe('endpoint × role × scope', () => {
  it.each(table)('$method $label as $role → $status', async ({ method, path, body, role, status, reset }) => {
    const before = await deniedCount();
    const res = await clients.get(role)!.request(method, path(role), body ? { body: body(role) } : {});
    expect(res.status).toBe(status);
    // Every refusal for role or scope is audited.
    expect(await deniedCount()).toBe(before + (status === 403 ? 1 : 0));
    if (status < 300 && reset) await reset();
  });

  it.each(['/api/users', '/api/idp-mappings'])('%s without a session is 401', async (path) => {
    expect((await new AuthClient(app.url).get(path)).status).toBe(401);
  });

  it('a municipality user lists only their municipality’s accounts that are not administrators', async () => {
    const res = await clients.get('municipality')!.get('/api/users');
    const names = ((await res.json()) as { users: Array<{ username: string }> }).users.map((u) => u.username).sort();
    expect(names).toEqual(['fjord-ppt2', 'fjord-rektor2', 'kommune', 'ny-rektor-admin', 'ny-rektor-municipality', 'ppt', 'rektor']);
  });

  it('a municipality user lists only their municipality’s mappings', async () => {
    const res = await clients.get('municipality')!.get('/api/idp-mappings');
    const mappings = ((await res.json()) as { mappings: Array<{ municipality: string; role: string }> }).mappings;
    expect(mappings.length).toBeGreaterThan(0);
    expect(mappings.every((m) => m.municipality === 'Fjordvik' && m.role !== 'admin')).toBe(true);
  });
});

describe('changes take effect at once', () => {
  it('a new user gets a password once, signs in with it; disabling them ends their session', async () => {
    const admin = clients.get('admin')!;
    const added = await admin.request('POST', '/api/users', { body: { username: 'kortvarig', role: 'ppt', municipality: 'Fjordvik' } });
    expect(added.status).toBe(201);
    const { password } = (await added.json()) as { password: string };
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const user = new AuthClient(app.url);
    expect((await user.signIn('kortvarig', password)).status).toBe(200);
    expect((await user.get('/api/session')).status).toBe(200);
    // A role change shows at the user's next request, without signing in again.
    expect((await admin.request('PATCH', '/api/users/kortvarig', { body: { role: 'municipality' } })).status).toBe(200);
    expect(await (await user.get('/api/session')).json()).toMatchObject({ role: 'municipality', municipality: 'Fjordvik' });
    expect((await admin.request('PATCH', '/api/users/kortvarig', { body: { disabled: true } })).status).toBe(200);
    expect((await user.get('/api/session')).status).toBe(401);
    expect((await new AuthClient(app.url).signIn('kortvarig', password)).status).toBe(401);
  });

  it('a new password ends the sessions, and only the new one works', async () => {
    const admin = clients.get('admin')!;
    const first = (await (await admin.request('POST', '/api/users/fjord-ppt2/password')).json()) as { password: string };
    const user = new AuthClient(app.url);
    expect((await user.signIn('fjord-ppt2', first.password)).status).toBe(200);
    const second = (await (await admin.request('POST', '/api/users/fjord-ppt2/password')).json()) as { password: string };
    expect(second.password).not.toBe(first.password);
    expect((await user.get('/api/session')).status).toBe(401);
    expect((await new AuthClient(app.url).signIn('fjord-ppt2', first.password)).status).toBe(401);
    expect((await new AuthClient(app.url).signIn('fjord-ppt2', second.password)).status).toBe(200);
  });

  it('a changed mapping ends the sessions of those who signed in through it, and their account gets the new grant', async () => {
    const conn = app.db.connection;
    const id = mappingIds['fjord-edit']!;
    // Someone who signed in through the mapping (what the callback does: server/routes/oidc.ts).
    const account = await accountForIdentity(conn, 'feide', 'ab'.repeat(32), (await findMapping(conn, id))!, new Date());
    const { token } = await createSession(conn, account.user_id, new Date(), { idleTimeoutMs: 3_600_000, absoluteTimeoutMs: 3_600_000 });
    const them = new AuthClient(app.url);
    them.cookies.set('rt_session', token);
    expect(await (await them.get('/api/session')).json()).toMatchObject({ role: 'ppt', municipality: 'Fjordvik' });
    const res = await clients.get('municipality')!.request('PATCH', `/api/idp-mappings/${id}`, { body: { role: 'rector', school_id: fjordvikSchool } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { mapping: Record<string, unknown> }).mapping).toMatchObject({ mapping_id: id, kind: 'group', value: 'fjord-edit', role: 'rector', school_id: fjordvikSchool, municipality: 'Fjordvik' });
    expect((await them.get('/api/session')).status).toBe(401);
    const [row] = (await conn.runAndReadAll(`SELECT role, municipality, school_id FROM users WHERE user_id = ${account.user_id}`)).getRowObjectsJson();
    expect(row).toEqual({ role: 'rector', municipality: null, school_id: fjordvikSchool });
    const [audit] = (await conn.runAndReadAll(`SELECT username, target, details FROM audit_log WHERE action = 'mapping_change' ORDER BY audit_id DESC LIMIT 1`)).getRowObjectsJson();
    expect(audit).toMatchObject({ username: 'kommune', target: `mapping:${id}` });
    expect(JSON.parse(String(audit!.details))).toMatchObject({ role: 'rector', school_id: fjordvikSchool, was_role: 'ppt', was_municipality: 'Fjordvik' });
    await mappingBack();
  });

  it('a change without the CSRF header is refused and changes nothing', async () => {
    const id = mappingIds['fjord-edit']!;
    const res = await clients.get('admin')!.request('PATCH', `/api/idp-mappings/${id}`, { body: { role: 'admin' }, noCsrfHeader: true });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toBe('csrf_failed');
    expect((await findMapping(app.db.connection, id))!.role).toBe('ppt');
  });

  it('an administrator cannot disable themselves', async () => {
    expect((await clients.get('admin')!.request('PATCH', '/api/users/admin', { body: { disabled: true } })).status).toBe(409);
  });

  it('every change is audited with its actor', async () => {
    const reader = await app.db.connection.runAndReadAll(
      `SELECT action, count(*)::INTEGER AS n FROM audit_log WHERE via = 'http' AND action IN ('user_add', 'user_change', 'user_disable', 'user_set_password', 'mapping_add', 'mapping_remove', 'mapping_change') GROUP BY action ORDER BY action`,
    );
    const counts = Object.fromEntries(reader.getRows().map(([a, n]) => [String(a), Number(n)]));
    // By hand from the table above and the tests before this one.
    expect(counts).toEqual({
      user_add: 2 + 1 + 1 + 1, // rectors (admin, municipality), Lauvåsen (admin), admin (admin), kortvarig
      user_change: 2 + 1 + 1 + 1 + 1 + 1, // move rector ×2, to Lauvåsen, to admin, lauv-kommune, admin2, kortvarig's role
      user_disable: 1,
      user_set_password: 2 + 1 + 2,
      mapping_add: 2 + 1 + 1,
      mapping_remove: 2 + 1,
      mapping_change: 2 + 1 + 1 + 1 + 1 + 1, // within (admin, municipality), to Lauvåsen, to admin, Lauvåsen's, Lauvåsen's into Fjordvik (admin each), the session test's
    });
  });
});
