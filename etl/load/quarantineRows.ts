/**
 * The quarantine's own bookkeeping, set-based: each rejected row's key as a keyed pseudonym
 * and its school (when it names one the database knows), a later batch's valid rows marking
 * the quarantined rows with the same key as fixed, and the rows written with DuckDB's
 * appender (one bulk append inside the batch's transaction, not one INSERT a row: 455,899
 * rejected rows took 298 s and 9.6 GB that way). Never a value of the row: the key is
 * stored only as HMAC-SHA-256 under the pseudonym key, the school only if it exists.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { KindSpec } from '../contract/types.ts';
import { pseudonymSql } from './pseudonymKey.ts';
import { sqlIdentifier as id, sqlString } from './sqlExpressions.ts';

export const rowKeysTableDdl = `CREATE TEMP TABLE IF NOT EXISTS rt_row_keys (file_index INTEGER, row_id BIGINT, row_key VARCHAR, school_id VARCHAR)`;

/** The keyed pseudonym of a row's key (kind and key columns, separated by a control character), NULL if a key column is. */
export function rowKeySql(spec: KindSpec, alias: string): string {
  const parts = spec.key.map((k) => `CAST(${alias}.${id(k)} AS VARCHAR)`);
  const whole = `${sqlString(spec.kind)} || chr(31) || concat_ws(chr(31), ${parts.join(', ')})`;
  return `CASE WHEN ${parts.map((p) => `${p} IS NOT NULL`).join(' AND ')} THEN ${pseudonymSql(whole)} END`;
}

/** A known school of the row: its own school_id, or its case's or meeting's. */
function schoolSql(spec: KindSpec, alias: string): { join: string; school: string } {
  const has = (name: string) => spec.columns.some((c) => c.name === name);
  if (has('school_id')) return { join: `LEFT JOIN schools s ON s.school_id = ${alias}.school_id`, school: 's.school_id' };
  if (has('case_id')) return { join: `LEFT JOIN cases s ON s.case_id = ${alias}.case_id`, school: 's.school_id' };
  if (has('meeting_id')) return { join: `LEFT JOIN meetings s ON s.meeting_id = ${alias}.meeting_id`, school: 's.school_id' };
  return { join: '', school: 'NULL' };
}

/** Records the key and school of file i's rejected rows before its typed table is dropped. */
export async function recordRejectedRowKeys(conn: DuckDBConnection, fileIndex: number, spec: KindSpec, typed: string): Promise<void> {
  const { join, school } = schoolSql(spec, 't');
  await conn.run(`INSERT INTO rt_row_keys
    SELECT ${fileIndex}, t._row, ${rowKeySql(spec, 't')}, ${school}
    FROM ${typed} t SEMI JOIN (SELECT row_id FROM rt_rejections WHERE file_index = ${fileIndex}) r ON r.row_id = t._row ${join}`);
}

/**
 * Marks as fixed by `batchId` the quarantined rows of earlier batches whose key a valid row
 * of this file has. Returns how many. Hashes the accepted rows only when something of this
 * kind waits in the quarantine.
 */
export async function resolveQuarantine(conn: DuckDBConnection, batchId: number, spec: KindSpec, accepted: string): Promise<number> {
  const waiting = `FROM quarantine WHERE resolved_batch IS NULL AND row_key IS NOT NULL AND kind = ${sqlString(spec.kind)} AND batch_id < ${batchId}`;
  const any = await conn.runAndReadAll(`SELECT EXISTS (SELECT 1 ${waiting})`);
  if (any.getRows()[0]![0] !== true) return 0;
  const result = await conn.run(`UPDATE quarantine SET resolved_batch = ${batchId}
    WHERE resolved_batch IS NULL AND row_key IS NOT NULL AND kind = ${sqlString(spec.kind)} AND batch_id < ${batchId}
      AND row_key IN (SELECT ${rowKeySql(spec, 'a')} FROM ${accepted} a)`);
  return Number(result.rowsChanged);
}

export interface QuarantineRow {
  readonly file: string;
  readonly kind: string | null;
  readonly line: number;
  readonly column: string | null;
  readonly reason: string;
  readonly rowKey: string | null;
  readonly schoolId: string | null;
}

/** Appends the batch's quarantined rows in one go (inside the open transaction: rolled back with it). */
export async function writeQuarantine(conn: DuckDBConnection, batchId: number, rows: readonly QuarantineRow[]): Promise<void> {
  if (rows.length === 0) return;
  const appender = await conn.createAppender('quarantine');
  try {
    const text = (v: string | null) => (v === null ? appender.appendNull() : appender.appendVarchar(v));
    // The table's column order: batch_id, file, kind, line, column, reason, row_key, resolved_batch, school_id.
    for (const r of rows) {
      appender.appendInteger(batchId);
      appender.appendVarchar(r.file);
      text(r.kind);
      appender.appendBigInt(BigInt(r.line));
      text(r.column);
      appender.appendVarchar(r.reason);
      text(r.rowKey);
      appender.appendNull();
      text(r.schoolId);
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}
