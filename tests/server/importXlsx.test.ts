/**
 * POST /api/imports with an .xlsx over real HTTP: the workbook's content type is accepted, the
 * report names each sheet, its Excel rows and column letters under the uploaded name, and a
 * broken workbook is refused with a Norwegian reason (422), never a crash.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../etl/db/defaultPaths.ts';
import { startAuthSampleApp, type SampleApp } from '../helpers/sampleApp.ts';
import { signedIn, type AuthClient } from './auth/authClient.ts';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const workbook = readFileSync(join(projectRoot, 'tests/fixtures/xlsx/moter-og-skoler.xlsx'));

let app: SampleApp;
let admin: AuthClient;

beforeAll(async () => {
  app = await startAuthSampleApp();
  admin = await signedIn(app, 'admin');
});
afterAll(() => app.close());

describe('POST /api/imports with an .xlsx', () => {
  it('imports each sheet and reports sheet, row and column letter under the uploaded name', async () => {
    const res = await admin.request('POST', '/api/imports?filename=M%C3%B8ter%20h%C3%B8st.xlsx', { body: new Uint8Array(workbook), headers: { 'content-type': xlsxType } });
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report.files.map((f: { file: string; sheet: string; kind: string; inserted: number }) => [f.file, f.sheet, f.kind, f.inserted])).toEqual([
      ['Møter høst.xlsx', 'Skoler', 'schools', 2],
      ['Møter høst.xlsx', 'Møtelogg', 'meetings', 3],
    ]);
    expect(report.rejections).toEqual([
      { file: 'Møter høst.xlsx', sheet: 'Møtelogg', line: 5, column: 'B (Skole_ID)', reason: 'school_id finnes ikke i schools (verken i databasen eller i denne importen)' },
    ]);
    const { batches } = await (await admin.get('/api/imports/history?limit=1')).json();
    expect(batches[0].file_names).toEqual(['Møter høst.xlsx › Skoler', 'Møter høst.xlsx › Møtelogg']);
  });

  it('refuses a truncated workbook with a reason', async () => {
    const res = await admin.request('POST', '/api/imports?filename=halv.xlsx', { body: new Uint8Array(workbook.subarray(0, 1000)), headers: { 'content-type': xlsxType } });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body).toEqual({
      error: 'import_failed',
      details: { file: 'halv.xlsx', reason: 'halv.xlsx: filen er ikke en gyldig .xlsx-fil (ikke en zip-fil); lagre den på nytt fra Excel som «Excel-arbeidsbok (.xlsx)»' },
    });
  });
});
