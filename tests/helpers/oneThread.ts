/**
 * DuckDB runs a query on as many threads as the machine has cores; the test apps are told to
 * use one. CI has two cores and two test workers, so every core already has a worker, and
 * on the tests' small databases a second thread mostly costs hand-overs: about a quarter of
 * the CPU per request measured on the suppression fixture (131 against 164–182 ms on a busy
 * two-core machine). The answers do not depend on it (each query is the same SQL; the
 * server's figure queue still runs one at a time).
 */
import type { DuckDBConnection } from '@duckdb/node-api';

export async function useOneThread(conn: DuckDBConnection): Promise<void> {
  await conn.run('SET threads = 1');
}
