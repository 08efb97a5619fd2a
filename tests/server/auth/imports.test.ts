/**
 * POST /api/imports: an administrator uploads a CSV export and gets the import report;
 * everyone else is refused before the body is read; the upload is audited.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeUploadName } from '../../../server/routes/imports.ts';
import { startAuthSampleApp, type SampleApp } from '../../helpers/sampleApp.ts';
import { signedIn, type AuthClient } from './authClient.ts';

let app: SampleApp;
let admin: AuthClient;
beforeAll(async () => {
  app = await startAuthSampleApp();
  admin = await signedIn(app, 'admin');
});
afterAll(() => app.close());

const csv = { 'content-type': 'text/csv; charset=utf-8' };
const newSchool = 'skole_id;skolenavn;kommune;skoletype\n990099999;Nyskolen;Fjordvik;barneskole\n';

function upload(client: AuthClient, body: string, query: string, headers: Record<string, string> = csv, noCsrfHeader = false) {
  return client.request('POST', `/api/imports?${query}`, { body, headers, noCsrfHeader });
}

describe('POST /api/imports', () => {
  it('imports an uploaded schools export and answers the report under the uploaded name', async () => {
    // Read before the import, so the school directory is kept (SchoolDirectoryCache): the
    // new school must be known after it all the same.
    const before = await (await admin.get('/api/meta')).json();
    expect(before.schools.map((s: { school_id: string }) => s.school_id)).not.toContain('990099999');
    expect((await admin.get('/api/figures?from=2024-08-01&to=2025-07-31&school=990099999')).status).not.toBe(200);
    const res = await upload(admin, newSchool, 'filename=skoler.csv');
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report.files).toEqual([expect.objectContaining({ file: 'skoler.csv', kind: 'schools', inserted: 1, rejected: 0 })]);
    const meta = await (await admin.get('/api/meta')).json();
    expect(meta.schools.map((s: { school_id: string }) => s.school_id)).toContain('990099999');
    expect((await admin.get('/api/figures?from=2024-08-01&to=2025-07-31&school=990099999')).status).toBe(200);
    const audit = await (await admin.get('/api/audit?limit=5')).json();
    expect(audit.entries.find((e: { action: string }) => e.action === 'import')).toMatchObject({
      username: 'admin',
      via: 'http',
      target: 'upload',
      details: { outcome: 'loaded', files: 1, kinds: 'schools', inserted: 1 },
    });
  });

  it('reports rejected rows with the uploaded name, line and reason', async () => {
    const res = await upload(admin, 'skole_id;skolenavn;kommune;skoletype\n990099998;Feilskolen;Fjordvik;videregaende\n', 'filename=skoler2.csv');
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report.rejections).toEqual([expect.objectContaining({ file: 'skoler2.csv', line: 2, reason: expect.stringMatching(/skoletype/) })]);
  });

  it.each([
    ['an empty file', '', /skoler3\.csv: filen er tom/],
    ['a file of no known kind', 'foo,bar\n1,2\n', /skoler3\.csv: /],
  ])('refuses %s with 422 and the reason, naming the uploaded file only', async (_label, body, reason) => {
    const res = await upload(admin, body, 'filename=skoler3.csv');
    expect(res.status).toBe(422);
    const answer = await res.json();
    expect(answer.error).toBe('import_failed');
    expect(answer.details.reason).toMatch(reason);
    expect(JSON.stringify(answer)).not.toMatch(/rt-upload-|\/tmp\//);
  });

  it.each(['rector', 'ppt'])('is refused for %s (403)', async (role) => {
    const client = await signedIn(app, role);
    expect((await upload(client, newSchool, 'filename=skoler.csv')).status).toBe(403);
  });

  it('needs the CSRF token', async () => {
    expect((await upload(admin, newSchool, 'filename=skoler.csv', csv, true)).status).toBe(403);
  });

  it.each([
    ['no filename', ''],
    ['an unknown kind', 'filename=x.csv&kind=pupils'],
    ['an unknown parameter', 'filename=x.csv&path=/etc'],
  ])('refuses %s with 400', async (_label, query) => {
    expect((await upload(admin, newSchool, query)).status).toBe(400);
  });

  it('refuses a body that is not CSV text (415)', async () => {
    expect((await upload(admin, JSON.stringify({ a: 1 }), 'filename=x.csv', { 'content-type': 'application/json' })).status).toBe(415);
  });

  it('refuses an upload over 50 MB (413)', async () => {
    const url = new URL(app.url);
    const body = Buffer.alloc(51 * 1024 * 1024, 'a');
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          method: 'POST',
          path: '/api/imports?filename=stor.csv',
          headers: { ...csv, 'content-length': String(body.length), cookie: admin.cookieHeader(), 'x-csrf-token': admin.cookies.get('rt_csrf')! },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(status).toBe(413);
  });
});

describe('safeUploadName', () => {
  it.each([
    ['skoler.csv', 'skoler.csv'],
    ['../../etc/passwd', 'passwd.csv'],
    ['C:\\Users\\x\\Møtelogg 2025.csv', 'M_telogg_2025.csv'],
    ['..', 'fil.csv'],
    ['.hidden.tsv', 'hidden.tsv'],
  ])('safeUploadName(%j) is %j', (input, expected) => {
    expect(safeUploadName(input)).toBe(expected);
  });
});
