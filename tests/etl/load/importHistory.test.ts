/**
 * The import history and the quarantine read back: a row a later import fixes (same key,
 * valid) leaves the quarantine and the history says so; the quarantine keeps no value of a
 * row; a municipality user sees only their own batches and their schools' rows.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../etl/db/openDatabase.ts';
import { importBatch } from '../../../etl/load/importBatch.ts';
import { listBatches, quarantinedRows } from '../../../etl/load/importHistory.ts';
import { makeTempDir, removeTempDirs } from '../../helpers/tempDir.ts';
import { openTestDatabase, queryRows } from '../../helpers/testDatabase.ts';
import { testPseudonymKey } from '../../helpers/testKey.ts';
import { writeText } from '../../helpers/writeCsv.ts';

const dir = makeTempDir('rt-history-');
const key = testPseudonymKey();
let db: Database;
let conn: DuckDBConnection;
const admin = { municipality: null, username: 'admin' };

const schools = 'skole_id;skolenavn;kommune\n980000001;Lyngheia skole;Fjellbygd\n980000002;Nordby skole;Havvik\n';
const casesHeader = 'case_id,school_id,kind,first_concern_date,grade,student_ref';

beforeAll(async () => {
  db = await openTestDatabase();
  conn = db.connection;
  await importBatch(conn, [writeText(dir, 'skoler.csv', schools)], { key, actor: { username: 'ole', via: 'cli' } });
  // Batch 2 (by kari over HTTP): SAK-1 good, SAK-2 a grade of 14 (Fjellbygd), SAK-3 an unknown school, SAK-4 no date (Havvik).
  const first = [casesHeader, 'SAK-1,980000001,individual,2024-09-01,3,E-1', 'SAK-2,980000001,individual,2024-09-02,14,E-2', 'SAK-3,999999999,individual,2024-09-03,3,E-3', 'SAK-4,980000002,individual,,3,E-4'];
  await importBatch(conn, [writeText(dir, 'saker.csv', first.join('\n') + '\n')], { key, actor: { username: 'kari', via: 'http' } });
  // Batch 3: SAK-2 fixed; SAK-3 still names the unknown school.
  const second = [casesHeader, 'SAK-2,980000001,individual,2024-09-02,4,E-2', 'SAK-3,999999999,individual,2024-09-03,3,E-3'];
  await importBatch(conn, [writeText(dir, 'saker-rettet.csv', second.join('\n') + '\n')], { key, actor: { username: 'kari', via: 'http' } });
});
afterAll(() => {
  db?.close();
  removeTempDirs();
});

describe('import history', () => {
  it('lists every batch newest first with who, files, counts and what later batches fixed', async () => {
    const batches = await listBatches(conn, admin);
    expect(batches.map(({ imported_at, ...rest }) => (expect(imported_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/), rest))).toEqual([
      { batch_id: 3, username: 'kari', via: 'http', file_names: ['saker-rettet.csv'], files: 1, rows_read: 2, inserted: 1, updated: 0, unchanged: 0, rejected: 1, resolved_earlier: 1, fixed_later: 0, still_quarantined: 1, outcome: 'loaded_with_rejections', reason: null },
      { batch_id: 2, username: 'kari', via: 'http', file_names: ['saker.csv'], files: 1, rows_read: 4, inserted: 1, updated: 0, unchanged: 0, rejected: 3, resolved_earlier: 0, fixed_later: 1, still_quarantined: 2, outcome: 'loaded_with_rejections', reason: null },
      { batch_id: 1, username: 'ole', via: 'cli', file_names: ['skoler.csv'], files: 1, rows_read: 2, inserted: 2, updated: 0, unchanged: 0, rejected: 0, resolved_earlier: 0, fixed_later: 0, still_quarantined: 0, outcome: 'loaded', reason: null },
    ]);
  });

  it("leaves a fixed row out of the batch's quarantine, and shows it with the batch that fixed it when asked", async () => {
    const open = await quarantinedRows(conn, admin, 2, false);
    expect(open).toEqual([
      { file: 'saker.csv', kind: 'cases', line: 4, column: 'school_id', reason: 'school_id finnes ikke i schools (verken i databasen eller i denne importen)', resolved_batch: null },
      { file: 'saker.csv', kind: 'cases', line: 5, column: 'first_concern_date', reason: 'mangler verdi (påkrevd kolonne)', resolved_batch: null },
    ]);
    const all = await quarantinedRows(conn, admin, 2, true);
    expect(all.map((r) => [r.line, r.column, r.resolved_batch])).toEqual([
      [3, 'grade', 3],
      [4, 'school_id', null],
      [5, 'first_concern_date', null],
    ]);
  });

  it('keeps a row that is still invalid in the quarantine of both batches', async () => {
    expect((await quarantinedRows(conn, admin, 3, true)).map((r) => [r.file, r.line, r.column, r.resolved_batch])).toEqual([['saker-rettet.csv', 3, 'school_id', null]]);
  });

  it('stores no value of a quarantined row: the key only as a keyed pseudonym', async () => {
    const rows = await queryRows(conn, 'SELECT * FROM quarantine');
    const text = JSON.stringify(rows);
    for (const value of ['SAK-2', 'SAK-3', 'SAK-4', 'E-2', 'E-3', '999999999', '14']) expect(text).not.toContain(`"${value}"`);
    expect(text).not.toMatch(/SAK-|E-\d/);
    for (const r of rows) expect(r.row_key).toMatch(/^[0-9a-f]{64}$/);
  });

  it("shows a municipality user the batches they imported and other batches' rows of their schools only", async () => {
    // kari imported batches 2 and 3 over HTTP; a Havvik user named per sees only SAK-4's row (school 980000002).
    const per = { municipality: 'Havvik', username: 'per' };
    expect((await listBatches(conn, per)).map((b) => [b.batch_id, b.still_quarantined])).toEqual([[2, 1]]);
    expect((await quarantinedRows(conn, per, 2, true)).map((r) => r.line)).toEqual([5]);
    expect(await quarantinedRows(conn, per, 1, true)).toEqual([]);
    const kari = { municipality: 'Fjellbygd', username: 'kari' };
    expect((await listBatches(conn, kari)).map((b) => b.batch_id)).toEqual([3, 2]);
    expect((await quarantinedRows(conn, kari, 2, false)).map((r) => r.line)).toEqual([4, 5]);
  });
});
