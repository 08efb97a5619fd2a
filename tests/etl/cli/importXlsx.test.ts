/**
 * `etl -- import` of the hand-written .xlsx fixture (tests/fixtures/xlsx/README.md) as an
 * administrator runs it: the database holds the same rows, and the same quarantined row,
 * as after importing the equivalent CSV files; the JSON report names the sheet, the row
 * Excel shows and the column letter with its header.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../../etl/db/defaultPaths.ts';
import { runEtl, type EtlRun } from '../../helpers/runEtl.ts';
import { makeTempDir, removeTempDirs } from '../../helpers/tempDir.ts';
import { dumpDatabase, openTestDatabase } from '../../helpers/testDatabase.ts';

const fixtures = join(projectRoot, 'tests/fixtures/xlsx');
const workbook = join(fixtures, 'moter-og-skoler.xlsx');

let xlsxRun: EtlRun;
let csvRun: EtlRun;
let xlsxDb: string;
let csvDb: string;

beforeAll(async () => {
  const dir = makeTempDir('rt-xlsx-cli-');
  xlsxDb = join(dir, 'xlsx.duckdb');
  csvDb = join(dir, 'csv.duckdb');
  [xlsxRun, csvRun] = await Promise.all([
    runEtl(['import', workbook, '--db', xlsxDb, '--json'], { timeoutMs: 120_000 }),
    runEtl(['import', join(fixtures, 'moter-og-skoler.skoler.csv'), join(fixtures, 'moter-og-skoler.moter.csv'), '--db', csvDb, '--json'], { timeoutMs: 120_000 }),
  ]);
}, 150_000);
afterAll(removeTempDirs);

async function stored(path: string) {
  const db = await openTestDatabase(path);
  try {
    const dump = await dumpDatabase(db.connection);
    for (const table of ['import_batches', 'audit_log']) delete dump[table];
    // The quarantine names the file and sheet, and the column by letter for a sheet (checked below); the rest must be equal.
    const named = new Set(['file', 'column'].map((c) => dump.quarantine!.columns.indexOf(c)));
    dump.quarantine = { ...dump.quarantine!, rows: dump.quarantine!.rows.map((r) => r.filter((_, i) => !named.has(i))) };
    return dump;
  } finally {
    db.close();
  }
}

describe('etl -- import of an .xlsx', () => {
  it('loads and prints the report with sheets, Excel rows and column letters', () => {
    expect(xlsxRun.stderr).toBe('');
    expect(xlsxRun.code).toBe(0);
    const report = JSON.parse(xlsxRun.stdout);
    expect(report.files.map((f: { file: string; sheet: string; kind: string; read: number; inserted: number; rejected: number }) => [f.file, f.sheet, f.kind, f.read, f.inserted, f.rejected])).toEqual([
      [workbook, 'Skoler', 'schools', 2, 2, 0],
      [workbook, 'Møtelogg', 'meetings', 4, 3, 1],
    ]);
    expect(report.rejections).toEqual([
      { file: workbook, sheet: 'Møtelogg', line: 5, column: 'B (Skole_ID)', reason: 'school_id finnes ikke i schools (verken i databasen eller i denne importen)' },
    ]);
    expect(report.skipped_sheets).toEqual([]);
  });

  it('stores what the equivalent CSV files store', async () => {
    expect(csvRun.code).toBe(0);
    const fromXlsx = await stored(xlsxDb);
    expect(fromXlsx.meetings!.rows.length).toBe(3);
    expect(fromXlsx.quarantine!.rows.length).toBe(1);
    expect(fromXlsx).toEqual(await stored(csvDb));
  });

  it('names the sheet in the quarantine and the history', async () => {
    const db = await openTestDatabase(xlsxDb);
    const q = await db.connection.runAndReadAll('SELECT file, line::INTEGER, "column" FROM quarantine');
    const h = await db.connection.runAndReadAll('SELECT file_names::VARCHAR FROM import_batches');
    db.close();
    expect(q.getRows()).toEqual([[`${workbook} › Møtelogg`, 5, 'B (Skole_ID)']]);
    expect(h.getRows()).toEqual([['[moter-og-skoler.xlsx › Skoler, moter-og-skoler.xlsx › Møtelogg]']]);
  });
});
