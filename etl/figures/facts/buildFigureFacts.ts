/**
 * Builds the figure facts into a target schema or attached database, and stamps them with
 * what they were built from: the data fingerprint, the layout version and a generation
 * number one above the previous build's (what dataVersion reports, so a cache keyed on it
 * also sees a rebuild that the fingerprint cannot tell apart).
 *
 * It runs inside the caller's transaction: the importer builds the facts in the import's
 * own transaction, so a committed import always carries its facts, and every other
 * connection keeps reading the old facts (and the old data) until COMMIT.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { dataFingerprintSql } from './dataFingerprint.ts';
import { FACTS_VERSION, factTableStatements } from './factTables.ts';

/** The generation of the facts in `target`, 0 when there are none (or none readable). */
export async function factsGeneration(conn: DuckDBConnection, target: string): Promise<number> {
  try {
    const reader = await conn.runAndReadAll(`SELECT max(generation) FROM ${target}.built`);
    return Number(reader.getRows()[0]?.[0] ?? 0);
  } catch {
    return 0;
  }
}

/** (Re)builds every fact table in `target` from the contract tables, in the open transaction. */
export async function buildFigureFacts(conn: DuckDBConnection, target: string): Promise<void> {
  const generation = (await factsGeneration(conn, target)) + 1;
  // Sorted facts need insertion order kept; the importer turns it off while staging.
  await conn.run('SET preserve_insertion_order = true');
  for (const statement of factTableStatements(target)) await conn.run(statement);
  await conn.run(
    `CREATE OR REPLACE TABLE ${target}.built AS
     SELECT ${dataFingerprintSql} AS fingerprint, ${FACTS_VERSION} AS version, ${generation}::BIGINT AS generation`,
  );
}

/** SQL (BOOLEAN) that is true when the facts in `target` were built from the data as it is now. */
export function factsAreCurrentSql(target: string): string {
  return `SELECT coalesce((SELECT fingerprint = ${dataFingerprintSql} AND version = ${FACTS_VERSION} FROM ${target}.built), false)`;
}

/** True when `target` holds facts of the data as it is now; false when stale or absent. */
export async function factsAreCurrent(conn: DuckDBConnection, target: string): Promise<boolean> {
  try {
    const reader = await conn.runAndReadAll(factsAreCurrentSql(target));
    return reader.getRows()[0]?.[0] === true;
  } catch {
    // No such schema or table (an old file, a fresh memory database): not current.
    return false;
  }
}
