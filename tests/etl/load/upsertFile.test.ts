/**
 * Re-importing: rows are keyed by their id, identical rows are left untouched, changed rows
 * are updated, and a file without an optional column keeps the stored values of that column
 * (a narrower export never blanks out data it did not carry).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kinds } from '../../../etl/contract/index.ts';
import type { KindName } from '../../../etl/contract/types.ts';
import type { Database } from '../../../etl/db/openDatabase.ts';
import { importBatch } from '../../../etl/load/importBatch.ts';
import {
  baseRow, columnsOf, norwegianHeaders, norwegianLabels, parentRows, tableOf, withDateFormat, type Row,
} from '../../helpers/contractRows.ts';
import { makeTempDir, removeTempDirs } from '../../helpers/tempDir.ts';
import { dumpDatabase, openTestDatabase, queryRows } from '../../helpers/testDatabase.ts';
import { testPseudonymKey } from '../../helpers/testKey.ts';
import { writeCsv } from '../../helpers/writeCsv.ts';

const root = makeTempDir('rt-reimport-');
const key = testPseudonymKey();
const allKinds = kinds.map((k) => k.kind);

/** A few rows of every kind, all valid and referring to each other. */
function dataset(): Record<KindName, Row[]> {
  const parents = parentRows([0, 1, 2, 3]);
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  return {
    schools: parents.schools!,
    competence_efforts: parents.competence_efforts!,
    meetings: parents.meetings!,
    cases: [...parents.cases!, ...range(3).map((i) => baseRow('cases', i, 'R'))],
    discussions: range(4).map((i) => baseRow('discussions', i)),
    measures: range(3).map((i) => baseRow('measures', i, 'R')),
    yearwheel: range(3).map((i) => baseRow('yearwheel', i)),
    competence_participation: range(3).map((i) => baseRow('competence_participation', i)),
    deviations: range(3).map((i) => baseRow('deviations', i, 'R')),
  };
}

let counter = 0;
/** Writes the data as files in a fresh folder: canonical, or as a Norwegian export would write them. */
function writeDataset(data: Partial<Record<KindName, Row[]>>, style: 'canonical' | 'norwegian' = 'canonical'): string[] {
  const dir = join(root, String(counter++));
  mkdirSync(dir);
  return Object.entries(data).map(([name, rows]) => {
    const kind = name as KindName;
    if (style === 'canonical') return writeCsv(dir, `${kind}.csv`, tableOf(kind, rows));
    const written = rows.map((r) => withDateFormat({ ...r, ...norwegianLabelsFor(kind, r) }, 'd.m.yyyy'));
    return writeCsv(dir, `${kind}.csv`, tableOf(kind, written, (c) => norwegianHeaders[kind][c]!), {
      encoding: 'windows-1252', delimiter: ';', lineEnding: '\r\n',
    });
  });
}

/** Norwegian labels for the values a row really has (labels only replace equal codes). */
function norwegianLabelsFor(kind: KindName, row: Row): Row {
  const labels = norwegianLabels[kind] ?? {};
  const codes = baseRow(kind, 0);
  return Object.fromEntries(Object.entries(labels).filter(([column]) => row[column] === codes[column] && row[column] !== ''));
}

let db: Database;
let conn: DuckDBConnection;
beforeAll(async () => {
  db = await openTestDatabase();
  conn = db.connection;
});
afterAll(() => {
  db?.close();
  removeTempDirs();
});

const counts = (report: Awaited<ReturnType<typeof importBatch>>) =>
  Object.fromEntries(report.files.map((f) => [f.kind, [f.inserted, f.updated, f.unchanged]]));

