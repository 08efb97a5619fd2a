/**
 * Hostile input on every parameter and path: SQL fragments, path traversal, oversized
 * bodies, too-long query strings. Each is refused cleanly (4xx JSON, no stack trace) and the
 * database is the same afterwards.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kinds } from '../../../etl/contract/index.ts';
import { startAuthSampleApp, type SampleApp } from '../../helpers/sampleApp.ts';
import { dumpDatabase, type TableDump } from '../../helpers/testDatabase.ts';
import { AuthClient, signedIn } from './authClient.ts';

let app: SampleApp;
let before: Record<string, TableDump>;
let dashboardDir: string;
const clients: Record<string, AuthClient> = {};

const contractTables = [...kinds.map((k) => k.kind), 'users', 'import_batches', 'quarantine', 'meta'];

beforeAll(async () => {
  dashboardDir = mkdtempSync(join(tmpdir(), 'rt-dist-'));
  writeFileSync(join(dashboardDir, 'index.html'), '<!doctype html><title>Ressursteam-tall</title>');
  app = await startAuthSampleApp({ loginAttempts: 1000 }, { dashboardDir });
  clients.admin = await signedIn(app, 'admin');
  clients.ppt = await signedIn(app, 'ppt');
  before = await dumpDatabase(app.db.connection, contractTables);
});
afterAll(async () => {
  await app.close();
  rmSync(dashboardDir, { recursive: true, force: true });
});

const payloads = [
  "' OR 1=1 --",
  "'; DROP TABLE schools; --",
  '1; DELETE FROM users',
  '../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '<script>alert(1)</script>',
  '\u0000',
  'x'.repeat(300),
];

const valid = { from: '2024-08-01', to: '2025-07-31', asOf: '2025-08-01' };
const endpoints: Array<{ path: string; params: Record<string, string>; names: string[] }> = [
  ...['/api/figures', '/api/series/monthly', '/api/series/durations', '/api/series/survival'].map((path) => ({
    path,
    params: valid,
    names: ['from', 'to', 'asOf', 'school', 'municipality', 'level', 'by', 'format', 'unknown'],
  })),
  { path: '/api/competence', params: { from: valid.from, to: valid.to }, names: ['from', 'to', 'school', 'municipality', 'level', 'effort', 'format', 'unknown'] },
  { path: '/api/audit', params: {}, names: ['limit', 'before', 'unknown'] },
  { path: '/api/meta', params: {}, names: ['unknown'] },
  { path: '/api/session', params: {}, names: ['unknown'] },
];

const cases = endpoints.flatMap(({ path, params, names }) =>
  names.flatMap((name) => payloads.map((payload) => ({ path, name, payload, query: new URLSearchParams({ ...params, [name]: payload }).toString() }))),
);

/** A clean refusal: a 4xx JSON body with an error code and nothing that looks like a stack. */
async function expectCleanRefusal(res: Response): Promise<void> {
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expect(res.headers.get('content-type')).toContain('application/json');
  const text = await res.text();
  expect(typeof JSON.parse(text).error).toBe('string');
  expect(text).not.toMatch(/\n\s+at |\.ts:\d+|node_modules|DuckDB|Error:/);
}

describe('hostile query parameters', () => {
  it.each(cases)('$path ?$name=$payload is refused cleanly (admin)', async ({ path, query }) => {
    await expectCleanRefusal(await clients.admin!.get(`${path}?${query}`));
  });

  it.each(cases.filter((c) => c.path.startsWith('/api/figures') || c.path.startsWith('/api/competence')))(
    '$path ?$name=$payload is refused cleanly (ppt)',
    async ({ path, query }) => {
      await expectCleanRefusal(await clients.ppt!.get(`${path}?${query}`));
    },
  );

  it('a query string longer than any the app needs is 414', async () => {
    const res = await clients.admin!.get(`/api/figures?${new URLSearchParams({ ...valid, school: 'x'.repeat(3000) })}`);
    expect(res.status).toBe(414);
    await expectCleanRefusal(res);
  });
});

describe('hostile bodies', () => {
  it.each([
    ["' OR 1=1 --", "' OR '1'='1"],
    ['admin', "' OR '1'='1"],
    ["admin'--", 'x'],
    ['../../etc/passwd', 'x'],
  ])('sign-in as %j / %j is 401', async (username, password) => {
    const res = await new AuthClient(app.url).signIn(username, password);
    expect(res.status).toBe(401);
  });

  it('a sign-in body over 100 kB is 413', async () => {
    const client = new AuthClient(app.url);
    await client.visit();
    const res = await client.request('POST', '/api/session', { body: { username: 'admin', password: 'x'.repeat(200_000) } });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'payload_too_large' });
  });

  it('an export report over 100 kB is 413', async () => {
    const res = await clients.admin!.request('POST', '/api/audit/export', { body: { format: 'csv', view: `/${'x'.repeat(150_000)}` } });
    expect(res.status).toBe(413);
  });

  it('a password longer than any allowed is a bad request (400), never hashed', async () => {
    const res = await new AuthClient(app.url).signIn('admin', 'x'.repeat(20_000));
    expect(res.status).toBe(400);
  });
});

/** A raw request, so the path reaches the server exactly as written (fetch would normalise it). */
function rawGet(path: string, cookie = ''): Promise<{ status: number; body: string; type: string }> {
  const url = new URL(app.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: 'GET', headers: cookie ? { cookie } : {} }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, type: String(res.headers['content-type'] ?? '') }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('path traversal', () => {
  it.each([
    '/../../etc/passwd',
    '/api/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/api/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/..%2f..%2f..%2fetc%2fpasswd',
    '/..%5c..%5cetc%5cpasswd',
    '/assets/..%2f..%2f..%2f..%2fetc%2fpasswd',
    '/api/figures/..%2f..%2fpackage.json',
  ])('GET %s never answers a file outside the dashboard', async (path) => {
    const res = await rawGet(path, clients.admin!.cookieHeader());
    expect(res.body).not.toMatch(/root:|"dependencies"/);
    if (path.includes('/api/')) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.type).toContain('application/json');
    } else {
      // Outside /api the dashboard's shell (or a 4xx) is all there is.
      expect([200, 400, 403, 404]).toContain(res.status);
      if (res.status === 200) expect(res.body).toContain('Ressursteam-tall');
    }
  });
});

describe('afterwards', () => {
  it('the database is intact: every contract table, the users and the import log unchanged', async () => {
    expect(await dumpDatabase(app.db.connection, contractTables)).toEqual(before);
    expect((await (await clients.admin!.get('/api/health')).json()).schools).toBe(25);
  });
});
