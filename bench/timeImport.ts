/**
 * The import benchmark: the full validated import of the national files, and DuckDB's own
 * read_csv of the same files into plain tables (the physical limit), each into a new file.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { openDatabase } from '../etl/db/openDatabase.ts';
import { importBatch } from '../etl/load/importBatch.ts';
import { pseudonymKey } from '../etl/load/pseudonymKey.ts';
import { sqlString } from '../etl/load/sqlExpressions.ts';

function removeDatabase(path: string) {
  mkdirSync(dirname(path), { recursive: true });
  rmSync(path, { force: true });
  rmSync(`${path}.wal`, { force: true });
}

export async function timeNativeReadCsv(files: readonly string[], dbPath: string): Promise<number> {
  removeDatabase(dbPath);
  const instance = await DuckDBInstance.create(dbPath);
  const conn = await instance.connect();
  const started = performance.now();
  for (const file of files) {
    await conn.run(`CREATE TABLE "${basename(file, '.csv')}" AS SELECT * FROM read_csv(${sqlString(file)})`);
  }
  await conn.run('CHECKPOINT');
  const seconds = (performance.now() - started) / 1000;
  conn.closeSync();
  instance.closeSync();
  return seconds;
}

export async function timeImport(files: readonly string[], dbPath: string): Promise<{ seconds: number; rows: number; rejected: number }> {
  removeDatabase(dbPath);
  const db = await openDatabase(dbPath);
  const started = performance.now();
  const report = await importBatch(db.connection, files, { key: pseudonymKey(Buffer.alloc(32, 1)) });
  await db.connection.run('CHECKPOINT');
  const seconds = (performance.now() - started) / 1000;
  db.close();
  const rows = report.files.reduce((n, f) => n + f.read, 0);
  const rejected = report.files.reduce((n, f) => n + f.rejected, 0);
  return { seconds, rows, rejected };
}
