/**
 * The school years whose year figures are kept for the current facts and figure SQL, oldest
 * first: the years a whole-year question is answered for by lookup (storedYearRows.ts). The
 * answer warmer reports them with each pass (server/cache/AnswerWarmer.ts).
 */
import { VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import type { FactsLocation } from '../facts/ensureFigureFacts.ts';
import { currentGenerationSql, figureSqlVersion, yearFiguresTable } from './yearFiguresTable.ts';

export async function keptSchoolYears(conn: DuckDBConnection, at: FactsLocation): Promise<number[]> {
  // `at` is a schema of the file or an attached in-memory database (ensureFigureFacts.ts).
  const exists = await conn.runAndReadAll(
    `SELECT count(*) FROM duckdb_tables() WHERE (schema_name = $at OR database_name = $at) AND table_name = 'year_figures'`,
    { at },
    { at: VARCHAR },
  );
  if (Number(exists.getRows()[0]![0]) === 0) return [];
  const reader = await conn.runAndReadAll(
    `SELECT DISTINCT school_year FROM ${yearFiguresTable(at)}
     WHERE sql_version = $version AND generation = ${currentGenerationSql(at)} ORDER BY school_year`,
    { version: figureSqlVersion() },
    { version: VARCHAR },
  );
  return reader.getRows().map((r) => Number(r[0]));
}
