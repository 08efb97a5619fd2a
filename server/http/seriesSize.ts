/**
 * How many rows a series may answer, decided before it is computed. A monthly series costs
 * one row per month and group (school or municipality): ten school years for every school
 * of the country (120 × 2,700) would be 324,000 rows, hundreds of megabytes, and hold the
 * figure queue for minutes. So a monthly series is at most 3,000 month-rows (a school year
 * for a municipality of 250 schools, ten years for 25), and the survival and duration
 * series, whose rows grow with each group's cases, at most 400 groups. The groups are
 * counted on the viewer's scoped query, so a narrower scope allows a longer period.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { FigureQuery } from '../../etl/figures/index.ts';
import { queryParameters } from '../../etl/figures/queryParameters.ts';
import { HttpError } from './HttpError.ts';
import { monthsSpanned, type ParameterProblem } from './periodLimits.ts';

export const maxMonthlyRows = 3000;
export const maxCurveGroups = 400;

const groupCountSql: Record<'school' | 'municipality', string> = {
  school: 'count(*)',
  municipality: 'count(DISTINCT municipality)',
};

/** Groups the query reports: schools or municipalities in its scope, or 1 for the scope total. */
export async function groupCount(conn: DuckDBConnection, q: FigureQuery): Promise<number> {
  if (!q.by) return 1;
  const sql = `SELECT ${groupCountSql[q.by]} AS n FROM schools
    WHERE ($allowed IS NULL OR list_contains($allowed, school_id))
      AND ($school IS NULL OR school_id = $school)
      AND ($municipality IS NULL OR municipality = $municipality)
      AND ($level IS NULL OR level = $level)`;
  const { values, types } = queryParameters(q, sql);
  const reader = await conn.runAndReadAll(sql, values, types);
  return Number(reader.getRows()[0]![0]);
}

const tooLarge: ParameterProblem = {
  parameter: 'by',
  reason: 'too_many_rows',
  message: 'Svaret blir for stort. Velg en kortere periode, én kommune eller ett skolenivå.',
};

/** Why the series would be too large, or null. `endpoint` as figureView names it. */
export async function seriesSizeProblem(conn: DuckDBConnection, q: FigureQuery, endpoint: string): Promise<ParameterProblem | null> {
  if (!q.by) return null;
  if (endpoint === 'series/monthly') {
    return monthsSpanned(q.from, q.to) * (await groupCount(conn, q)) > maxMonthlyRows ? tooLarge : null;
  }
  if (endpoint === 'series/durations' || endpoint === 'series/survival') {
    return (await groupCount(conn, q)) > maxCurveGroups ? tooLarge : null;
  }
  return null;
}

/** A 400 naming the problem when the series would be too large. */
export async function assertSeriesSize(conn: DuckDBConnection, q: FigureQuery, endpoint: string): Promise<void> {
  const problem = await seriesSizeProblem(conn, q, endpoint);
  if (problem) throw new HttpError(400, 'invalid_parameters', [problem]);
}
