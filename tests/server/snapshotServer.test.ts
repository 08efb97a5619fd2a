/**
 * A second server process on a read-only snapshot (`RT_SNAPSHOT`, README "Several server
 * processes") answers the same figures as the server that holds the database: the snapshot
 * is made from the running app's database with DuckDB's COPY FROM DATABASE, the second
 * process is `server/main.ts` itself, and both are asked over HTTP by a signed-in admin.
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMapping } from '../../etl/accounts/idpMappings.ts';
import { startAuthSampleApp, type SampleApp } from '../helpers/sampleApp.ts';
import { startServerProcess } from '../helpers/serverProcess.ts';
import { makeTempDir, removeTempDirs } from '../helpers/tempDir.ts';
import { AuthClient, signedIn } from './auth/authClient.ts';

let app: SampleApp;
let replica: ChildProcess;
let primaryAdmin: AuthClient;
let replicaAdmin: AuthClient;
/** A mapping made on the primary before the snapshot, so the snapshot has one to change. */
let mappingId: number;

/**
 * The replica knows the provider `test` (never contacted here: only adding a mapping names
 * it), so POST /api/idp-mappings reaches the write and is not a 404 for an unknown provider.
 */
const replicaProvider = {
  RT_OIDC_PROVIDERS: 'test',
  RT_OIDC_TEST_ISSUER: 'http://127.0.0.1:9/',
  RT_OIDC_TEST_CLIENT_ID: 'snapshot-test',
  RT_OIDC_TEST_CLIENT_SECRET: 'snapshot-test-secret',
  RT_OIDC_TEST_REDIRECT_URL: 'http://127.0.0.1:9/auth/oidc/test/callback',
};

/** Starts server/main.ts on the snapshot and resolves with its URL once it listens. */
function startReplica(snapshot: string, ownDatabase: string): Promise<string> {
  const started = startServerProcess({ RT_SNAPSHOT: snapshot, RT_DB: ownDatabase, ...replicaProvider }, 'the snapshot server');
  replica = started.child;
  return started.url;
}

beforeAll(async () => {
  app = await startAuthSampleApp();
  primaryAdmin = await signedIn(app, 'admin');
  mappingId = (await addMapping(app.db.connection, { provider: 'test', kind: 'group', value: 'grp-snapshot', role: 'ppt', municipality: 'Fjordvik' }, new Date('2026-11-23T10:00:00Z'))).mapping_id;
  const dir = makeTempDir('rt-snapshot-');
  const snapshot = join(dir, 'snapshot.duckdb');
  const [[name]] = (await app.db.connection.runAndReadAll('SELECT current_database()')).getRows() as [[string]];
  await app.db.connection.run(`ATTACH '${snapshot}' AS snapshot_copy`);
  await app.db.connection.run(`COPY FROM DATABASE "${name}" TO snapshot_copy`);
  await app.db.connection.run('DETACH snapshot_copy');
  const url = await startReplica(snapshot, join(dir, 'replica-own.duckdb'));
  const admin = app.users.find((u) => u.role === 'admin')!;
  replicaAdmin = new AuthClient(url);
  expect((await replicaAdmin.signIn(admin.username, admin.password)).status).toBe(200);
  // The sample app, its copy and a second server process: over two minutes on a loaded machine.
}, 300_000);

afterAll(async () => {
  if (replica && replica.exitCode === null) {
    const stopped = new Promise((resolve) => replica.once('exit', resolve));
    replica.kill('SIGTERM');
    await stopped;
  }
  await app?.close();
  removeTempDirs();
});

const period = 'from=2024-08-01&to=2025-07-31&asOf=2025-07-31';

