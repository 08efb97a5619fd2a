/**
 * Runs one figure query with its bound parameters and hands back plain JS rows: numbers as
 * JS numbers (DuckDB counts arrive as BIGINT, sums as HUGEINT), text as strings, unknown as
 * null, so callers can print them as JSON without a second conversion. The figure facts are
 * brought up to date first, and the SQL pointed at wherever the current facts are.
 */
import { DuckDBDecimalValue, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { ensureFigureFacts, factsSql, type FactsLocation } from './facts/ensureFigureFacts.ts';
import type { FigureQuery } from './figureQuery.ts';
import { queryParameters } from './queryParameters.ts';

export type PlainValue = number | string | boolean | null;
export type PlainRow = Record<string, PlainValue>;

function plain(value: DuckDBValue, column: string): PlainValue {
  if (value === null || typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof DuckDBDecimalValue) return value.toDouble();
  // Figure SQL selects only numbers and text; anything else is a bug in the SQL.
  throw new Error(`figure column ${column} has an unexpected type (${String(value)})`);
}

/**
 * Each call prepares the statement afresh, and a cache of prepared statements per connection
 * would not help: DuckDB (1.5, @duckdb/node-api) binds and optimises a prepared statement
 * again at every execution with new values, also with every parameter typed by a CAST and
 * for a one-line SELECT (its profiler shows the planner and all optimisers on each run;
 * measured for issue 9). The bound values are planned as constants, which is also what lets
 * the scope's filters reach the scans.
 *
 * `at`: where the current facts are, when the caller asked ensureFigureFacts once for several
 * queries of one answer (the check is a query of its own, a few ms each at national scale).
 */
export async function runFigureSql(conn: DuckDBConnection, sql: string, q: FigureQuery, at?: FactsLocation): Promise<PlainRow[]> {
  const located = factsSql(sql, at ?? (await ensureFigureFacts(conn)));
  const { values, types } = queryParameters(q, located);
  const reader = await conn.runAndReadAll(located, values, types);
  return reader.getRowObjects().map((row) => {
    const out: PlainRow = {};
    for (const [column, value] of Object.entries(row)) out[column] = plain(value, column);
    return out;
  });
}

/** A numeric column of a figure row (counts, rates), null when unknown. */
export function numberOrNull(row: PlainRow, column: string): number | null {
  const value = row[column];
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number') throw new Error(`figure column ${column} is not a number`);
  return value;
}

/** A text column of a figure row (school_id, municipality, month). */
export function text(row: PlainRow, column: string): string {
  const value = row[column];
  return value === null || value === undefined ? '' : String(value);
}
