/**
 * Imports a batch of files in one transaction: staging → validation → upsert → quarantine.
 * A problem with a whole file (unreadable, unknown kind) loads nothing; a bad row is
 * quarantined with file, line, column and reason while the rest loads.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { kinds } from '../contract/index.ts';
import type { KindName } from '../contract/types.ts';
import { fnrMacros } from './fnrSql.ts';
import { ImportError, type FileReport, type ImportReport } from './importReport.ts';
import { listInputFiles } from './listInputFiles.ts';
import { makeImportTempDir } from './importTempDir.ts';
import { prepareFile, type PreparedFile } from './prepareFile.ts';
import type { PseudonymKey } from './pseudonymKey.ts';
import { readCsvSql } from './readCsvSql.ts';
import { collectRejections } from './collectRejections.ts';
import { lineLocator } from '../read/lineLocator.ts';
import { typedSelectSql } from './typedSelectSql.ts';
import { repairUnterminatedQuotes } from './unterminatedQuotes.ts';
import { upsertFile } from './upsertFile.ts';
import { acceptedRowsSql, rejectionsTableDdl, validateFile } from './validateFile.ts';

export interface ImportOptions {
  readonly key: PseudonymKey;
  /** Treat every file as this kind instead of recognising it from the header. */
  readonly kind?: KindName;
  /** Called after each file is staged; tests use it to kill an import mid-batch. */
  readonly onFileStaged?: (file: string) => void | Promise<void>;
}

const kindOrder = new Map(kinds.map((k, i) => [k.kind, i]));

