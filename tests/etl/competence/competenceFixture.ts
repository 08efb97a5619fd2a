/** Loads the hand-made CSV fixture of contract 4c (tests/fixtures/competence) through the real importer. */
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { projectRoot } from '../../../etl/db/defaultPaths.ts';
import { importBatch } from '../../../etl/load/importBatch.ts';
import { testPseudonymKey } from '../../helpers/testKey.ts';

export const competenceFixtureDir = join(projectRoot, 'tests', 'fixtures', 'competence');

export async function loadCompetenceFixture(conn: DuckDBConnection): Promise<void> {
  const report = await importBatch(conn, [competenceFixtureDir], { key: testPseudonymKey() });
  const rejected = report.files.reduce((sum, f) => sum + f.rejected, 0);
  if (rejected > 0) throw new Error(`the competence fixture has rejected rows: ${JSON.stringify(report.rejections)}`);
}