describe('importBatch importing again', () => {
  const data = dataset();
  const sizes = Object.fromEntries(allKinds.map((k) => [k, data[k].length]));

  it('importBatch inserts every row the first time', async () => {
    const report = await importBatch(conn, writeDataset(data), { key });
    expect(report.rejections).toEqual([]);
    expect(counts(report)).toEqual(Object.fromEntries(allKinds.map((k) => [k, [sizes[k], 0, 0]])));
  });

  it('importBatch with the same files again reports every row unchanged and changes nothing', async () => {
    const before = await dumpDatabase(conn, allKinds);
    const report = await importBatch(conn, writeDataset(data), { key });
    expect(counts(report)).toEqual(Object.fromEntries(allKinds.map((k) => [k, [0, 0, sizes[k]]])));
    expect(await dumpDatabase(conn, allKinds)).toEqual(before);
  });

  it('importBatch with the same data written the Norwegian way (aliases, labels, D.M.YYYY, Windows-1252) reports every row unchanged', async () => {
    const before = await dumpDatabase(conn, allKinds);
    const report = await importBatch(conn, writeDataset(data, 'norwegian'), { key });
    expect(report.rejections).toEqual([]);
    expect(counts(report)).toEqual(Object.fromEntries(allKinds.map((k) => [k, [0, 0, sizes[k]]])));
    expect(await dumpDatabase(conn, allKinds)).toEqual(before);
  });

  it("importBatch with one case's closed_date changed reports exactly 1 updated and stores the new date", async () => {
    const changed = { ...data, cases: data.cases.map((r) => (r.case_id === 'RSA1' ? { ...r, closed_date: '2025-04-15' } : r)) };
    const report = await importBatch(conn, writeDataset({ cases: changed.cases }), { key });
    expect(counts(report)).toEqual({ cases: [0, 1, sizes.cases! - 1] });
    const rows = await queryRows(conn, `SELECT case_id, closed_date FROM cases ORDER BY case_id`);
    expect(rows.find((r) => r.case_id === 'RSA1')?.closed_date).toBe('2025-04-15');
    expect(rows.filter((r) => r.closed_date === '2025-04-15')).toHaveLength(1);
  });

  it('importBatch with the original cases again updates that one case back', async () => {
    const report = await importBatch(conn, writeDataset({ cases: data.cases }), { key });
    expect(counts(report)).toEqual({ cases: [0, 1, sizes.cases! - 1] });
  });

  it('importBatch logs every batch with its counts', async () => {
    const log = await queryRows(conn, 'SELECT batch_id, files, rows_read::INTEGER AS r, inserted::INTEGER AS i, updated::INTEGER AS u, unchanged::INTEGER AS n FROM import_batches ORDER BY batch_id');
    const total = Object.values(sizes).reduce((a, b) => a + b, 0);
    expect(log.map((b) => [b.files, b.r, b.i, b.u, b.n])).toEqual([
      [9, total, total, 0, 0],
      [9, total, 0, 0, total],
      [9, total, 0, 0, total],
      [1, sizes.cases, 0, 1, sizes.cases! - 1],
      [1, sizes.cases, 0, 1, sizes.cases! - 1],
    ]);
  });
});

describe('importBatch with a file lacking optional columns', () => {
  const full = [
    { ...baseRow('meetings', 1, 'N'), school_id: 'S1', status: 'cancelled', minutes_written: 'ja', participants: 'rektor|ppt', system_minutes: '30' },
    { ...baseRow('meetings', 2, 'N'), school_id: 'S1', status: 'held', minutes_written: 'nei', participants: 'helsesykepleier', system_minutes: '40' },
  ];
  const narrowColumns = ['meeting_id', 'school_id', 'date', 'system_minutes'];
  const narrow = (rows: readonly Row[]) => [narrowColumns, ...rows.map((r) => narrowColumns.map((c) => r[c]!))];
  const stored = () => queryRows(conn, `SELECT ${columnsOf('meetings').join(', ')} FROM meetings WHERE meeting_id LIKE 'NMO%' ORDER BY meeting_id`);

  beforeAll(async () => {
    const report = await importBatch(conn, writeDataset({ schools: dataset().schools, meetings: full }), { key });
    expect(report.rejections).toEqual([]);
  });

  it('importBatch reports the rows unchanged and keeps status, minutes_written and participants as stored', async () => {
    const before = await stored();
    const dir = join(root, String(counter++));
    mkdirSync(dir);
    const report = await importBatch(conn, [writeCsv(dir, 'motelogg.csv', narrow(full))], { key });
    expect(counts(report)).toEqual({ meetings: [0, 0, 2] });
    expect(await stored()).toEqual(before);
    expect(before.map((r) => [r.status, r.minutes_written, r.participants])).toEqual([
      ['cancelled', true, ['rektor', 'ppt']],
      ['held', false, ['helsesykepleier']],
    ]);
  });

  it('importBatch updates a changed column the file has and still keeps the ones it lacks', async () => {
    const dir = join(root, String(counter++));
    mkdirSync(dir);
    const changed = [{ ...full[0]!, system_minutes: '35' }, full[1]!, { ...baseRow('meetings', 3, 'N'), school_id: 'S1', system_minutes: '50' }];
    const report = await importBatch(conn, [writeCsv(dir, 'motelogg.csv', narrow(changed))], { key });
    expect(counts(report)).toEqual({ meetings: [1, 1, 1] });
    expect((await stored()).map((r) => [r.meeting_id, r.system_minutes, r.status, r.minutes_written, r.participants])).toEqual([
      ['NMO1', 35, 'cancelled', true, ['rektor', 'ppt']],
      ['NMO2', 40, 'held', false, ['helsesykepleier']],
      // A new row from the narrow file: status takes its default, the rest is unknown.
      ['NMO3', 50, 'held', null, null],
    ]);
  });
});