export async function importBatch(conn: DuckDBConnection, paths: readonly string[], options: ImportOptions): Promise<ImportReport> {
  const tempDir = makeImportTempDir();
  try {
    const prepared = listInputFiles(paths)
      .map((file, i) => prepareFile(file, tempDir, i, options.kind))
      .sort((a, b) => kindOrder.get(a.mapping.spec.kind)! - kindOrder.get(b.mapping.spec.kind)!);
    await conn.run('BEGIN TRANSACTION');
    try {
      const report = await loadBatch(conn, prepared, options, tempDir);
      await conn.run('COMMIT');
      return report;
    } catch (error) {
      await conn.run('ROLLBACK');
      await conn.run('RESET preserve_insertion_order');
      if (error instanceof ImportError) throw error;
      throw new ImportError(`databasefeil, ingenting er lest inn: ${(error as Error).message}`);
    }
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
}

async function setUpSession(conn: DuckDBConnection, key: PseudonymKey) {
  for (const macro of fnrMacros) await conn.run(macro);
  await conn.run(rejectionsTableDdl);
  await conn.run('DELETE FROM rt_rejections');
  await conn.run('CREATE OR REPLACE TEMP TABLE rt_key (inner_pad BLOB, outer_pad BLOB)');
  await conn.run('INSERT INTO rt_key VALUES (unhex($inner), unhex($outer))', { inner: key.innerPadHex, outer: key.outerPadHex });
}

async function loadBatch(conn: DuckDBConnection, prepared: PreparedFile[], options: ImportOptions, tempDir: string): Promise<ImportReport> {
  await setUpSession(conn, options.key);
  const files: FileReport[] = [];
  // The text each file's line numbers refer to: a repaired copy when quotes had to be mended.
  const read: PreparedFile[] = [];
  for (const [i, file] of prepared.entries()) {
    const source = await readRaw(conn, i, file, tempDir);
    read.push(source);
    files.push(await loadFile(conn, i, source));
    await options.onFileStaged?.(file.file);
  }
  const batchId = Number((await conn.runAndReadAll(`SELECT nextval('import_batch_seq')`)).getRows()[0]![0]);
  const rejections = await collectRejections(conn, read, (f) => readFileSync(f.decoded.utf8Path, 'utf8'));
  await conn.run('DROP TABLE IF EXISTS rt_quarantine_rows');
  await conn.run('CREATE TEMP TABLE rt_quarantine_rows (file VARCHAR, kind VARCHAR, line BIGINT, "column" VARCHAR, reason VARCHAR)');
  for (const r of rejections) {
    const kind = prepared.find((p) => p.file === r.file)?.mapping.spec.kind ?? null;
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
  await conn.run('RESET preserve_insertion_order');
  return { batch_id: batchId, files, rejections };
}

/** The rt_<name>_<i> temp tables of file i. */
const tableOf = (i: number) => (name: string) => `rt_${name}_${i}`;

/**
 * Reads file i as all-text rows into rt_raw_<i>, and every record DuckDB cannot read into
 * rt_rejections. A quote left open to the end of the file would swallow every later row: its
 * line is blanked in a repaired copy, read instead, and that line alone is rejected.
 * Returns the file as read (the repaired copy when there was one).
 */
async function readRaw(conn: DuckDBConnection, i: number, file: PreparedFile, tempDir: string): Promise<PreparedFile> {
  const t = tableOf(i);
  const read = async (path: string) => {
    // rowid must follow the file's order (it is how a rejection finds its line).
    await conn.run('SET preserve_insertion_order = true');
    await conn.run(
      readCsvSql({ table: t('raw'), path, delimiter: file.delimiter, columns: file.mapping.headerNames.length, rejects: t('csv_rejects'), skip: file.headerLine }),
    );
  };
  await read(file.decoded.utf8Path);
  const unreadable = Number((await conn.runAndReadAll(`SELECT count(*) FROM ${t('csv_rejects')}`)).getRows()[0]![0]);
  if (unreadable === 0) return file;
  const repair = repairUnterminatedQuotes(readFileSync(file.decoded.utf8Path, 'utf8'), file.delimiter, file.headerLine);
  if (repair.blanked.length === 0) return file;
  const repairedPath = join(tempDir, `file-${i}-repaired.csv`);
  writeFileSync(repairedPath, repair.text);
  for (const table of [t('raw'), t('csv_rejects'), `${t('csv_rejects')}_scan`]) await conn.run(`DROP TABLE IF EXISTS ${table}`);
  await read(repairedPath);
  const repaired: PreparedFile = { ...file, decoded: { ...file.decoded, utf8Path: repairedPath } };
  const locate = lineLocator(repair.text, new Set(), file.delimiter);
  for (const { line, field } of repair.blanked) {
    await conn.run(`INSERT INTO rt_rejections VALUES ($i, NULL, $record, $field, NULL, $reason)`, {
      i,
      record: locate.recordOfLine(line) ?? line,
      field,
      reason: 'anførselstegnet (") som åpner feltet lukkes aldri; raden er ikke lest inn, radene etter den er lest',
    });
  }
  return repaired;
}

async function loadFile(conn: DuckDBConnection, i: number, file: PreparedFile): Promise<FileReport> {
  const t = tableOf(i);
  const mapping = file.mapping;
  await conn.run(
    `INSERT INTO rt_rejections SELECT ${i}, NULL, line, NULL, NULL, CASE min(error_type)
       WHEN 'MISSING COLUMNS' THEN 'raden har færre felt enn overskriftsraden (${mapping.headerNames.length})'
       WHEN 'TOO MANY COLUMNS' THEN 'raden har flere felt enn overskriftsraden (${mapping.headerNames.length})'
       WHEN 'UNQUOTED VALUE' THEN 'feil bruk av anførselstegn (") i raden'
       WHEN 'LINE SIZE OVER MAXIMUM' THEN 'raden er lengre enn 4 MB og kan ikke leses'
       WHEN 'INVALID STATE' THEN 'raden kan ikke leses som CSV (feil bruk av anførselstegn eller skilletegn)'
       ELSE 'raden kan ikke leses som CSV (' || min(error_type) || ')' END
     FROM ${t('csv_rejects')} GROUP BY line`,
  );
  await conn.run('SET preserve_insertion_order = false');
  await conn.run(`CREATE TEMP TABLE ${t('typed')} AS ${typedSelectSql(mapping, t('raw'))}`);
  await conn.run(`DROP TABLE ${t('raw')}`);
  await validateFile(conn, i, mapping, t('typed'));
  const counts = await upsertFile(conn, mapping, acceptedRowsSql(t('typed'), i), t('staged'));
  const tally = await conn.runAndReadAll(
    `SELECT (SELECT count(*) FROM ${t('typed')})::INTEGER,
            (SELECT count(DISTINCT record_line) FROM rt_rejections WHERE file_index = ${i} AND record_line IS NOT NULL)::INTEGER,
            (SELECT count(DISTINCT row_id) FROM rt_rejections WHERE file_index = ${i} AND row_id IS NOT NULL)::INTEGER`,
  );
  const [typedRows, csvRejected, rowRejected] = tally.getRows()[0] as [number, number, number];
  // read_csv names its scan table `<rejects>_scan`, i.e. rt_csv_rejects_<i>_scan.
  for (const table of [t('typed'), t('ok'), t('staged'), t('csv_rejects'), `${t('csv_rejects')}_scan`]) await conn.run(`DROP TABLE IF EXISTS ${table}`);
  return {
    file: file.file,
    kind: mapping.spec.kind,
    read: typedRows + csvRejected,
    ...counts,
    rejected: csvRejected + rowRejected,
    ignored_columns: [...mapping.ignoredColumns],
  };
}
