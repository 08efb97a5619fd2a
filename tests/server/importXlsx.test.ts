/**
 * POST /api/imports with an .xlsx over real HTTP: the workbook's content type is accepted, the
 * report names each sheet, its Excel rows and column letters under the uploaded name, and a
 * broken workbook is refused with a Norwegian reason (422), never a crash; a hostile one (a few
 * kilobytes that inflate to a million rows) is refused while the server answers other requests
 * (it is read in a worker thread: etl/load/readWorkbookInWorker.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../etl/db/defaultPaths.ts';
import { buildXlsx } from '../helpers/xlsxWorkbook.ts';
import { startAuthSampleApp, type SampleApp } from '../helpers/sampleApp.ts';
import { signedIn, type AuthClient } from './auth/authClient.ts';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const workbook = readFileSync(join(projectRoot, 'tests/fixtures/xlsx/moter-og-skoler.xlsx'));

/**
 * 1,100,000 rows of one cell without row numbers: about 50 MB of XML, well under 1 MB zipped.
 * Built before any request: seconds of building between two requests would let the server
 * close the client's idle keep-alive connection just as it is used again (ECONNRESET).
 */
function rowBomb(): Uint8Array {
  const row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
  const header = '<row><c t="inlineStr"><is><t>skole_id</t></is></c><c t="inlineStr"><is><t>skolenavn</t></is></c><c t="inlineStr"><is><t>kommune</t></is></c></row>';
  return buildXlsx({ sheets: [{ name: 'Skoler', rows: header + row.repeat(1_100_000) }] });
}

let app: SampleApp;
let admin: AuthClient;
let bomb: Uint8Array;

beforeAll(async () => {
  bomb = rowBomb();
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

  it('refuses a workbook that inflates to more rows than Excel has, answering /api/health all the while', async () => {
    expect(bomb.length).toBeLessThan(1 << 20);
    let done = false;
    const upload = admin.request('POST', '/api/imports?filename=bombe.xlsx', { body: bomb, headers: { 'content-type': xlsxType } }).finally(() => (done = true));
    const during: number[] = [];
    while (!done) {
      const t = performance.now();
      const res = await admin.get('/api/health');
      expect(res.status).toBe(200);
      await res.arrayBuffer();
      if (!done) during.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 50));
    }
    const res = await upload;
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      error: 'import_failed',
      details: { file: 'bombe.xlsx', reason: 'bombe.xlsx: arket «Skoler» har et radnummer utenfor Excels grense (1048576)' },
    });
    expect(during.length).toBeGreaterThanOrEqual(3);
    // Generous: the test machine is shared; a server reading the rows itself would answer after seconds.
    expect(Math.max(...during), JSON.stringify(during.map(Math.round))).toBeLessThan(2_000);
    expect((await admin.get('/api/health')).status).toBe(200);
  }, 120_000);
});
