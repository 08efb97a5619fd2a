/** Runs work on a connection of its own, closed afterwards: requests never share one. */
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

export async function withConnection<T>(instance: DuckDBInstance, work: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
  const conn = await instance.connect();
  try {
    return await work(conn);
  } finally {
    conn.closeSync();
  }
}
