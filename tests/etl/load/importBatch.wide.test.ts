/**
 * Wide files: extra columns are only searched for national identity numbers (the row is
 * rejected naming the right extra column, two numbers in different fields never merge into
 * one), and a header wider than 1,000 columns is refused with a Norwegian reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../etl/db/openDatabase.ts';
import { importBatch } from '../../../etl/load/importBatch.ts';
import { makeTempDir, removeTempDirs } from '../../helpers/tempDir.ts';
import { openTestDatabase } from '../../helpers/testDatabase.ts';
import { testPseudonymKey } from '../../helpers/testKey.ts';
import { validNumberFrom } from '../../helpers/nationalIdentityNumber.ts';
import { writeText } from '../../helpers/writeCsv.ts';

const dir = makeTempDir('rt-wide-');
const key = testPseudonymKey();
let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  await importBatch(db.connection, [writeText(dir, 'skoler.csv', 'skole_id;skolenavn;kommune\n980000001;Lyngheia skole;Fjellbygd\n')], { key });
});
afterAll(() => {
  db?.close();
  removeTempDirs();
});

const base = 'case_id,school_id,kind,first_concern_date';

/** A cases file with `extra` extra columns named x0…; `fill(row, column)` gives an extra field. */
function wide(name: string, extra: number, rows: number, fill: (row: number, column: number) => string = () => ''): string {
  const header = base + ',' + Array.from({ length: extra }, (_, i) => `x${i}`).join(',');
  const lines = Array.from({ length: rows }, (_, r) => `W${name}-${r},980000001,individual,2024-09-01,` + Array.from({ length: extra }, (_, c) => fill(r, c)).join(','));
  return writeText(dir, `${name}.csv`, [header, ...lines].join('\n') + '\n');
}

describe('wide files', () => {
  it('rejects the row whose extra column holds an identity number, naming that column', async () => {
    const fnr = validNumberFrom('010203123');
    // Row 1 (line 3): the number in x250. Row 2: two 6-digit halves of it in x10 and x11, which must not join up.
    const file = wide('fnr', 300, 3, (r, c) => (r === 1 && c === 250 ? fnr : r === 2 && c === 10 ? fnr.slice(0, 6) : r === 2 && c === 11 ? fnr.slice(6) : 'tekst'));
    const report = await importBatch(db.connection, [file], { key });
    expect(report.files.map((f) => [f.read, f.inserted, f.rejected])).toEqual([[3, 2, 1]]);
    expect(report.rejections).toEqual([{ file, line: 3, column: 'x250', reason: expect.stringMatching(/^inneholder et fødselsnummer/) }]);
    expect(JSON.stringify(report)).not.toContain(fnr);
  });

  it('reads a file of exactly 1,000 columns', async () => {
    const report = await importBatch(db.connection, [wide('tusen', 996, 5)], { key });
    expect(report.files.map((f) => [f.read, f.inserted, f.rejected, f.ignored_columns.length])).toEqual([[5, 5, 0, 996]]);
  });

  it('refuses a file of 1,001 columns with the reason, loading nothing', async () => {
    const file = wide('for-bred', 997, 5);
    await expect(importBatch(db.connection, [file], { key })).rejects.toThrow(
      `${file}: filen har 1 001 kolonner i overskriftsraden; høyst 1 000 kan leses inn. Fjern kolonnene som ikke hører til datakontrakten og prøv igjen`,
    );
  });

  it('refuses a header too long to read at all (100,000 columns) in well under a second', async () => {
    const file = writeText(dir, 'enorm.csv', base + ',' + Array.from({ length: 100_000 }, (_, i) => `x${i}`).join(',') + '\nW-1,980000001,individual,2024-09-01\n');
    const started = performance.now();
    await expect(importBatch(db.connection, [file], { key })).rejects.toThrow(/filen har mer enn [0-9 ]+ kolonner i overskriftsraden; høyst 1 000 kan leses inn/);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
