/**
 * GET /api/imports/history and /api/imports/:batch/quarantine over real HTTP: an upload with
 * bad rows shows up with its counts and rows; a later upload fixing one row takes it out of
 * the quarantine and the history says so; a municipality user sees only their schools' rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthSampleApp, type SampleApp } from '../helpers/sampleApp.ts';
import { signedIn, type AuthClient } from './auth/authClient.ts';

let app: SampleApp;
let admin: AuthClient;
let kommune: AuthClient;
let school: string;
let firstBatch: number;
let fixBatch: number;

const header = 'case_id,school_id,kind,first_concern_date,grade';

async function upload(filename: string, lines: string[]) {
  const res = await admin.request('POST', `/api/imports?filename=${filename}`, { body: lines.join('\n') + '\n', headers: { 'content-type': 'text/csv' } });
  expect(res.status).toBe(200);
  return (await res.json()) as { batch_id: number };
}

beforeAll(async () => {
  app = await startAuthSampleApp();
  admin = await signedIn(app, 'admin');
  kommune = await signedIn(app, 'municipality');
  school = (await (await kommune.get('/api/meta')).json()).schools[0].school_id;
  firstBatch = (await upload('saker-feil.csv', [header, `HIST-1,${school},individual,2025-01-10,14`, 'HIST-2,999999999,individual,2025-01-10,3'])).batch_id;
  fixBatch = (await upload('saker-rettet.csv', [header, `HIST-1,${school},individual,2025-01-10,4`])).batch_id;
});
afterAll(() => app.close());

describe('import history over HTTP', () => {
  it('lists the uploads newest first with who, files, counts and outcome', async () => {
    const { batches } = await (await admin.get('/api/imports/history?limit=2')).json();
    expect(batches.map(({ imported_at: _, ...b }: { imported_at: string }) => b)).toEqual([
      { batch_id: fixBatch, username: 'admin', via: 'http', file_names: ['saker-rettet.csv'], files: 1, rows_read: 1, inserted: 1, updated: 0, unchanged: 0, rejected: 0, resolved_earlier: 1, fixed_later: 0, still_quarantined: 0, outcome: 'loaded', reason: null },
      { batch_id: firstBatch, username: 'admin', via: 'http', file_names: ['saker-feil.csv'], files: 1, rows_read: 2, inserted: 0, updated: 0, unchanged: 0, rejected: 2, resolved_earlier: 0, fixed_later: 1, still_quarantined: 1, outcome: 'loaded_with_rejections', reason: null },
    ]);
  });

  it("shows a batch's quarantine without the row a later upload fixed, and with it on request", async () => {
    const open = await (await admin.get(`/api/imports/${firstBatch}/quarantine`)).json();
    expect(open).toEqual({
      batch_id: firstBatch,
      rows: [{ file: 'saker-feil.csv', kind: 'cases', line: 3, column: 'school_id', reason: 'school_id finnes ikke i schools (verken i databasen eller i denne importen)', resolved_batch: null }],
    });
    const all = await (await admin.get(`/api/imports/${firstBatch}/quarantine?fixed=true`)).json();
    expect(all.rows.map((r: { line: number; column: string; resolved_batch: number | null }) => [r.line, r.column, r.resolved_batch])).toEqual([
      [2, 'grade', fixBatch],
      [3, 'school_id', null],
    ]);
  });

  it("shows a municipality user only the rows of their municipality's schools", async () => {
    const all = await (await kommune.get(`/api/imports/${firstBatch}/quarantine?fixed=true`)).json();
    expect(all.rows.map((r: { line: number }) => r.line)).toEqual([2]);
    const { batches } = await (await kommune.get('/api/imports/history')).json();
    expect(batches.map((b: { batch_id: number }) => b.batch_id)).toEqual([firstBatch]);
  });

  it.each(['rector', 'ppt'])('refuses a %s user (403)', async (role) => {
    const client = await signedIn(app, role);
    expect((await client.get('/api/imports/history')).status).toBe(403);
    expect((await client.get(`/api/imports/${firstBatch}/quarantine`)).status).toBe(403);
  });

  it.each(['/api/imports/history?limit=0', '/api/imports/history?x=1', '/api/imports/abc/quarantine', `/api/imports/1/quarantine?fixed=maybe`])('refuses %s with 400', async (path) => {
    expect((await admin.get(path)).status).toBe(400);
  });
});

describe('refused uploads in the import history', () => {
  const unknownReason = (name: string) => new RegExp(`^${name.replace('.', '\\.')}: ukjent filtype`);

  it('keeps a refused upload with who, when, the file, the outcome refused and the reason, nothing else', async () => {
    const res = await admin.request('POST', '/api/imports?filename=ukjent-admin.csv', { body: 'foo;bar\n1;2\n', headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(422);
    const { batches } = await (await admin.get('/api/imports/history?limit=1')).json();
    const { imported_at, reason, ...rest } = batches[0];
    expect(rest).toEqual({
      batch_id: null, username: 'admin', via: 'http', file_names: ['ukjent-admin.csv'], files: 1, rows_read: 0, inserted: 0, updated: 0, unchanged: 0,
      rejected: 0, resolved_earlier: 0, fixed_later: 0, still_quarantined: 0, outcome: 'refused',
    });
    expect(reason).toMatch(unknownReason('ukjent-admin.csv'));
    expect(imported_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  });

  it("shows a municipality user their own refused upload, not the administrator's", async () => {
    const res = await kommune.request('POST', '/api/imports?filename=ukjent-kommune.csv', { body: 'foo;bar\n1;2\n', headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(422);
    const { batches } = await (await kommune.get('/api/imports/history')).json();
    expect(batches.map((b: { batch_id: number | null; outcome: string; file_names: string[] }) => [b.batch_id, b.outcome, b.file_names])).toEqual([
      [null, 'refused', ['ukjent-kommune.csv']],
      // Its only row this user may see (their school's) was fixed later.
      [firstBatch, 'fixed', ['saker-feil.csv']],
    ]);
    const all = (await (await admin.get('/api/imports/history?limit=2')).json()).batches;
    expect(all.map((b: { file_names: string[] }) => b.file_names[0])).toEqual(['ukjent-kommune.csv', 'ukjent-admin.csv']);
  });
});
