/**
 * The report keeps the first rejections of a file by line, and for the rest a count per
 * reason; the quarantine keeps every one (collectRejections.ts: memory stays bounded on a
 * file where every row is rejected).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../etl/db/openDatabase.ts';
import { importBatch } from '../../../etl/load/importBatch.ts';
import type { ImportReport } from '../../../etl/load/importReport.ts';
import { makeTempDir, removeTempDirs } from '../../helpers/tempDir.ts';
import { openTestDatabase, queryRows } from '../../helpers/testDatabase.ts';
import { testPseudonymKey } from '../../helpers/testKey.ts';
import { writeText } from '../../helpers/writeCsv.ts';

const dir = makeTempDir('rt-cap-');
let db: Database;
let report: ImportReport;
let file: string;
const unknownSchool = 'school_id finnes ikke i schools (verken i databasen eller i denne importen)';

beforeAll(async () => {
  db = await openTestDatabase();
  await db.connection.run(`INSERT INTO schools (school_id, school_name, municipality) VALUES ('S1', 'Havblikk skole', 'Fjordvik')`);
  const header = 'case_id,school_id,kind,first_concern_date,grade';
  // Lines 2–9: a CSV record with too few fields (line 5) among row rejections, one row loaded (line 8).
  file = writeText(dir, 'saker.csv', [
    header,
    'C-1,S9,individual,2025-01-10,3',
    'C-2,S1,individual,2025-01-10,14',
    'C-3,S9,individual,2025-01-10,3',
    'C-4,S9',
    'C-5,S9,individual,2025-01-10,3',
    'C-6,S9,individual,2025-01-10,3',
    'C-7,S1,individual,2025-01-10,3',
    'C-8,S9,individual,2025-01-10,3',
  ].join('\n') + '\n');
  report = await importBatch(db.connection, [file], { key: testPseudonymKey(), reportRejectionsPerFile: 4 });
});
afterAll(() => {
  db?.close();
  removeTempDirs();
});

describe('a report with more rejections than it lists', () => {
  it('lists the first four by line', () => {
    expect(report.rejections.map((r) => [r.line, r.column])).toEqual([
      [2, 'school_id'],
      [3, 'grade'],
      [4, 'school_id'],
      [5, null],
    ]);
    expect(report.files[0]).toMatchObject({ read: 8, inserted: 1, rejected: 7 });
  });

  it('counts the rest, and every rejection per reason', () => {
    expect(report.rejections_omitted).toHaveLength(1);
    const [omitted] = report.rejections_omitted!;
    expect(omitted!.file).toBe(file);
    expect(omitted!.count).toBe(3);
    expect(Object.values(omitted!.by_reason).reduce((a, b) => a + b, 0)).toBe(7);
    expect(omitted!.by_reason[unknownSchool]).toBe(5);
  });

  it('keeps all seven in the quarantine', async () => {
    const rows = await queryRows(db.connection, 'SELECT line::INTEGER AS line FROM quarantine ORDER BY line');
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 9]);
  });
});

it('a report within the limit has no rejections_omitted', async () => {
  const small = await openTestDatabase();
  try {
    const one = await importBatch(small.connection, [writeText(dir, 'en.csv', 'skole_id;skolenavn;kommune\nS1;A;K\nS2;;K\n')], { key: testPseudonymKey() });
    expect(one.rejections).toHaveLength(1);
    expect(one).not.toHaveProperty('rejections_omitted');
  } finally {
    small.close();
  }
});
