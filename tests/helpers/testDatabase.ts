/** Opening a test database and dumping every table of it as text, for before/after comparisons. */
import type { DuckDBConnection } from '@duckdb/node-api';
import { openDatabase, type Database } from '../../etl/db/openDatabase.ts';

/** An in-memory database with the schema (or a file database when a path is given). */
export function openTestDatabase(path = ':memory:'): Promise<Database> {
  return openDatabase(path);
}

/**
 * The persistent (non-temporary) tables of the database, by name; a table outside the main
 * schema (the figure facts) as `schema.table`.
 */
export async function tableNames(conn: DuckDBConnection): Promise<string[]> {
  const result = await conn.runAndReadAll(
    `SELECT CASE WHEN schema_name = 'main' THEN table_name ELSE schema_name || '.' || table_name END AS name
     FROM duckdb_tables() WHERE NOT temporary AND database_name = current_database() ORDER BY schema_name <> 'main', name`,
  );
  return result.getRows().map((r) => String(r[0]));
}

export type TableDump = { columns: string[]; rows: (string | null)[][] };

const quoted = (name: string) => name.split('.').map((part) => `"${part.replaceAll('"', '""')}"`).join('.');

/** Every row of one table (`table` or `schema.table`), every column cast to text, in a stable order. */
export async function dumpTable(conn: DuckDBConnection, table: string): Promise<TableDump> {
  const result = await conn.runAndReadAll(`SELECT COLUMNS(*)::VARCHAR FROM ${quoted(table)} ORDER BY ALL`);
  return { columns: result.columnNames(), rows: result.getRows().map((r) => r.map((v) => (v === null ? null : String(v)))) };
}

/** Every persistent table of the database (or only the named ones). */
export async function dumpDatabase(conn: DuckDBConnection, only?: readonly string[]): Promise<Record<string, TableDump>> {
  const dump: Record<string, TableDump> = {};
  for (const table of only ?? (await tableNames(conn))) dump[table] = await dumpTable(conn, table);
  return dump;
}

/** Number of rows of a table. */
export async function countRows(conn: DuckDBConnection, table: string): Promise<number> {
  const result = await conn.runAndReadAll(`SELECT count(*)::INTEGER FROM "${table}"`);
  return result.getRows()[0]![0] as number;
}

/** Rows of a query as plain objects with JSON-friendly values. */
export async function queryRows(conn: DuckDBConnection, sql: string, params?: Record<string, string | number | null>) {
  const result = await conn.runAndReadAll(sql, params);
  return result.getRowObjectsJson();
}
