/**
 * Above the report's cap of 10,000 rejections per file, the file of rejected rows is still
 * complete: over real HTTP, an upload with 10,050 rejected rows answers 10,000 of them and
 * `rejections_omitted` 50; the batch's quarantine answers all 10,050 with line and reason; and
 * the fix file the import page builds from them (the same modules it runs) holds every
 * rejected row of the upload, each with its reason.
 */
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quarantinedRejections } from '../../dashboard/views/import/quarantinedRejections.ts';
import { rejectedRowsFile } from '../../etl/exchange/rejectedRowsFile.ts';
import { startAuthSampleApp, type SampleApp } from '../helpers/sampleApp.ts';
import { signedIn, type AuthClient } from './auth/authClient.ts';

let app: SampleApp;
let admin: AuthClient;
beforeAll(async () => {
  app = await startAuthSampleApp();
  admin = await signedIn(app, 'admin');
});
afterAll(() => app.close());

const rows = 10_050;
/** Every school without a name (a required column): each row rejected once, on line i + 2. */
const upload = ['skole_id;skolenavn;kommune', ...Array.from({ length: rows }, (_, i) => `UTEN-NAVN-${i};;Fjordvik`)].join('\n') + '\n';

describe('the file of rejected rows above 10,000 rejections', () => {
  it('is complete: the report lists 10,000 and counts the rest, the quarantine holds all, the fix file every row', async () => {
    const res = await admin.request('POST', '/api/imports?filename=mange-feil.csv', { body: upload, headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report.files[0]).toMatchObject({ file: 'mange-feil.csv', read: rows, rejected: rows, inserted: 0 });
    expect(report.rejections).toHaveLength(10_000);
    expect(report.rejections_omitted).toEqual([expect.objectContaining({ file: 'mange-feil.csv', count: 50 })]);

    const quarantine = await (await admin.get(`/api/imports/${report.batch_id}/quarantine?fixed=true`)).json();
    const rejections = quarantinedRejections('mange-feil.csv', quarantine.rows);
    expect(rejections.map((r) => r.line)).toEqual(Array.from({ length: rows }, (_, i) => i + 2));

    const fix = Papa.parse<string[]>(rejectedRowsFile(upload, ';', rejections).replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true }).data;
    expect(fix).toHaveLength(rows + 1);
    expect(fix[0]).toEqual(['Årsak til avvisning', 'skole_id', 'skolenavn', 'kommune']);
    expect(fix.slice(1).map((r) => r[1])).toEqual(Array.from({ length: rows }, (_, i) => `UTEN-NAVN-${i}`));
    // The reason is the server's own for the row (the same for all): present on the last row too.
    expect(fix[rows]![0]).toBe(fix[1]![0]);
    expect(fix[rows]![0]).toMatch(/skolenavn/);
  }, 300_000);
});
