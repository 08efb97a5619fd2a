/**
 * Imports a batch of files: staging → validation → upsert → quarantine. Each file is staged
 * (read, typed, checked on its own) into temp tables first; then one transaction checks the
 * foreign keys and upserts every file and rebuilds the figure facts, so a crash or an error
 * leaves the database as it was.
 * A problem with a whole file (unreadable, unknown kind) loads nothing; a bad row is
 * quarantined with file, line, column and reason while the rest loads.
 */
import { readFileSync, rmSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { kinds } from '../contract/index.ts';
import { buildFigureFacts } from '../figures/facts/buildFigureFacts.ts';
import { FACTS } from '../figures/facts/factTables.ts';
import type { KindName } from '../contract/types.ts';
import { fnrMacros } from './fnrSql.ts';
import { personnummerMacros } from './personnummerSql.ts';
import { ImportError, type FileReport, type ImportReport } from './importReport.ts';
import { listInputFiles } from './listInputFiles.ts';
import { makeImportTempDir } from './importTempDir.ts';
import { prepareFile, type PreparedFile } from './prepareFile.ts';
import type { PseudonymKey } from './pseudonymKey.ts';
import { collectRejections } from './collectRejections.ts';
import { fileTableNames, fileTables, stageFile } from './stageFile.ts';
import { rejectOutOfScope, type ImportScope } from './scopeRejections.ts';
import { upsertFile } from './upsertFile.ts';
import { acceptedRowsSql, rejectionsTableDdl, validateReferences } from './validateFile.ts';

export interface ImportOptions {
  readonly key: PseudonymKey;
  /** Treat every file as this kind instead of recognising it from the header. */
  readonly kind?: KindName;
  /** A municipality user's import: rows of schools outside the municipality are rejected (scopeRejections.ts). */
  readonly scope?: ImportScope;
  /** Called after each file is loaded inside the open transaction; tests use it to kill an import mid-batch. */
  readonly onFileLoaded?: (file: string) => void | Promise<void>;
  /** Called inside the transaction, everything written, immediately before COMMIT; tests use it to kill an import during COMMIT. */
  readonly beforeCommit?: () => void | Promise<void>;
}

const kindOrder = new Map(kinds.map((k, i) => [k.kind, i]));

export async function importBatch(conn: DuckDBConnection, paths: readonly string[], options: ImportOptions): Promise<ImportReport> {
  const tempDir = makeImportTempDir();
  let stagedFiles = 0;
  try {
    const prepared = listInputFiles(paths)
      .map((file, i) => prepareFile(file, tempDir, i, options.kind))
      .sort((a, b) => kindOrder.get(a.mapping.spec.kind)! - kindOrder.get(b.mapping.spec.kind)!);
    // The text each file's line numbers refer to: a repaired copy when quotes had to be mended.
    const read: PreparedFile[] = [];
    try {
      await setUpSession(conn, options.key);
      for (const [i, file] of prepared.entries()) {
        stagedFiles = i + 1;
        read.push(await stageFile(conn, i, file, tempDir));
      }
    } catch (error) {
      throw asImportError(error);
    }
    await conn.run('BEGIN TRANSACTION');
    try {
      const report = await loadBatch(conn, read, options);
      // The figure facts of the new data, in the same transaction: committed with it, and
      // until then every other connection reads the old data with the old facts.
      await conn.run(`CREATE SCHEMA IF NOT EXISTS ${FACTS}`);
      await buildFigureFacts(conn, FACTS);
      await options.beforeCommit?.();
      await conn.run('COMMIT');
      return report;
    } catch (error) {
      await conn.run('ROLLBACK');
      throw asImportError(error);
    }
  } finally {
    // Staging tables live outside the transaction: a failed batch must not leave them behind.
    for (let i = 0; i < stagedFiles; i++) for (const table of fileTableNames(i)) await conn.run(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
    await conn.run('RESET preserve_insertion_order').catch(() => undefined);
    rmSync(tempDir, { recursive: true, force: true });
  }
}

function asImportError(error: unknown): ImportError {
  if (error instanceof ImportError) return error;
  return new ImportError(`databasefeil, ingenting er lest inn: ${(error as Error).message}`);
}

async function setUpSession(conn: DuckDBConnection, key: PseudonymKey) {
  for (const macro of [...fnrMacros, ...personnummerMacros]) await conn.run(macro);
  await conn.run(rejectionsTableDdl);
  await conn.run('DELETE FROM rt_rejections');
  await conn.run('CREATE OR REPLACE TEMP TABLE rt_key (inner_pad BLOB, outer_pad BLOB)');
  await conn.run('INSERT INTO rt_key VALUES (unhex($inner), unhex($outer))', { inner: key.innerPadHex, outer: key.outerPadHex });
}

/** Inside the transaction: foreign keys and upsert, file by file (parents first), then the quarantine and the batch log. */
async function loadBatch(conn: DuckDBConnection, read: PreparedFile[], options: ImportOptions): Promise<ImportReport> {
  const files: FileReport[] = [];
  for (const [i, file] of read.entries()) {
    files.push(await loadFile(conn, i, file, options.scope));
    await options.onFileLoaded?.(file.file);
  }
  const batchId = Number((await conn.runAndReadAll(`SELECT nextval('import_batch_seq')`)).getRows()[0]![0]);
  const rejections = await collectRejections(conn, read, (f) => readFileSync(f.decoded.utf8Path, 'utf8'));
  await conn.run('DROP TABLE IF EXISTS rt_quarantine_rows');
  await conn.run('CREATE TEMP TABLE rt_quarantine_rows (file VARCHAR, kind VARCHAR, line BIGINT, "column" VARCHAR, reason VARCHAR)');
  for (const r of rejections) {
    const kind = read.find((p) => p.file === r.file)?.mapping.spec.kind ?? null;
    await conn.run('INSERT INTO rt_quarantine_rows VALUES ($file, $kind, $line, $column, $reason)', {
      file: r.file,
      kind,
      line: r.line,
      column: r.column,
      reason: r.reason,
    });
  }
  await conn.run(`INSERT INTO quarantine SELECT ${batchId}, * FROM rt_quarantine_rows`);
  const sum = (k: keyof FileReport) => files.reduce((acc, f) => acc + (f[k] as number), 0);
  await conn.run(
    `INSERT INTO import_batches VALUES (${batchId}, current_localtimestamp(), ${files.length}, ${sum('read')}, ${sum('inserted')}, ${sum('updated')}, ${sum('unchanged')}, ${sum('rejected')})`,
  );
  return { batch_id: batchId, files, rejections };
}

async function loadFile(conn: DuckDBConnection, i: number, file: PreparedFile, scope?: ImportScope): Promise<FileReport> {
  const t = fileTables(i);
  const mapping = file.mapping;
  await validateReferences(conn, i, mapping, t('typed'));
  if (scope) await rejectOutOfScope(conn, i, mapping, t('typed'), scope);
  const counts = await upsertFile(conn, mapping, acceptedRowsSql(t('typed'), i), t('staged'));
  const tally = await conn.runAndReadAll(
    `SELECT (SELECT count(*) FROM ${t('typed')})::INTEGER,
            (SELECT count(DISTINCT record_line) FROM rt_rejections WHERE file_index = ${i} AND record_line IS NOT NULL)::INTEGER,
            (SELECT count(DISTINCT row_id) FROM rt_rejections WHERE file_index = ${i} AND row_id IS NOT NULL)::INTEGER`,
  );
  const [typedRows, csvRejected, rowRejected] = tally.getRows()[0] as [number, number, number];
  for (const table of fileTableNames(i)) await conn.run(`DROP TABLE IF EXISTS ${table}`);
  return {
    file: file.file,
    kind: mapping.spec.kind,
    read: typedRows + csvRejected,
    ...counts,
    rejected: csvRejected + rowRejected,
    ignored_columns: [...mapping.ignoredColumns],
  };
}
