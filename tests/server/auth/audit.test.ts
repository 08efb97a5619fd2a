/**
 * The audit trail: each audited action writes a row naming who, what and which scope, the
 * admin can read it newest first and page back, nothing in it (or anywhere in the database)
 * holds a password, and no code path updates or deletes it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../../etl/db/defaultPaths.ts';
import { startAuthSampleApp, type SampleApp } from '../../helpers/sampleApp.ts';
import { dumpDatabase } from '../../helpers/testDatabase.ts';
import { AuthClient, signedIn } from './authClient.ts';

let app: SampleApp;
beforeAll(async () => {
  app = await startAuthSampleApp({ loginAttempts: 1000 });
});
afterAll(() => app.close());

const period = 'from=2024-08-01&to=2025-07-31&asOf=2025-08-01';

interface Entry {
  audit_id: number;
  at: string;
  username: string | null;
  role: string | null;
  via: string;
  action: string;
  target: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
}

async function entries(limit = 1000): Promise<Entry[]> {
  const admin = await signedIn(app, 'admin');
  const body = (await (await admin.get(`/api/audit?limit=${limit}`)).json()) as { entries: Entry[] };
  return body.entries;
}

const latest = async (action: string, username?: string) =>
  (await entries()).find((e) => e.action === action && (username === undefined || e.username === username));

describe('audited actions', () => {
  it('a sign-in, with the user, role and IP', async () => {
    await signedIn(app, 'ppt');
    expect(await latest('sign_in', 'ppt')).toMatchObject({ role: 'ppt', via: 'http', target: 'ppt', ip: '127.0.0.1' });
  });

  it('a failed sign-in of a known account names it and why; never the password', async () => {
    await new AuthClient(app.url).signIn('kommune', 'feil-passord-123');
    const entry = await latest('sign_in_failed', 'kommune');
    expect(entry).toMatchObject({ target: 'kommune', details: { reason: 'wrong_password' } });
    expect(JSON.stringify(entry)).not.toContain('feil-passord-123');
  });

  it('a sign-out', async () => {
    const client = await signedIn(app, 'rector');
    await client.request('DELETE', '/api/session');
    expect(await latest('sign_out', 'rektor')).toBeDefined();
  });

  it('which school’s figures were viewed, by whom, on which endpoint and period', async () => {
    const client = await signedIn(app, 'rector');
    await client.get(`/api/series/monthly?${period}&school=990010022`);
    expect(await latest('view_figures', 'rektor')).toMatchObject({
      target: 'school:990010022',
      details: { endpoint: 'series/monthly', from: '2024-08-01', to: '2025-07-31', as_of: '2025-08-01' },
    });
  });

  it('a refused request for a school out of scope', async () => {
    const client = await signedIn(app, 'municipality');
    expect((await client.get(`/api/figures?${period}&school=990020010`)).status).toBe(403);
    expect(await latest('access_denied', 'kommune')).toMatchObject({ target: 'school:990020010', details: { status: 403 } });
  });

  it('an export the dashboard reports', async () => {
    const client = await signedIn(app, 'municipality');
    const view = `/api/figures?${period}&by=school`;
    expect((await client.request('POST', '/api/audit/export', { body: { format: 'png', view, rows: 10 } })).status).toBe(204);
    expect(await latest('export', 'kommune')).toMatchObject({ target: view, details: { format: 'png', rows: 10 } });
  });

  it.each([
    [{ format: 'xls', view: '/x' }],
    [{ format: 'csv', view: 'https://evil.example/' }],
    [{ format: 'csv', view: '/x', extra: 1 }],
    [{ format: 'csv', view: `/${'x'.repeat(600)}` }],
  ])('an export report %j that breaks the schema is 400', async (body) => {
    const client = await signedIn(app, 'municipality');
    expect((await client.request('POST', '/api/audit/export', { body })).status).toBe(400);
  });

  it('competence views, and reading the audit log itself', async () => {
    const ppt = await signedIn(app, 'ppt');
    await ppt.get('/api/competence?from=2024-08-01&to=2025-07-31');
    expect(await latest('view_competence', 'ppt')).toMatchObject({ target: 'scope' });
    expect(await latest('view_audit', 'admin')).toBeDefined();
  });

  it('the demo users’ creation', async () => {
    const added = (await entries()).filter((e) => e.action === 'user_add').map((e) => e.target);
    expect(added.sort()).toEqual(['admin', 'kommune', 'ppt', 'rektor']);
  });
});

describe('GET /api/audit', () => {
  it('pages backwards from the newest entry with limit and before', async () => {
    const admin = await signedIn(app, 'admin');
    const first = (await (await admin.get('/api/audit?limit=3')).json()) as { entries: Entry[]; next_before: number };
    expect(first.entries).toHaveLength(3);
    const ids = first.entries.map((e) => e.audit_id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(first.next_before).toBe(ids[2]);
    const next = (await (await admin.get(`/api/audit?limit=3&before=${first.next_before}`)).json()) as { entries: Entry[] };
    expect(next.entries[0]!.audit_id).toBeLessThan(ids[2]!);
  });

  it.each(['limit=0', 'limit=1001', 'limit=abc', "limit=1'--", 'before=-1', 'limit=1&limit=2', 'sort=at'])('refuses %s with 400', async (q) => {
    const admin = await signedIn(app, 'admin');
    expect((await admin.get(`/api/audit?${q}`)).status).toBe(400);
  });

  it('is for administrators only, and a refusal is audited', async () => {
    const ppt = await signedIn(app, 'ppt');
    expect((await ppt.get('/api/audit')).status).toBe(403);
    expect(await latest('access_denied', 'ppt')).toMatchObject({ target: 'audit' });
  });
});

describe('no passwords at rest, and an append-only log', () => {
  it('no table holds any demo password in plain text; the hashes are scrypt with their own salt', async () => {
    const dump = JSON.stringify(await dumpDatabase(app.db.connection));
    for (const user of app.users) expect(dump).not.toContain(user.password);
    const hashes = (await app.db.connection.runAndReadAll('SELECT password_hash FROM users')).getRows().map((r) => String(r[0]));
    expect(hashes).toHaveLength(4);
    for (const hash of hashes) expect(hash).toMatch(/^\$scrypt\$n=\d+,r=\d+,p=\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(new Set(hashes.map((h) => h.split('$')[3])).size).toBe(4);
  });

  it('no source file updates, deletes or drops the audit log', () => {
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith('.ts')) sources.push(path);
      }
    };
    walk(join(projectRoot, 'etl'));
    walk(join(projectRoot, 'server'));
    for (const path of sources) {
      expect(readFileSync(path, 'utf8'), path).not.toMatch(/(UPDATE|DELETE\s+FROM|TRUNCATE|DROP\s+TABLE|ALTER\s+TABLE)\s+(IF\s+EXISTS\s+)?"?audit_log/i);
    }
  });
});
