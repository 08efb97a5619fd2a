/** Fills an empty database with the fictional sample data, so `npm start` shows something. */
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { appendAudit } from '../etl/audit/auditLog.ts';
import { importAuditDetails } from '../etl/audit/importAuditDetails.ts';
import { projectRoot } from '../etl/db/defaultPaths.ts';
import { importBatch } from '../etl/load/importBatch.ts';
import type { ImportReport } from '../etl/load/importReport.ts';
import type { PseudonymKey } from '../etl/load/pseudonymKey.ts';

export const sampleDataDir = join(projectRoot, 'sample-data');

export async function databaseIsEmpty(conn: DuckDBConnection): Promise<boolean> {
  const result = await conn.runAndReadAll('SELECT count(*)::INTEGER FROM schools');
  return result.getRows()[0]![0] === 0;
}

/** Imports sample-data/ when the database has no schools (audited); returns the report, or null if it had data. */
export async function loadSampleDataIfEmpty(conn: DuckDBConnection, key: PseudonymKey): Promise<ImportReport | null> {
  if (!(await databaseIsEmpty(conn))) return null;
  const report = await importBatch(conn, [sampleDataDir], { key });
  await appendAudit(conn, { at: new Date(), username: null, role: null, via: 'system', action: 'import', target: 'sample-data', details: importAuditDetails(report) });
  return report;
}
