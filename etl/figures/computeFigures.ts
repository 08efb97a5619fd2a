/**
 * The main entry: every key figure of contract section 4 for a period and scope, either as
 * one total or broken down by school or municipality. The CLI, the server and the
 * dashboard all call these, so each number is computed by exactly one piece of SQL.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Breakdown, FigureQuery } from './figureQuery.ts';
import {
  figureRowOf,
  municipalityIdentityOf,
  schoolIdentityOf,
  type FigureRow,
  type MunicipalityFigures,
  type SchoolFigures,
} from './figureRows.ts';
import { compareGroups } from './groupOrder.ts';
import { ensureFigureFacts } from './facts/ensureFigureFacts.ts';
import { keyFiguresSql } from './keyFiguresSql.ts';
import { runFigureSql, type PlainRow } from './runFigureSql.ts';
import type { Grouping } from './scopeSql.ts';
import { storedYearRows } from './yearFigures/storedYearRows.ts';

/**
 * The figure SQL's rows for `q` grouped by `grouping`: kept rows when `q` is an ended school
 * year whose year figures are built (yearFigures/), else the figure query itself. Both give
 * the same values (tests/etl/figures/yearFigures compares them for every group).
 */
async function figureSqlRows(conn: DuckDBConnection, grouping: Grouping, q: FigureQuery): Promise<PlainRow[]> {
  const at = await ensureFigureFacts(conn);
  return (await storedYearRows(conn, grouping, q, at)) ?? runFigureSql(conn, keyFiguresSql(grouping, 'whole'), q, at);
}

/** Every key figure for the whole scope of `q` (its `by` is ignored). */
export async function computeFigures(conn: DuckDBConnection, q: FigureQuery): Promise<FigureRow> {
  const [row] = await figureSqlRows(conn, 'all', q);
  // The query always yields one row for the scope total; no row is a bug, not "no data".
  if (!row) throw new Error('key figure query returned no row');
  return figureRowOf(row);
}

/**
 * Every key figure per school or per municipality in scope, sorted by name. Every group in
 * scope has a row, also without data (counts 0, rates null).
 */
export async function computeFiguresBy(conn: DuckDBConnection, q: FigureQuery, by: 'school'): Promise<SchoolFigures[]>;
export async function computeFiguresBy(conn: DuckDBConnection, q: FigureQuery, by: 'municipality'): Promise<MunicipalityFigures[]>;
export async function computeFiguresBy(
  conn: DuckDBConnection,
  q: FigureQuery,
  by: Breakdown,
): Promise<SchoolFigures[] | MunicipalityFigures[]>;
export async function computeFiguresBy(
  conn: DuckDBConnection,
  q: FigureQuery,
  by: Breakdown,
): Promise<SchoolFigures[] | MunicipalityFigures[]> {
  const rows = await figureSqlRows(conn, by, q);
  if (by === 'school') return rows.map((r) => ({ ...schoolIdentityOf(r), ...figureRowOf(r) })).sort(compareGroups);
  return rows.map((r) => ({ ...municipalityIdentityOf(r), ...figureRowOf(r) })).sort(compareGroups);
}