/**
 * Optional fields that go from empty to a value and back: the comparison must treat NULL as a
 * value (`IS NOT DISTINCT FROM`); with `=` a change from or to empty compares as unknown and
 * the row would count as neither updated nor unchanged, and would not be written.
 */
describe('importBatch with optional fields changing between empty and a value', () => {
  const optional = ['reported_date', 'consent_date', 'grade', 'topic', 'legal_area', 'challenges', 'student_ref', 'closed_date', 'outcome'];
  const empty: Row = { ...baseRow('cases', 1, 'O'), ...Object.fromEntries(optional.map((c) => [c, ''])) };
  const filled: Row = { ...empty, ...baseRow('cases', 1, 'O') };
  const other: Row = { ...baseRow('cases', 2, 'O') };
  const stored = async (caseId: string) =>
    (await queryRows(conn, `SELECT ${optional.map((c) => (c === 'student_ref' ? 'student_ref IS NOT NULL AS student_ref' : c)).join(', ')} FROM cases WHERE case_id = $id`, { id: caseId }))[0];
  const emptyStored = Object.fromEntries(optional.map((c) => [c, c === 'student_ref' ? false : null]));
  const filledStored = {
    reported_date: '2025-01-05', consent_date: '2025-01-06', grade: 5, topic: 'fravaer', legal_area: 'kap11', challenges: ['uro', 'passiv'],
    student_ref: true, closed_date: '2025-03-01', outcome: 'resolved',
  };
  const importCases = async (rows: readonly Row[]) => {
    const report = await importBatch(conn, writeDataset({ cases: [...rows] }), { key });
    expect(report.rejections).toEqual([]);
    return counts(report);
  };

  beforeAll(async () => {
    // The comparison runs only when the table already has rows (a first load inserts directly).
    expect((await queryRows(conn, 'SELECT count(*)::INTEGER AS n FROM cases'))[0]!.n).toBeGreaterThan(0);
  });

  it('importBatch inserts a case with every optional field empty and one with every field filled', async () => {
    expect(await importCases([empty, other])).toEqual({ cases: [2, 0, 0] });
    expect(await stored('OSA1')).toEqual(emptyStored);
  });

  it('importBatch updates the empty case when its optional fields get values (empty → value)', async () => {
    expect(await importCases([filled, other])).toEqual({ cases: [0, 1, 1] });
    expect(await stored('OSA1')).toEqual(filledStored);
  });

  it('importBatch reports the filled case unchanged when it comes again', async () => {
    expect(await importCases([filled, other])).toEqual({ cases: [0, 0, 2] });
  });

  it('importBatch updates the case when its optional fields are emptied again (value → empty)', async () => {
    expect(await importCases([empty, other])).toEqual({ cases: [0, 1, 1] });
    expect(await stored('OSA1')).toEqual(emptyStored);
  });

  it('importBatch updates a case whose optional fields change to other values (value → other value)', async () => {
    const changed = { ...other, grade: '7', topic: 'mobbing', challenges: 'uro', reported_date: '2025-01-04' };
    expect(await importCases([empty, changed])).toEqual({ cases: [0, 1, 1] });
    expect(await stored('OSA2')).toEqual({ ...filledStored, grade: 7, topic: 'mobbing', challenges: ['uro'], reported_date: '2025-01-04' });
  });

  it('importBatch updates a case where one optional field goes from empty to a value while the others stay empty', async () => {
    expect(await importCases([{ ...empty, grade: '3' }, { ...other, grade: '7', topic: 'mobbing', challenges: 'uro', reported_date: '2025-01-04' }])).toEqual({
      cases: [0, 1, 1],
    });
    expect(await stored('OSA1')).toEqual({ ...emptyStored, grade: 3 });
  });
});
