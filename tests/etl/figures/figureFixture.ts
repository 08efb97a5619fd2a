/**
 * Small hand-made databases for the figure tests: an in-memory database with the real
 * schema, rows inserted as plain objects, and a query with a fixed period and as-of date
 * (the school year 2024/25, read on 1 August 2025) so no test depends on the clock.
 */
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { openDatabase, type Database } from '../../../etl/db/openDatabase.ts';
import type { FigureQuery } from '../../../etl/figures/figureQuery.ts';

export type Row = Record<string, string | number | boolean | null>;

export async function fixtureDatabase(): Promise<Database> {
  return openDatabase(':memory:');
}

/** Inserts rows into a contract table; absent columns are NULL. Dates are 'YYYY-MM-DD' text. */
export async function insert(conn: DuckDBConnection, table: string, rows: readonly Row[]): Promise<void> {
  for (const row of rows) {
    const columns = Object.keys(row);
    const sql = `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
    await conn.run(sql, Object.values(row) as DuckDBValue[]);
  }
}

/** Three schools in two municipalities; Ålgård sorts last in Norwegian order. */
export const schools: readonly Row[] = [
  { school_id: 'S1', school_name: 'Austrått skole', municipality: 'Sandnes', level: 'barneskole' },
  { school_id: 'S2', school_name: 'Bogafjell skole', municipality: 'Sandnes', level: 'ungdomsskole' },
  { school_id: 'G1', school_name: 'Ålgård skole', municipality: 'Gjesdal', level: 'kombinert' },
];

export function query(overrides: Partial<FigureQuery> = {}): FigureQuery {
  return { from: '2024-08-01', to: '2025-07-31', asOf: '2025-08-01', ...overrides };
}

/** A case row with the defaults most tests need. */
export function caseRow(case_id: string, fields: Row): Row {
  return { case_id, school_id: 'S1', kind: 'individual', first_concern_date: '2024-09-01', ...fields };
}
