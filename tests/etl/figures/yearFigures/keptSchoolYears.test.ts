/**
 * keptSchoolYears: the school years whose year figures are current in the file. None before
 * any are built, the sample's two ended years once they are, none again once the facts are
 * rebuilt (new facts retire every kept row).
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../etl/db/openDatabase.ts';
import { ensureFigureFacts, refreshFigureFacts } from '../../../../etl/figures/facts/ensureFigureFacts.ts';
import { buildYearFigures } from '../../../../etl/figures/yearFigures/buildYearFigures.ts';
import { keptSchoolYears } from '../../../../etl/figures/yearFigures/keptSchoolYears.ts';
import { copySampleDatabase } from '../../../helpers/sampleDatabase.ts';
import { makeTempDir, removeTempDirs } from '../../../helpers/tempDir.ts';
import { testPseudonymKey } from '../../../helpers/testKey.ts';

afterAll(() => removeTempDirs());

describe('keptSchoolYears', () => {
  it('is empty before the year figures are built, the ended years after, and empty again after new facts', async () => {
    const path = join(makeTempDir('rt-kept-years-'), 'sample.duckdb');
    await copySampleDatabase(path, testPseudonymKey());
    const db = await openDatabase(path);
    try {
      const conn = db.connection;
      expect(await keptSchoolYears(conn, await ensureFigureFacts(conn))).toEqual([]);
      // The sample data's school years 2024/25 and 2025/26 have both ended on this day.
      await buildYearFigures(conn, '2026-12-01');
      expect(await keptSchoolYears(conn, await ensureFigureFacts(conn))).toEqual([2024, 2025]);
      await refreshFigureFacts(conn);
      expect(await keptSchoolYears(conn, await ensureFigureFacts(conn))).toEqual([]);
    } finally {
      db.close();
    }
  });
});
