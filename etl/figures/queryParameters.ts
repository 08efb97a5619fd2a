/**
 * Turns a FigureQuery into bound SQL parameters. Every value a caller gives reaches DuckDB
 * as a parameter, never as SQL text. Dates are bound as DATE so filters on date columns stay
 * plain comparisons that DuckDB can push into its scans.
 */
import { DATE, LIST, VARCHAR, dateValue, listValue, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import type { FigureQuery } from './figureQuery.ts';

export interface BoundParameters {
  readonly values: Record<string, DuckDBValue>;
  readonly types: Record<string, DuckDBType>;
}

/** An ISO date (YYYY-MM-DD) as a DATE value to bind. */
export function dateParameter(iso: string): DuckDBValue {
  const [year, month, day] = iso.split('-').map(Number);
  return dateValue({ year: year ?? NaN, month: month ?? NaN, day: day ?? NaN });
}

/** All parameters the figure SQL may use, by name. */
function allParameters(q: FigureQuery): Array<[string, DuckDBValue, DuckDBType]> {
  return [
    ['from', dateParameter(q.from), DATE],
    ['to', dateParameter(q.to), DATE],
    ['as_of', dateParameter(q.asOf), DATE],
    ['school', q.school ?? null, VARCHAR],
    ['municipality', q.municipality ?? null, VARCHAR],
    ['level', q.level ?? null, VARCHAR],
    // null = every school; an empty list = none (a viewer with no schools sees nothing).
    ['allowed', q.allowedSchools == null ? null : listValue([...q.allowedSchools]), LIST(VARCHAR)],
  ];
}

/** The parameters that `sql` refers to (DuckDB rejects values for names it does not use). */
export function queryParameters(q: FigureQuery, sql: string): BoundParameters {
  const values: Record<string, DuckDBValue> = {};
  const types: Record<string, DuckDBType> = {};
  for (const [name, value, type] of allParameters(q)) {
    if (!new RegExp(`\\$${name}\\b`).test(sql)) continue;
    values[name] = value;
    types[name] = type;
  }
  return { values, types };
}
