/**
 * Imports a batch of files in one transaction: staging → validation → upsert → quarantine.
 * A problem with a whole file (unreadable, unknown kind) loads nothing; a bad row is
 * quarantined with file, line, column and reason while the rest loads.
 */
import { readFileSync, rmSync } from 'node:fs';
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
import { typedSelectSql } from './typedSelectSql.ts';
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
      const report = await loadBatch(conn, prepared, options);
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

async function loadBatch(conn: DuckDBConnection, prepared: PreparedFile[], options: ImportOptions): Promise<ImportReport> {
  await setUpSession(conn, options.key);
  const files: FileReport[] = [];
  for (const [i, file] of prepared.entries()) {
    files.push(await loadFile(conn, i, file));
    await options.onFileStaged?.(file.file);
  }
  const batchId = Number((await conn.runAndReadAll(`SELECT nextval('import_batch_seq')`)).getRows()[0]![0]);
  const rejections = await collectRejections(conn, prepared, (f) => readFileSync(f.decoded.utf8Path, 'utf8'));
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

async function loadFile(conn: DuckDBConnection, i: number, file: PreparedFile): Promise<FileReport> {
  const t = (name: string) => `rt_${name}_${i}`;
  const mapping = file.mapping;
  // rowid must follow the file's order (it is how a rejection finds its line); after the
  // raw read nothing depends on order, and dropping it lets DuckDB insert in parallel.
  await conn.run('SET preserve_insertion_order = true');
  await conn.run(
    readCsvSql({ table: t('raw'), path: file.decoded.utf8Path, delimiter: file.delimiter, columns: mapping.headerNames.length, rejects: t('csv_rejects'), skip: file.headerLine }),
  );
  await conn.run(
    `INSERT INTO rt_rejections SELECT ${i}, NULL, line, NULL, NULL, CASE min(error_type)
       WHEN 'MISSING COLUMNS' THEN 'raden har færre felt enn overskriftsraden (${mapping.headerNames.length})'
       WHEN 'TOO MANY COLUMNS' THEN 'raden har flere felt enn overskriftsraden (${mapping.headerNames.length})'
       WHEN 'UNQUOTED VALUE' THEN 'feil bruk av anførselstegn (") i raden'
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
