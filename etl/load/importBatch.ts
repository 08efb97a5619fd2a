/**
 * Imports a batch of files: staging → validation → upsert → quarantine. Each file is staged
 * (read, typed, checked on its own) into temp tables first; then one transaction checks the
 * foreign keys and upserts every file and rebuilds the figure facts, so a crash or an error
 * leaves the database as it was.
 * A problem with a whole file (unreadable, unknown kind) loads nothing; a bad row is
 * quarantined with file, line, column and reason while the rest loads.
 */
import { readFileSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { kinds } from '../contract/index.ts';
import { buildFigureFacts } from '../figures/facts/buildFigureFacts.ts';
import { FACTS } from '../figures/facts/factTables.ts';
import type { KindName } from '../contract/types.ts';
import { fnrMacros } from './fnrSql.ts';
import { historyFileName } from './historyFileName.ts';
import { personnummerMacros } from './personnummerSql.ts';
import { recordRefusal } from './recordRefusal.ts';
import { ImportError, type FileReport, type ImportReport, type Rejection } from './importReport.ts';
import { listInputFiles } from './listInputFiles.ts';
import { makeImportTempDir } from './importTempDir.ts';
import { prepareFile, type PreparedFile } from './prepareFile.ts';
import { isWorkbook, prepareWorkbook, type SkippedSheet } from './prepareWorkbook.ts';
import type { XlsxLimits } from '../read/xlsx/xlsxLimits.ts';
import type { PseudonymKey } from './pseudonymKey.ts';
import { collectRejections } from './collectRejections.ts';
import { fileTableNames, fileTables, stageFile } from './stageFile.ts';
import { recordRejectedRowKeys, resolveQuarantine, rowKeysTableDdl, writeQuarantine } from './quarantineRows.ts';
import { rejectOutOfScope, type ImportScope } from './scopeRejections.ts';
import { upsertFile } from './upsertFile.ts';
import { acceptedRowsSql, rejectionsTableDdl, validateReferences } from './validateFile.ts';

/** What the import is doing, for a progress display (server/routes/importStage.ts). */
export type ImportStage = 'reading' | 'loading' | 'quarantine' | 'figures';

export interface ImportOptions {
  /** Told each stage as it begins. */
  readonly onStage?: (stage: ImportStage) => void;
  readonly key: PseudonymKey;
  /** Treat every file as this kind instead of recognising it from the header. */
  readonly kind?: KindName;
  /** A municipality user's import: rows of schools outside the municipality are rejected (scopeRejections.ts). */
  readonly scope?: ImportScope;
  /** Called after each file is loaded inside the open transaction; tests use it to kill an import mid-batch. */
  readonly onFileLoaded?: (file: string) => void | Promise<void>;
  /** Called inside the transaction, everything written, immediately before COMMIT; tests use it to kill an import during COMMIT. */
  readonly beforeCommit?: () => void | Promise<void>;
  /** Who imports, for the import history. */
  readonly actor?: { readonly username: string; readonly via: 'cli' | 'http' };
  /** Rejections of one file the report lists at most (default collectRejections.ts's); the quarantine keeps all. */
  readonly reportRejectionsPerFile?: number;
  /** The name the history keeps for a file (an upload's own name); default the path's last part. */
  readonly fileName?: (path: string) => string;
  /** Limits on reading .xlsx workbooks (tests lower them); default xlsxLimits.ts. */
  readonly xlsxLimits?: XlsxLimits;
}

/** As the report names a file: the upload's name over HTTP, the path given on the command line. */
const shownName = (options: ImportOptions, file: string) => (options.fileName ? options.fileName(file) : file);

/** As the history names a file: with its sheet for a workbook's sheet (`bok.xlsx › Saker`). */
const withSheet = (name: string, sheet: string | undefined) => (sheet === undefined ? name : `${name} › ${sheet}`);

const kindOrder = new Map(kinds.map((k, i) => [k.kind, i]));

export async function importBatch(conn: DuckDBConnection, paths: readonly string[], options: ImportOptions): Promise<ImportReport> {
  try {
    return await importOrRefuse(conn, paths, options);
  } catch (error) {
    // A refused batch is kept in the history too (recordRefusal.ts), after its rollback.
    if (error instanceof ImportError) await recordRefusal(conn, paths, error, options);
    throw error;
  }
}

async function importOrRefuse(conn: DuckDBConnection, paths: readonly string[], options: ImportOptions): Promise<ImportReport> {
  const tempDir = makeImportTempDir();
  let stagedFiles = 0;
  try {
    const skipped: SkippedSheet[] = [];
    const unsorted: PreparedFile[] = [];
    for (const [i, file] of listInputFiles(paths).entries()) {
      if (!isWorkbook(file)) unsorted.push(await prepareFile(file, tempDir, i, options.kind));
      else {
        const workbook = await prepareWorkbook(file, tempDir, i, options.kind, options.xlsxLimits);
        skipped.push(...workbook.skipped);
        unsorted.push(...workbook.prepared);
      }
    }
    const prepared = unsorted.sort((a, b) => kindOrder.get(a.mapping.spec.kind)! - kindOrder.get(b.mapping.spec.kind)!);
    // The text each file's line numbers refer to: a repaired copy when quotes had to be mended.
    const read: PreparedFile[] = [];
    try {
      options.onStage?.('reading');
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
      options.onStage?.('loading');
      const report = await loadBatch(conn, read, options);
      if (skipped.length || read.some((f) => f.sheet)) report.skipped_sheets = skipped.map((k) => ({ ...k, file: shownName(options, k.file) }));
      // The figure facts of the new data, in the same transaction: committed with it, and
      // until then every other connection reads the old data with the old facts.
      options.onStage?.('figures');
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
  await conn.run(rowKeysTableDdl);
  await conn.run('DELETE FROM rt_row_keys');
  await conn.run('CREATE OR REPLACE TEMP TABLE rt_key (inner_pad BLOB, outer_pad BLOB)');
  await conn.run('INSERT INTO rt_key VALUES (unhex($inner), unhex($outer))', { inner: key.innerPadHex, outer: key.outerPadHex });
}

/** Inside the transaction: foreign keys and upsert, file by file (parents first), then the quarantine and the batch log. */
async function loadBatch(conn: DuckDBConnection, read: PreparedFile[], options: ImportOptions): Promise<ImportReport> {
  const batchId = Number((await conn.runAndReadAll(`SELECT nextval('import_batch_seq')`)).getRows()[0]![0]);
  const files: FileReport[] = [];
  let resolved = 0;
  for (const [i, file] of read.entries()) {
    const loaded = await loadFile(conn, i, file, batchId, options.scope);
    files.push(loaded.report);
    resolved += loaded.resolved;
    await options.onFileLoaded?.(file.file);
  }
  options.onStage?.('quarantine');
  const shown = (file: string) => options.fileName?.(file) ?? basename(file);
  // Every rejection goes to the quarantine a page at a time; the report keeps the first of each file.
  const collected = await collectRejections(conn, read, (f) => readFileSync(f.decoded.utf8Path, 'utf8'), {
    keepPerFile: options.reportRejectionsPerFile,
    onPage: (page) => writeQuarantine(conn, batchId, page.map((r) => ({ ...r, file: withSheet(shownName(options, r.file), r.sheet) }))),
  });
  const sum = (k: keyof FileReport) => files.reduce((acc, f) => acc + (f[k] as number), 0);
  await conn.run(
    `INSERT INTO import_batches (batch_id, imported_at, files, rows_read, inserted, updated, unchanged, rejected, username, via, file_names, resolved)
     VALUES (${batchId}, current_localtimestamp(), ${files.length}, ${sum('read')}, ${sum('inserted')}, ${sum('updated')}, ${sum('unchanged')}, ${sum('rejected')},
       $username, $via, $names::VARCHAR[], ${resolved})`,
    { username: options.actor?.username ?? null, via: options.actor?.via ?? null, names: JSON.stringify(read.map((f) => historyFileName(withSheet(shown(f.file), f.sheet?.name)))) },
  );
  const rejections: Rejection[] = collected.kept.map(({ file, sheet, line, column, reason }) => (sheet === undefined ? { file, line, column, reason } : { file, sheet, line, column, reason }));
  return { batch_id: batchId, files, rejections, ...(collected.omitted.length > 0 ? { rejections_omitted: collected.omitted } : {}) };
}


async function loadFile(
  conn: DuckDBConnection,
  i: number,
  file: PreparedFile,
  batchId: number,
  scope?: ImportScope,
): Promise<{ report: FileReport; resolved: number }> {
  const t = fileTables(i);
  const mapping = file.mapping;
  await validateReferences(conn, i, mapping, t('typed'));
  if (scope) await rejectOutOfScope(conn, i, mapping, t('typed'), scope);
  const counts = await upsertFile(conn, mapping, acceptedRowsSql(t('typed'), i), t('staged'));
  const resolved = await resolveQuarantine(conn, batchId, mapping.spec, acceptedRowsSql(t('typed'), i));
  const tally = await conn.runAndReadAll(
    `SELECT (SELECT count(*) FROM ${t('typed')})::INTEGER,
            (SELECT count(DISTINCT record_line) FROM rt_rejections WHERE file_index = ${i} AND record_line IS NOT NULL)::INTEGER,
            (SELECT count(DISTINCT row_id) FROM rt_rejections WHERE file_index = ${i} AND row_id IS NOT NULL)::INTEGER`,
  );
  const [typedRows, csvRejected, rowRejected] = tally.getRows()[0] as [number, number, number];
  // Hashing the keys scans the whole typed table: only worth it when a row was rejected.
  if (rowRejected > 0) await recordRejectedRowKeys(conn, i, mapping.spec, t('typed'));
  for (const table of fileTableNames(i)) await conn.run(`DROP TABLE IF EXISTS ${table}`);
  const report: FileReport = {
    file: file.file,
    ...(file.sheet ? { sheet: file.sheet.name } : {}),
    kind: mapping.spec.kind,
    read: typedRows + csvRejected,
    ...counts,
    rejected: csvRejected + rowRejected,
    ignored_columns: [...mapping.ignoredColumns],
  };
  return { report, resolved };
}
