/**
 * The example exports of tests/fixtures/exports, imported as one folder: exactly the rows the
 * fixtures' README documents are rejected, each at its line and column with its reason, and
 * everything else loads. The expectations are written by hand in tests/helpers/exampleExports.ts.
 */
import { basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../etl/db/openDatabase.ts';
import { importBatch } from '../../../etl/load/importBatch.ts';
import type { ImportReport } from '../../../etl/load/importReport.ts';
import { exampleExportsDir, exampleSecrets, expectedFiles } from '../../helpers/exampleExports.ts';
import { countRows, dumpDatabase, openTestDatabase, queryRows } from '../../helpers/testDatabase.ts';
import { testPseudonymKey } from '../../helpers/testKey.ts';

let db: Database;
let report: ImportReport;

beforeAll(async () => {
  db = await openTestDatabase();
  report = await importBatch(db.connection, [exampleExportsDir], { key: testPseudonymKey() });
});
afterAll(() => db?.close());

const fileReport = (name: string) => report.files.find((f) => basename(f.file) === name)!;
const rejectionsOf = (name: string) => report.rejections.filter((r) => basename(r.file) === name);
const files = Object.entries(expectedFiles).map(([name, expected]) => ({ name, ...expected }));

describe('importBatch on the example exports folder', () => {
  it('importBatch reads every file of the folder, each as its kind, parents first', () => {
    expect(report.files.map((f) => [basename(f.file), f.kind])).toEqual(files.map((f) => [f.name, f.kind]));
  });

  it.each(files)('importBatch reads $read rows of $name, loads $inserted and lists the ignored columns', async ({ name, read, inserted, ignored, rejections }) => {
    const f = fileReport(name);
    expect([f.read, f.inserted, f.updated, f.unchanged, f.rejected, f.ignored_columns]).toEqual([read, inserted, 0, 0, rejections.length, ignored]);
    expect(await countRows(db.connection, f.kind)).toBe(inserted);
  });

  it.each(files)('importBatch rejects exactly the documented rows of $name: line, column, reason', ({ name, rejections }) => {
    expect(rejectionsOf(name).map((r) => [r.line, r.column, r.reason])).toEqual(rejections);
  });

  it('importBatch puts the same rejections in the quarantine', async () => {
    const rows = await queryRows(db.connection, 'SELECT file, kind, line::INTEGER AS line, "column", reason FROM quarantine ORDER BY kind, line');
    const expected = files.flatMap((f) => f.rejections.map(([line, column, reason]) => ({ file: `${exampleExportsDir}/${f.name}`, kind: f.kind, line, column, reason })));
    const order = (a: { kind: string; line: number }, b: { kind: string; line: number }) => a.kind.localeCompare(b.kind) || a.line - b.line;
    expect(rows).toEqual([...expected].sort(order));
  });

  it.each(exampleSecrets)('importBatch shows %j nowhere: report, quarantine, any table', async (secret) => {
    expect(JSON.stringify(report)).not.toContain(secret);
    expect(JSON.stringify(await dumpDatabase(db.connection))).not.toContain(secret);
  });

  it('importBatch decodes the Windows-1252 meeting log (Gjennomført/Avlyst become held/cancelled, Ø in ids kept)', async () => {
    const rows = await queryRows(db.connection, 'SELECT meeting_id, status FROM meetings ORDER BY meeting_id');
    expect(rows.map((r) => [r.meeting_id, r.status])).toEqual([
      ['MØ-1-01', 'held'], ['MØ-1-02', 'cancelled'], ['MØ-1-03', 'held'], ['MØ-2-01', 'held'], ['MØ-2-02', 'held'], ['MØ-3-01', 'held'],
    ]);
  });

  it('importBatch reads the UTF-8 (BOM) schools with æøå, the no-break-space thousands separator and the empty counts', async () => {
    const rows = await queryRows(db.connection, 'SELECT school_id, school_name, level, students FROM schools ORDER BY school_id');
    expect(rows.map((r) => [r.school_id, r.school_name, r.level, r.students])).toEqual([
      ['980000001', 'Lyngheia skole', 'barneskole', 312],
      ['980000002', 'Østre Åsen ungdomsskole', 'ungdomsskole', 1050],
      ['980000003', 'Bekkestua oppvekstsenter', 'kombinert', 148],
      ['980000004', 'Særli skole', null, null],
    ]);
  });

  it('importBatch reads the Norwegian labels, lists and dates of the cases', async () => {
    const rows = await queryRows(db.connection, 'SELECT case_id, kind, first_concern_date::VARCHAR AS d, challenges, outcome FROM cases ORDER BY case_id');
    expect(rows.map((r) => [r.case_id, r.kind, r.d, r.challenges, r.outcome])).toEqual([
      ['SAK-101', 'individual', '2024-09-02', ['uro', 'passiv'], 'resolved'],
      ['SAK-102', 'system', '2024-09-10', null, null],
      ['SAK-103', 'individual', '2024-08-20', ['samspill'], null],
      ['SAK-104', 'anonymous', '2024-08-27', null, 'referred_ppt'],
      ['SAK-105', 'individual', '2024-09-03', ['lesevansker'], 'referred_ppt'],
      ['SAK-115', 'individual', '2024-10-01', ['uro', 'konsentrasjon'], null],
    ]);
  });

  it('importBatch reads the Windows-1252 year wheel (Møte, TGL-besøk, Årlig evaluering) and the quoted title with a semicolon', async () => {
    const rows = await queryRows(db.connection, 'SELECT school_id, activity, title FROM yearwheel ORDER BY school_id, activity');
    expect(rows.map((r) => [r.school_id, r.activity, r.title])).toEqual([
      ['980000001', 'meeting', 'Oppstartsmøte'],
      ['980000001', 'tgl_visit', 'Besøk fra TGL'],
      ['980000002', 'annual_review', 'Evaluering av ressursteamet'],
      ['980000003', 'system_theme', 'Klasseledelse; del 1'],
    ]);
  });
});
