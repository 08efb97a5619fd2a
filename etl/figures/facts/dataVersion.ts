/**
 * A cheap version of the data the figures are computed from, for caches of figure answers
 * (the server keys its answer cache on it). It changes with every import (the fingerprint
 * counts the import batches) and with every rebuild of the facts (their generation, so a
 * refreshFigureFacts after an in-place update changes it too), and also with any insert or
 * delete outside the importer before the facts catch up (the live fingerprint). A few
 * metadata lookups, no scan.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { factsGeneration } from './buildFigureFacts.ts';
import { dataFingerprintSql } from './dataFingerprint.ts';
import { MEMORY_FACTS } from './ensureFigureFacts.ts';
import { FACTS } from './factTables.ts';

export async function dataVersion(conn: DuckDBConnection): Promise<string> {
  const fingerprint = String((await conn.runAndReadAll(`SELECT ${dataFingerprintSql}`)).getRows()[0]?.[0]);
  const inFile = await factsGeneration(conn, FACTS);
  const inMemory = await factsGeneration(conn, MEMORY_FACTS);
  return `${fingerprint}/${inFile}/${inMemory}`;
}
