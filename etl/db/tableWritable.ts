/**
 * False when a table cannot be written here: on a read-only snapshot (etl/db/openSnapshot.ts)
 * every table but the sessions and the audit log is a view onto the snapshot, and a file
 * opened read-only takes no writes at all. The routes that change data ask before they
 * write, so the answer is a 503 with the reason instead of DuckDB's error as a 500.
 */
import type { DuckDBConnection } from '@duckdb/node-api';

export async function tableWritable(conn: DuckDBConnection, table: string): Promise<boolean> {
  const reader = await conn.runAndReadAll(
    `SELECT count(*) FROM duckdb_tables() t JOIN duckdb_databases() d USING (database_name)
     WHERE t.database_name = current_database() AND t.schema_name = 'main' AND t.table_name = $table AND NOT d.readonly`,
    { table },
  );
  return Number(reader.getRows()[0]?.[0] ?? 0) > 0;
}
