/**
 * A rejected line over 10,000 bytes whose byte 10,000 falls inside a character (DuckDB cuts
 * the text it keeps of a rejected record there): once the whole batch failed as
 * «databasefeil» (fuzz file #964 of issue 13). Now the line is rejected with its line number
 * and a Norwegian reason, and every other row of the file loads.
 */
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../../etl/db/defaultPaths.ts';
import type { Database } from '../../../etl/db/openDatabase.ts';
import { importBatch } from '../../../etl/load/importBatch.ts';
import { openTestDatabase, queryRows } from '../../helpers/testDatabase.ts';
import { makeTempDir, removeTempDirs } from '../../helpers/tempDir.ts';
import { testPseudonymKey } from '../../helpers/testKey.ts';
import { writeText } from '../../helpers/writeCsv.ts';

const hostile = join(projectRoot, 'tests', 'fixtures', 'hostile');
const key = testPseudonymKey();
let db: Database;
let conn: DuckDBConnection;

beforeEach(async () => {
  db = await openTestDatabase();
  conn = db.connection;
});
afterEach(() => db?.close());

const schoolIds = async () => (await queryRows(conn, 'SELECT school_id FROM schools ORDER BY school_id')).map((r) => r.school_id);

describe('a long unreadable line cut inside a character', () => {
  it('UTF-8 with a long Norwegian comment on a row with a field too many: that row rejected, the others loaded', async () => {
    const file = join(hostile, 'lang-avvist-rad.csv');
    const report = await importBatch(conn, [file], { key });
    expect(report.files).toEqual([{ file, kind: 'schools', read: 3, inserted: 2, updated: 0, unchanged: 0, rejected: 1, ignored_columns: [] }]);
    expect(report.rejections).toEqual([
      { file, line: 3, column: null, reason: 'raden har flere felt enn overskriftsraden (3) (raden er over 10 000 byte lang)' },
    ]);
    expect(await schoolIds()).toEqual(['S1', 'S3']);
    expect(await queryRows(conn, 'SELECT line::INTEGER AS line, reason FROM quarantine')).toEqual([{ line: 3, reason: report.rejections[0]!.reason }]);
  });

  it('UTF-16 with a huge field in single bytes (fuzz file #964): the broken line rejected, the next one loaded', async () => {
    const file = join(hostile, 'utf16-stort-felt.csv');
    const report = await importBatch(conn, [file], { key });
    expect(report.files[0]).toMatchObject({ read: 2, inserted: 1, rejected: 1 });
    expect(report.rejections).toEqual([
      { file, line: 2, column: null, reason: 'raden har færre felt enn overskriftsraden (3) (raden er over 10 000 byte lang)' },
    ]);
    expect(await schoolIds()).toEqual(['S3']);
  });

  it('a long valid line with the same characters is loaded, not rejected', async () => {
    const dir = makeTempDir('rt-long-');
    try {
      // The long bad line makes the importer try lines one by one; the long good one must stay.
      // A comment column is an extra column: read, then dropped.
      const comment = 'x' + 'ø'.repeat(5500);
      const file = writeText(dir, 'skoler.csv', `skole_id;skolenavn;kommune;merknad\nS1;Første;Fjordvik;${comment}\nS22;Lang;Fjordvik;${comment};y\n`);
      const report = await importBatch(conn, [file], { key });
      expect(report.rejections.map((r) => [r.line, r.reason])).toEqual([[3, 'raden har flere felt enn overskriftsraden (4) (raden er over 10 000 byte lang)']]);
      expect(await schoolIds()).toEqual(['S1']);
    } finally {
      removeTempDirs();
    }
  });
});
