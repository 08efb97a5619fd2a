/**
 * Opens the database for one command-line `figures` call, as cheaply as the answer allows
 * (issue 9: the call, process start included, within a second at national scale).
 *
 * - Read-only when the file's figure facts are current: nothing to write, so none of
 *   openDatabase's schema statements (some thirty, each its own commit) and no checkpoint at
 *   close. When the facts are stale or missing, or the file cannot be opened read-only (it
 *   does not exist yet, another process holds it), it is opened as before (openDatabase), so
 *   the facts are rebuilt in the file once rather than in memory by every call.
 * - One thread when the question is one school's or one municipality's total: such a query
 *   reads a row group or two per fact table, so a second thread only hands work over (about
 *   a fifth less CPU for one school, cold, at national scale, and no slower). A breakdown or
 *   the national total keeps DuckDB's default of one thread per core.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { openDatabase, restrictUmask, type Database } from '../db/openDatabase.ts';
import { factsAreCurrent } from '../figures/facts/buildFigureFacts.ts';
import { FACTS } from '../figures/facts/factTables.ts';
import type { FigureQuery } from '../figures/figureQuery.ts';

/** True when `q` asks for one school's or one municipality's total (no breakdown). */
export function isNarrowScope(q: FigureQuery): boolean {
  return q.by === undefined && (q.school !== undefined || q.municipality !== undefined);
}

/** The file read-only, or null when that fails or its facts are not current. */
async function openReadOnlyWithCurrentFacts(path: string): Promise<Database | null> {
  let instance: DuckDBInstance;
  // DuckDB may still write spill files beside the file: for its owner only, as openDatabase does.
  restrictUmask();
  try {
    instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  } catch {
    return null;
  }
  const connection = await instance.connect();
  const close = () => {
    connection.closeSync();
    instance.closeSync();
  };
  if (!(await factsAreCurrent(connection, FACTS))) {
    close();
    return null;
  }
  return { path, instance, connection, close };
}

export async function openForFigures(path: string, q: FigureQuery): Promise<Database> {
  const db = (await openReadOnlyWithCurrentFacts(path)) ?? (await openDatabase(path));
  // A setting of the whole instance: this process runs only this one query on it.
  if (isNarrowScope(q)) await db.connection.run('SET threads = 1');
  return db;
}
