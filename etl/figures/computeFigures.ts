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
import { keyFiguresSql } from './keyFiguresSql.ts';
import { runFigureSql } from './runFigureSql.ts';

/** Every key figure for the whole scope of `q` (its `by` is ignored). */
export async function computeFigures(conn: DuckDBConnection, q: FigureQuery): Promise<FigureRow> {
  const [row] = await runFigureSql(conn, keyFiguresSql('all', 'whole'), q);
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
  const rows = await runFigureSql(conn, keyFiguresSql(by, 'whole'), q);
  if (by === 'school') return rows.map((r) => ({ ...schoolIdentityOf(r), ...figureRowOf(r) })).sort(compareGroups);
  return rows.map((r) => ({ ...municipalityIdentityOf(r), ...figureRowOf(r) })).sort(compareGroups);
}
