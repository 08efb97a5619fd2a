/**
 * Stages one file of a batch before the batch's transaction begins: reads it as text rows
 * (mending a quote left open), types every value, and records every rejection the file
 * alone decides (CSV records, values, row rules, repeated keys). Only temp tables change;
 * the database does not. Outside the transaction because DuckDB scans rows created inside a
 * transaction about half as fast (typing the national cases file: 6.2 s inside, 3.1 s outside).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { lineLocator } from '../read/lineLocator.ts';
import type { PreparedFile } from './prepareFile.ts';
import { readCsvSql } from './readCsvSql.ts';
import { typedSelectSql } from './typedSelectSql.ts';
import { repairUnterminatedQuotes } from './unterminatedQuotes.ts';
import { validateRows } from './validateFile.ts';
import { ImportError } from './importReport.ts';
import { blankLongRejectedLines, isCutCharacterError } from './longRejectedLines.ts';

/** The rt_<name>_<i> temp tables of file i. */
export const fileTables = (i: number) => (name: string) => `rt_${name}_${i}`;

/** Every temp table file i may leave (read_csv names its scan table `<rejects>_scan`). */
export function fileTableNames(i: number): string[] {
  const t = fileTables(i);
  return [t('raw'), t('typed'), t('staged'), t('csv_rejects'), `${t('csv_rejects')}_scan`];
}

/** Returns the file as read: the repaired copy when a quote had to be mended. */
export async function stageFile(conn: DuckDBConnection, i: number, file: PreparedFile, tempDir: string): Promise<PreparedFile> {
  const t = fileTables(i);
  const mapping = file.mapping;
  const source = await readRaw(conn, i, file, tempDir);
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
  // After the raw read nothing depends on row order; dropping it lets DuckDB write in parallel.
  await conn.run('SET preserve_insertion_order = false');
  await conn.run(`CREATE TEMP TABLE ${t('typed')} AS ${typedSelectSql(mapping, t('raw'))}`);
  await conn.run(`DROP TABLE ${t('raw')}`);
  await validateRows(conn, i, mapping, t('typed'));
  return source;
}

/**
 * Reads file i as all-text rows into rt_raw_<i>, the records DuckDB cannot read into its
 * rejects table. A quote left open to the end of the file would swallow every later row:
 * its line is blanked in a repaired copy, read instead, and that line alone is rejected.
 */
async function readRaw(conn: DuckDBConnection, i: number, file: PreparedFile, tempDir: string): Promise<PreparedFile> {
  const t = fileTables(i);
  const read = async (path: string) => {
    // rowid must follow the file's order (it is how a rejection finds its line).
    await conn.run('SET preserve_insertion_order = true');
    await conn.run(
      readCsvSql({ table: t('raw'), path, delimiter: file.delimiter, columns: file.mapping.headerNames.length, rejects: t('csv_rejects'), skip: file.headerLine }),
    );
  };
  file = await readMendingLongLines(conn, i, file, tempDir, read);
  const unreadable = Number((await conn.runAndReadAll(`SELECT count(*) FROM ${t('csv_rejects')}`)).getRows()[0]![0]);
  if (unreadable === 0) return file;
  const repair = repairUnterminatedQuotes(readFileSync(file.decoded.utf8Path, 'utf8'), file.delimiter, file.headerLine);
  if (repair.blanked.length === 0) return file;
  const repairedPath = join(tempDir, `file-${i}-repaired.csv`);
  writeFileSync(repairedPath, repair.text);
  for (const table of [t('raw'), t('csv_rejects'), `${t('csv_rejects')}_scan`]) await conn.run(`DROP TABLE IF EXISTS ${table}`);
  await read(repairedPath);
  const locate = lineLocator(repair.text, new Set(), file.delimiter);
  for (const { line, field } of repair.blanked) {
    await conn.run(`INSERT INTO rt_rejections VALUES ($i, NULL, $record, $field, NULL, $reason)`, {
      i,
      record: locate.recordOfLine(line) ?? line,
      field,
      reason: 'anførselstegnet (") som åpner feltet lukkes aldri; raden er ikke lest inn, radene etter den er lest',
    });
  }
  return { ...file, decoded: { ...file.decoded, utf8Path: repairedPath } };
}

/**
 * Reads the file; when DuckDB fails on a long unreadable line cut inside a character
 * (longRejectedLines.ts), reads a copy with those lines blanked and rejects them instead.
 */
async function readMendingLongLines(
  conn: DuckDBConnection,
  i: number,
  file: PreparedFile,
  tempDir: string,
  read: (path: string) => Promise<void>,
): Promise<PreparedFile> {
  const t = fileTables(i);
  try {
    await read(file.decoded.utf8Path);
    return file;
  } catch (error) {
    if (!isCutCharacterError(error)) throw error;
  }
  const text = readFileSync(file.decoded.utf8Path, 'utf8');
  const mended = await blankLongRejectedLines(conn, {
    text,
    delimiter: file.delimiter,
    columns: file.mapping.headerNames.length,
    headerLine: file.headerLine,
    tempDir,
    tempName: `file-${i}-probe.csv`,
    file: file.file,
  });
  const mendedPath = join(tempDir, `file-${i}-long-lines.csv`);
  writeFileSync(mendedPath, mended.text);
  for (const table of [t('raw'), t('csv_rejects'), `${t('csv_rejects')}_scan`]) await conn.run(`DROP TABLE IF EXISTS ${table}`);
  try {
    await read(mendedPath);
  } catch (error) {
    if (!isCutCharacterError(error)) throw error;
    throw new ImportError(
      'filen har en rad over 10 000 byte som ikke kan leses, og raden kan ikke pekes ut. Kontroller at filen er lagret som CSV (UTF-8 eller semikolondelt) og at ingen felt er altfor lange',
      file.file,
    );
  }
  const locate = lineLocator(mended.text, new Set(), file.delimiter);
  for (const { line, reason } of mended.rejected) {
    await conn.run(`INSERT INTO rt_rejections VALUES ($i, NULL, $record, NULL, NULL, $reason)`, { i, record: locate.recordOfLine(line) ?? line, reason });
  }
  return { ...file, decoded: { ...file.decoded, utf8Path: mendedPath } };
}
