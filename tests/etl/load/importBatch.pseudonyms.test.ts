/**
 * student_ref is stored as HMAC-SHA-256 of the trimmed ref under the pseudonym key: the same
 * student in many rows (written with or without surrounding spaces) gets one pseudonym, an
 * empty ref none. Expected values are computed here with node:crypto from the refs as written
 * by hand below, not by the importer's SQL.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../etl/db/openDatabase.ts';
import { importBatch } from '../../../etl/load/importBatch.ts';
import type { ImportReport } from '../../../etl/load/importReport.ts';
import { makeTempDir, removeTempDirs } from '../../helpers/tempDir.ts';
import { openTestDatabase, queryRows } from '../../helpers/testDatabase.ts';
import { testKeyBytes, testPseudonymKey } from '../../helpers/testKey.ts';
import { csvText, writeText } from '../../helpers/writeCsv.ts';

const hmac = (ref: string) => createHmac('sha256', testKeyBytes).update(ref, 'utf8').digest('hex');

const header = ['case_id', 'school_id', 'kind', 'first_concern_date', 'student_ref'];
/** case_id → student_ref as written in the file. */
const written: ReadonlyArray<readonly [string, string]> = [
  ['S-1', 'E-100'],
  ['S-2', '  E-100'],
  ['S-3', 'E-100   '],
  ['S-4', 'E-200'],
  ['S-5', ''],
  ['S-6', '   '],
  ['S-7', 'E-200'],
  ['S-8', 'Ø-300'],
  // Only ever written with spaces around it.
  ['S-9', ' E-400 '],
];

describe('importBatch pseudonymises each student_ref (one pseudonym per student)', () => {
  let db: Database;
  let report: ImportReport;
  beforeAll(async () => {
    const dir = makeTempDir('rt-pseudonyms-');
    writeText(dir, 'skoler.csv', csvText([['school_id', 'school_name', 'municipality'], ['1', 'Nordby skole', 'Nordby']]));
    writeText(dir, 'saker.csv', csvText([header, ...written.map(([id, ref]) => [id, '1', 'individual', '2025-01-06', ref])]));
    db = await openTestDatabase();
    report = await importBatch(db.connection, [dir], { key: testPseudonymKey() });
  });
  afterAll(() => {
    db?.close();
    removeTempDirs();
  });

  it('loads every case', () => {
    expect(report.rejections).toEqual([]);
    expect(report.files.map((f) => [f.kind, f.inserted])).toEqual([
      ['schools', 1],
      ['cases', 9],
    ]);
  });

  it('stores the HMAC of the ref without its surrounding spaces, NULL for an empty ref', async () => {
    expect(await queryRows(db.connection, 'SELECT case_id, student_ref FROM cases ORDER BY case_id')).toEqual([
      { case_id: 'S-1', student_ref: hmac('E-100') },
      { case_id: 'S-2', student_ref: hmac('E-100') },
      { case_id: 'S-3', student_ref: hmac('E-100') },
      { case_id: 'S-4', student_ref: hmac('E-200') },
      { case_id: 'S-5', student_ref: null },
      { case_id: 'S-6', student_ref: null },
      { case_id: 'S-7', student_ref: hmac('E-200') },
      { case_id: 'S-8', student_ref: hmac('Ø-300') },
      { case_id: 'S-9', student_ref: hmac('E-400') },
    ]);
  });
});
