/**
 * POST /api/imports with several files in one batch (the import page's drop), all or
 * nothing; and a municipality user's import, whose rows for schools outside their own
 * municipality are rejected with a reason while their own load. Expected rows are written
 * by hand from sample-data (Fjordvik: 990010014; Bjørkestrand: 990030015 with case
 * S0017-0001 and meeting M-0017-2024-08-28).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthSampleApp, type SampleApp } from '../../helpers/sampleApp.ts';
import { signedIn, type AuthClient } from './authClient.ts';

let app: SampleApp;
let admin: AuthClient;
let kommune: AuthClient;
beforeAll(async () => {
  app = await startAuthSampleApp();
  admin = await signedIn(app, 'admin');
  kommune = await signedIn(app, 'municipality');
});
afterAll(() => app.close());

/** One request holding the files one after the other, as the import page sends them. */
function uploadBatch(client: AuthClient, files: ReadonlyArray<[string, string]>) {
  const query = files.map(([name, text]) => `filename=${encodeURIComponent(name)}&size=${Buffer.byteLength(text)}`).join('&');
  return client.request('POST', `/api/imports?${query}`, {
    body: files.map(([, text]) => text).join(''),
    headers: { 'content-type': 'application/octet-stream' },
  });
}

async function caseSchool(caseId: string): Promise<string | null> {
  const rows = (await app.db.connection.runAndReadAll('SELECT school_id FROM cases WHERE case_id = $id', { id: caseId })).getRows();
  return rows.length ? String(rows[0]![0]) : null;
}

const newSchools = 'skole_id;skolenavn;kommune;skoletype\n990099101;Batchskolen;Fjordvik;barneskole\n';
const newCases = 'sak_id;skole_id;sakstype;forste_bekymring\nB-1;990099101;systemsak;01.09.2025\nB-2;990099101;systemsak;02.09.2025\n';

describe('POST /api/imports with several files', () => {
  it('imports every file of the batch and reports each under its own name', async () => {
    const res = await uploadBatch(admin, [
      ['saker.csv', newCases],
      ['skoler.csv', newSchools],
    ]);
    expect(res.status).toBe(200);
    const report = await res.json();
    // The schools load first (the cases refer to them), whatever order they came in.
    expect(report.files).toEqual([
      expect.objectContaining({ file: 'skoler.csv', kind: 'schools', read: 1, inserted: 1, rejected: 0 }),
      expect.objectContaining({ file: 'saker.csv', kind: 'cases', read: 2, inserted: 2, rejected: 0 }),
    ]);
    expect(await caseSchool('B-2')).toBe('990099101');
  });

  it('loads nothing when one file of the batch cannot be read (422 naming that file)', async () => {
    const res = await uploadBatch(admin, [
      ['skoler.csv', 'skole_id;skolenavn;kommune\n990099102;Halvskolen;Fjordvik\n'],
      ['rot.csv', 'foo;bar\n1;2\n'],
    ]);
    expect(res.status).toBe(422);
    const answer = await res.json();
    expect(answer.details).toMatchObject({ file: 'rot.csv', reason: expect.stringMatching(/^rot\.csv: ukjent filtype/) });
    const meta = await (await admin.get('/api/meta')).json();
    expect(meta.schools.map((s: { school_id: string }) => s.school_id)).not.toContain('990099102');
  });

  it('keeps two files of the same name apart', async () => {
    const res = await uploadBatch(admin, [
      ['a/skoler.csv', 'skole_id;skolenavn;kommune\n990099103;En;Fjordvik\n'],
      ['b/skoler.csv', 'skole_id;skolenavn;kommune\n990099104;To;Fjordvik\n'],
    ]);
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report.files.map((f: { file: string; inserted: number }) => [f.file, f.inserted])).toEqual([
      ['a/skoler.csv', 1],
      ['b/skoler.csv', 1],
    ]);
  });

  it.each([
    ['sizes that do not add up to the body', (q: string) => q.replace(/size=\d+/, 'size=1')],
    ['a size missing', (q: string) => q.replace(/&size=\d+/, '')],
  ])('refuses %s with 400', async (_label, edit) => {
    const query = edit(`filename=a.csv&size=${Buffer.byteLength(newSchools)}&filename=b.csv&size=${Buffer.byteLength(newCases)}`);
    const res = await admin.request('POST', `/api/imports?${query}`, { body: newSchools + newCases, headers: { 'content-type': 'application/octet-stream' } });
    expect(res.status).toBe(400);
  });
});

