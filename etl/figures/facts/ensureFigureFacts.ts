/**
 * Keeps the figure facts in step with the contract tables. Every figure query calls
 * ensureFigureFacts first: it compares the data fingerprint with the one the facts were
 * built from, and says where the current facts are.
 *
 * The facts live in the database file (schema `figure_facts`), so every process — the
 * server, each CLI run, a second server on a read-only copy — uses them at once instead of
 * rebuilding them (seconds at national scale). The importer builds them inside its own
 * transaction (importBatch), so they are current after every committed import and readers
 * keep the old ones until then. When they are missing or stale anyway (a file from before
 * this, rows inserted or deleted outside the importer, a new layout version):
 * - a writable file gets them rebuilt in place, in one transaction;
 * - a read-only file cannot, so they are built in an in-memory database attached to the
 *   instance (shared by its connections, rebuilt after a restart), and the figure SQL is
 *   pointed there (factsSql).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { buildFigureFacts, factsAreCurrent } from './buildFigureFacts.ts';
import { FACTS } from './factTables.ts';

/** The in-memory database used when the file is read-only and its own facts are not current. */
export const MEMORY_FACTS = 'figure_facts_memory';

/** Where a figure query finds current facts. */
export type FactsLocation = typeof FACTS | typeof MEMORY_FACTS;

// One build at a time in this process: two requests that find stale facts must not both build.
let lock: Promise<unknown> = Promise.resolve();

function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  const run = lock.then(work);
  lock = run.catch(() => undefined);
  return run;
}

export async function isReadOnly(conn: DuckDBConnection): Promise<boolean> {
  const reader = await conn.runAndReadAll(`SELECT readonly FROM duckdb_databases() WHERE database_name = current_database()`);
  return reader.getRows()[0]?.[0] === true;
}

async function inTransaction(conn: DuckDBConnection, work: () => Promise<void>): Promise<void> {
  await conn.run('BEGIN TRANSACTION');
  try {
    await work();
    await conn.run('COMMIT');
  } catch (error) {
    await conn.run('ROLLBACK');
    throw error;
  }
}

/** Rebuilds the facts in the file, in one transaction (readers see old or new, never half). */
async function rebuildInFile(conn: DuckDBConnection): Promise<void> {
  await inTransaction(conn, async () => {
    await conn.run(`CREATE SCHEMA IF NOT EXISTS ${FACTS}`);
    await buildFigureFacts(conn, FACTS);
  });
}

/** Builds the facts in memory beside a read-only file. */
async function rebuildInMemory(conn: DuckDBConnection): Promise<void> {
  // Writable even when the database file is opened read-only; compressed at checkpoints.
  await conn.run(`ATTACH IF NOT EXISTS ':memory:' AS ${MEMORY_FACTS} (READ_WRITE, COMPRESS)`);
  await inTransaction(conn, () => buildFigureFacts(conn, MEMORY_FACTS));
  // An in-memory database compresses its tables only at a checkpoint: ~10x less memory.
  await conn.run(`CHECKPOINT ${MEMORY_FACTS}`);
}

/** Rebuilds wherever this instance keeps its facts: the file when writable, else memory. */
async function rebuild(conn: DuckDBConnection): Promise<FactsLocation> {
  if (await isReadOnly(conn)) {
    await rebuildInMemory(conn);
    return MEMORY_FACTS;
  }
  await rebuildInFile(conn);
  return FACTS;
}

/**
 * Rebuilds the facts now. For a writer that changes rows in place outside the importer (the
 * fingerprint cannot see an update that keeps every count).
 */
export async function refreshFigureFacts(conn: DuckDBConnection): Promise<void> {
  await withBuildLock(() => rebuild(conn));
}

/**
 * Makes sure current facts exist and says where: one small query when the file's own facts
 * are current (the server opens a connection per request, so nothing is remembered per
 * connection).
 */
export async function ensureFigureFacts(conn: DuckDBConnection): Promise<FactsLocation> {
  const current = async (): Promise<FactsLocation | null> => {
    if (await factsAreCurrent(conn, FACTS)) return FACTS;
    // Only a read-only instance ever builds facts in memory.
    if (await factsAreCurrent(conn, MEMORY_FACTS)) return MEMORY_FACTS;
    return null;
  };
  // Another request may have built them while this one waited for the lock.
  return (await current()) ?? withBuildLock(async () => (await current()) ?? rebuild(conn));
}

/** The figure SQL (written against FACTS) pointed at the facts in `location`. */
export function factsSql(sql: string, location: FactsLocation): string {
  return location === FACTS ? sql : sql.replaceAll(`${FACTS}.`, `${MEMORY_FACTS}.`);
}
