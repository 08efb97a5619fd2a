/**
 * The shared example exports, imported as one folder: exactly the documented rows are
 * rejected, each with a line, a column and a reason, and everything else loads.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../etl/db/openDatabase.ts';
import { importBatch } from '../../../etl/load/importBatch.ts';
import type { ImportReport } from '../../../etl/load/importReport.ts';
import { documentedRejections, requireExampleExports } from '../../helpers/exampleExports.ts';
import { countRows, openTestDatabase, queryRows } from '../../helpers/testDatabase.ts';
import { testPseudonymKey } from '../../helpers/testKey.ts';

let db: Database;
let report: ImportReport;
const dir = requireExampleExports();

beforeAll(async () => {
  db = await openTestDatabase();
  report = await importBatch(db.connection, [dir], { key: testPseudonymKey() });
});
afterAll(() => db?.close());

const fileReport = (name: string) => report.files.find((f) => basename(f.file) === name)!;
const rejectionsOf = (name: string) => report.rejections.filter((r) => basename(r.file) === name);
/** Data lines of a file: every line after the header that is not empty (the examples have no quoted line breaks). */
const dataLines = (name: string) => readFileSync(join(dir, name), 'latin1').split(/\r?\n/).slice(1).filter((l) => l !== '').length;

describe('importBatch on the example exports folder', () => {
  it('importBatch reads every file of the folder, each as its kind', () => {
    expect(report.files.map((f) => [basename(f.file), f.kind])).toEqual([
      ['skoler.csv', 'schools'],
      ['kompetansesatsinger.csv', 'competence_efforts'],
      ['motelogg.csv', 'meetings'],
      ['saker.csv', 'cases'],
      ['droftinger.tsv', 'discussions'],
      ['tiltak.csv', 'measures'],
      ['arshjul.csv', 'yearwheel'],
      ['kompetansedeltakelse.csv', 'competence_participation'],
    ]);
  });

  it.each(Object.entries(documentedRejections))('importBatch rejects exactly the documented rows of %s (%i)', (name, count) => {
    const f = fileReport(name);
    expect(f.rejected).toBe(count);
    expect(rejectionsOf(name)).toHaveLength(count);
    expect(new Set(rejectionsOf(name).map((r) => r.line)).size).toBe(count);
  });

  it.each(Object.keys(documentedRejections))('importBatch loads every other row of %s (inserted = read − rejected)', async (name) => {
    const f = fileReport(name);
    expect(f.read).toBe(dataLines(name));
    expect(f.inserted).toBe(f.read - f.rejected);
    expect(f.updated + f.unchanged).toBe(0);
    expect(await countRows(db.connection, f.kind)).toBe(f.inserted);
  });

  it('importBatch lists the free-text and name columns of saker.csv as ignored', () => {
    expect(fileReport('saker.csv').ignored_columns).toEqual(['beskrivelse', 'elevnavn']);
    expect(report.files.filter((f) => basename(f.file) !== 'saker.csv').flatMap((f) => f.ignored_columns)).toEqual([]);
  });

  it('importBatch gives every rejection a physical line, a column as the file names it and a reason', () => {
    for (const r of report.rejections) {
      expect(Number.isInteger(r.line) && r.line >= 2, JSON.stringify(r)).toBe(true);
      expect(typeof r.column === 'string' && r.column.length > 0, JSON.stringify(r)).toBe(true);
      expect(r.reason.length, JSON.stringify(r)).toBeGreaterThan(10);
    }
  });

  it.each([
    { name: 'motelogg.csv', lines: [12, 13, 14], columns: ['Dato', 'Skole_ID', 'Minutter_system'] },
    { name: 'saker.csv', lines: [9, 22, 35, 48, 61, 74, 87, 100], columns: ['closed_date', 'closed_date', 'first_concern_date', 'school_id', 'student_ref', 'consent_date', 'kind', 'grade'] },
    { name: 'droftinger.tsv', lines: [7, 8, 9], columns: ['case_id', 'meeting_id', 'case_id'] },
    { name: 'tiltak.csv', lines: [5, 6, 7, 8], columns: ['evaluated_date', 'level', 'staff_reached', 'case_id'] },
  ])('importBatch rejects the bad rows of $name at their lines and columns', ({ name, lines, columns }) => {
    expect(rejectionsOf(name).map((r) => [r.line, r.column])).toEqual(lines.map((l, i) => [l, columns[i]]));
  });

  it('importBatch shows the national identity number of saker.csv nowhere', async () => {
    const quarantine = JSON.stringify(await queryRows(db.connection, 'SELECT * FROM quarantine'));
    expect(JSON.stringify(report)).not.toContain('22051874955');
    expect(quarantine).not.toContain('22051874955');
  });

  it('importBatch decodes the Windows-1252 meeting log (Gjennomført/Avlyst become held/cancelled)', async () => {
    const rows = await queryRows(db.connection, 'SELECT status, count(*)::INTEGER AS n FROM meetings GROUP BY status ORDER BY status');
    expect(rows.map((r) => r.status)).toEqual(['cancelled', 'held']);
  });
});