describe('a municipality user imports for their own schools only', () => {
  it('loads the rows of their own schools and rejects the others with a reason', async () => {
    const res = await uploadBatch(kommune, [
      ['skoler.csv', 'skole_id;skolenavn;kommune\n990099201;Egen skole;Fjordvik\n990099202;Fremmed skole;Bjørkestrand\n990030015;Flyttet skole;Fjordvik\n'],
      ['saker.csv', 'sak_id;skole_id;sakstype;forste_bekymring\nK-1;990010014;systemsak;01.09.2025\nK-2;990030015;systemsak;01.09.2025\nS0017-0001;990010014;systemsak;01.09.2025\n'],
      ['motelogg.csv', 'mote_id;skole_id;dato\nKM-1;990010014;03.09.2025\nM-0017-2024-08-28;990010014;03.09.2025\n'],
      ['droftinger.csv', 'mote_id;sak_id\nKM-1;K-1\nM-0017-2024-08-28;S0017-0001\n'],
      ['satsinger.csv', 'satsing_id;navn\nKX;Ny satsing\n'],
    ]);
    expect(res.status).toBe(200);
    const report = await res.json();
    const counts = Object.fromEntries(report.files.map((f: { file: string; inserted: number; updated: number; rejected: number }) => [f.file, [f.inserted, f.updated, f.rejected]]));
    expect(counts).toEqual({
      'skoler.csv': [1, 0, 2],
      'saker.csv': [1, 0, 2],
      'motelogg.csv': [1, 0, 1],
      'droftinger.csv': [1, 0, 1],
      'satsinger.csv': [0, 0, 1],
    });
    const own = /skolen hører ikke til Fjordvik/;
    expect(report.rejections).toEqual(
      expect.arrayContaining([
        { file: 'skoler.csv', line: 3, column: 'kommune', reason: expect.stringMatching(own) },
        // An existing school of another municipality cannot be moved into one's own.
        { file: 'skoler.csv', line: 4, column: 'kommune', reason: expect.stringMatching(own) },
        { file: 'saker.csv', line: 3, column: 'skole_id', reason: expect.stringMatching(own) },
        // Nor can another municipality's case be taken over by naming one's own school.
        { file: 'saker.csv', line: 4, column: 'skole_id', reason: expect.stringMatching(own) },
        { file: 'motelogg.csv', line: 3, column: 'skole_id', reason: expect.stringMatching(own) },
        { file: 'satsinger.csv', line: 2, column: 'satsing_id', reason: expect.stringMatching(/bare leses inn av en administrator/) },
      ]),
    );
    expect(report.rejections.find((r: { file: string }) => r.file === 'droftinger.csv')).toMatchObject({ line: 3 });
    expect(await caseSchool('K-1')).toBe('990010014');
    expect(await caseSchool('K-2')).toBeNull();
    expect(await caseSchool('S0017-0001')).toBe('990030015');
    const school = (await app.db.connection.runAndReadAll(`SELECT municipality FROM schools WHERE school_id = '990030015'`)).getRows();
    expect(school).toEqual([['Bjørkestrand']]);
  });

  it('the administrator may import for any municipality', async () => {
    const res = await uploadBatch(admin, [['saker.csv', 'sak_id;skole_id;sakstype;forste_bekymring\nA-1;990030015;systemsak;01.09.2025\n']]);
    expect((await res.json()).files[0]).toMatchObject({ inserted: 1, rejected: 0 });
  });

  it.each(['rector', 'ppt'])('is refused for %s (403)', async (role) => {
    const client = await signedIn(app, role);
    expect((await uploadBatch(client, [['skoler.csv', newSchools]])).status).toBe(403);
  });
});
