/**
 * Keeps the figure facts in step with the contract tables. Every figure query calls
 * ensureFigureFacts first: it compares the data fingerprint with the one the facts were
 * built from and rebuilds them when they differ, so figures never come from stale facts.
 * The facts live in an in-memory database attached to the DuckDB instance (also when the
 * database file is opened read-only), shared by its connections, rebuilt after a restart.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { dataFingerprintSql } from './dataFingerprint.ts';
import { FACTS, factTableStatements } from './factTables.ts';

// One build at a time in this process: two requests that find stale facts must not both build.
let lock: Promise<unknown> = Promise.resolve();

function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  const run = lock.then(work);
  lock = run.catch(() => undefined);
  return run;
}

/**
 * True when the facts were built from the data as it is now. Throws when this instance has
 * no facts yet (the database is not attached, or not built): the caller then builds.
 */
async function factsAreCurrent(conn: DuckDBConnection): Promise<boolean> {
  const reader = await conn.runAndReadAll(`SELECT (SELECT fingerprint FROM ${FACTS}.built) = ${dataFingerprintSql}`);
  return reader.getRowsJS()[0]?.[0] === true;
}

/** Writable even when the database file is opened read-only; compressed at checkpoints. */
async function attach(conn: DuckDBConnection): Promise<void> {
  await conn.run(`ATTACH IF NOT EXISTS ':memory:' AS ${FACTS} (READ_WRITE, COMPRESS)`);
}

/** Builds the facts in one transaction, stamped with the fingerprint of the data they came from. */
async function build(conn: DuckDBConnection): Promise<void> {
  await attach(conn);
  await conn.run('BEGIN TRANSACTION');
  try {
    for (const statement of factTableStatements) await conn.run(statement);
    await conn.run(`CREATE OR REPLACE TABLE ${FACTS}.built AS SELECT ${dataFingerprintSql} AS fingerprint`);
    await conn.run('COMMIT');
  } catch (error) {
    await conn.run('ROLLBACK');
    throw error;
  }
  // An in-memory database compresses its tables only at a checkpoint: ~10x less memory.
  await conn.run(`CHECKPOINT ${FACTS}`);
}

/**
 * Rebuilds the facts now. For a writer that changes rows in place outside the importer (the
 * fingerprint cannot see that), and for an importer that wants the next figures to be fast.
 */
export async function refreshFigureFacts(conn: DuckDBConnection): Promise<void> {
  await withBuildLock(() => build(conn));
}

/**
 * Makes sure the facts reflect the current data: one small query when they already do
 * (the server opens a connection per request, so nothing is remembered per connection).
 */
export async function ensureFigureFacts(conn: DuckDBConnection): Promise<void> {
  await withBuildLock(async () => {
    // No facts in this instance yet is the same as stale facts: build. A real error (a missing
    // contract table) surfaces from the build.
    const current = await factsAreCurrent(conn).catch(() => false);
    if (!current) await build(conn);
  });
}