describe('a second server on a read-only snapshot', () => {
  it.each([
    `/api/figures?${period}`,
    `/api/figures?${period}&by=municipality`,
    `/api/figures?${period}&municipality=Fjordvik&by=school`,
    `/api/series/monthly?${period}&municipality=Fjordvik`,
    `/api/series/survival?${period}&municipality=Fjordvik`,
    `/api/followup?${period}&school=990010014`,
  ])('answers %s exactly as the server that holds the database', async (path) => {
    const [primary, second] = await Promise.all([primaryAdmin.get(path), replicaAdmin.get(path)]);
    expect(primary.status).toBe(200);
    expect(second.status).toBe(200);
    const expected = await primary.json();
    expect(Array.isArray(expected) ? expected.length : Object.keys(expected as object).length).toBeGreaterThan(0);
    expect(await second.json()).toEqual(expected);
  });

  it('refuses an import: a snapshot is never written', async () => {
    const res = await replicaAdmin.request('POST', '/api/imports?filename=skoler.csv', {
      body: 'skole_id;skolenavn;kommune;skoletype\n990099997;Speilskolen;Fjordvik;barneskole\n',
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    });
    expect(res.status).toBe(503);
  });

  it('refuses a change of norms with 503 read_only, not a 500: its norms are the snapshot’s', async () => {
    const body = { municipality: 'Fjordvik', meeting_interval_days: 14, tgl_meetings_per_school_year: 3 };
    const res = await replicaAdmin.request('PUT', '/api/norms', { body });
    expect(res.status).toBe(503);
    expect((await res.json()).error).toBe('read_only');
    // Still readable, and unchanged.
    const read = await replicaAdmin.get('/api/norms?municipality=Fjordvik');
    expect(read.status).toBe(200);
    expect((await read.json()).norms[0]).toMatchObject({ municipality: 'Fjordvik', meeting_interval_days: 7, is_default: true });
  });

  // Its accounts and mappings are the snapshot's too: every change is a 503 with the reason
  // (as PUT /api/norms), not DuckDB's read-only error as a 500; nothing changes.
  it.each([
    ['POST', '/api/users', { username: 'ny-bruker', role: 'ppt', municipality: 'Fjordvik' }],
    ['PATCH', '/api/users/rektor', { role: 'municipality', municipality: 'Fjordvik' }],
    ['PATCH', '/api/users/rektor', { disabled: true }],
    ['POST', '/api/users/rektor/password', undefined],
    ['POST', '/api/idp-mappings', { provider: 'test', kind: 'group', value: 'grp-ny', role: 'ppt', municipality: 'Fjordvik' }],
    ['PATCH', '/api/idp-mappings/:id', { role: 'municipality', municipality: 'Fjordvik' }],
    ['DELETE', '/api/idp-mappings/:id', undefined],
  ] as const)('refuses %s %s with 503 read_only, not a 500', async (method, path, body) => {
    const res = await replicaAdmin.request(method, path.replace(':id', String(mappingId)), body === undefined ? {} : { body });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: 'read_only', details: { reason: 'snapshot' } });
  });

  it('has the snapshot’s users and mappings unchanged after those refusals', async () => {
    const users = (await (await replicaAdmin.get('/api/users')).json()) as { users: Array<{ username: string; role: string; disabled: boolean }> };
    expect(users.users.map((u) => [u.username, u.role, u.disabled])).toEqual([
      ['admin', 'admin', false],
      ['kommune', 'municipality', false],
      ['ppt', 'ppt', false],
      ['rektor', 'rector', false],
    ]);
    const mappings = (await (await replicaAdmin.get('/api/idp-mappings')).json()) as { mappings: Array<{ mapping_id: number; value: string; role: string }> };
    expect(mappings.mappings.map((m) => [m.mapping_id, m.value, m.role])).toEqual([[mappingId, 'grp-snapshot', 'ppt']]);
  });

  it('still refuses an unknown user with 404 before saying it is read-only', async () => {
    const res = await replicaAdmin.request('PATCH', '/api/users/finnes-ikke', { body: { disabled: true } });
    expect(res.status).toBe(404);
  });
});
