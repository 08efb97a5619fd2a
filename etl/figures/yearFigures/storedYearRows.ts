/**
 * A figure query's rows from the year figures, when it asks for exactly what they keep (see
 * wholeSchoolYear.ts) and they are current; null means "compute it live".
 *
 * Kept rows were computed once per school year for every school, every municipality and the
 * whole country. A school's row is also the answer for that school alone, and a
 * municipality's for that municipality alone: every fact reports under its case's school,
 * and a discussion's case and meeting belong to the same school (contract section 1), so a
 * group's figures never depend on which other schools are in the query. A viewer's school
 * list narrows a per-school answer to those schools, exactly as the live query does; a total
 * over a list of schools is not kept and is computed live.
 */
import { DATE, LIST, VARCHAR, INTEGER, listValue, type DuckDBType, type DuckDBValue, type DuckDBConnection } from '@duckdb/node-api';
import type { FactsLocation } from '../facts/ensureFigureFacts.ts';
import type { FigureQuery } from '../figureQuery.ts';
import { dateParameter } from '../queryParameters.ts';
import type { PlainRow } from '../runFigureSql.ts';
import type { Grouping } from '../scopeSql.ts';
import { wholeSchoolYear } from './wholeSchoolYear.ts';
import { currentGenerationSql, figureSqlVersion, yearFiguresTable, type KeptGrouping } from './yearFiguresTable.ts';

interface Lookup {
  readonly kept: KeptGrouping;
  /** One group's key, or null for every group the filters leave. */
  readonly key: string | null;
  /** Rows of schools in this municipality only (school rows carry their municipality). */
  readonly municipality: string | null;
  readonly allowed: readonly string[] | null;
  /** The query wants one row (its scope's total), not one per group. */
  readonly single: boolean;
}

/** Which kept rows answer `q` grouped by `grouping`, or null when none do. */
function lookupOf(grouping: Grouping, q: FigureQuery): Lookup | null {
  const allowed = q.allowedSchools ?? null;
  const school = q.school ?? null;
  const municipality = q.municipality ?? null;
  if (grouping === 'school') return { kept: 'school', key: school, municipality, allowed, single: false };
  if (grouping === 'municipality') {
    return allowed === null && school === null ? { kept: 'municipality', key: municipality, municipality: null, allowed: null, single: false } : null;
  }
  if (school !== null && municipality === null && (allowed === null || allowed.includes(school))) {
    return { kept: 'school', key: school, municipality: null, allowed: null, single: true };
  }
  if (allowed !== null || school !== null) return null;
  return municipality === null
    ? { kept: 'all', key: '', municipality: null, allowed: null, single: true }
    : { kept: 'municipality', key: municipality, municipality: null, allowed: null, single: true };
}

export async function storedYearRows(conn: DuckDBConnection, grouping: Grouping, q: FigureQuery, at: FactsLocation): Promise<PlainRow[] | null> {
  const year = wholeSchoolYear(q);
  const lookup = year === null ? null : lookupOf(grouping, q);
  if (year === null || lookup === null) return null;
  const values: Record<string, DuckDBValue> = { version: figureSqlVersion(), year, asOf: dateParameter(q.asOf), kept: lookup.kept };
  const types: Record<string, DuckDBType> = { version: VARCHAR, year: INTEGER, asOf: DATE, kept: VARCHAR };
  // Only the filters this lookup needs, each a plain comparison DuckDB can push into the scan
  // (an "$x IS NULL OR …" would read every row of the year, JSON and all).
  const filters: string[] = [];
  const filter = (name: string, value: DuckDBValue, type: DuckDBType, sql: string) => {
    values[name] = value;
    types[name] = type;
    filters.push(sql);
  };
  if (lookup.key !== null) filter('key', lookup.key, VARCHAR, 'group_key = $key');
  if (lookup.municipality !== null) filter('municipality', lookup.municipality, VARCHAR, 'municipality = $municipality');
  if (lookup.allowed !== null) filter('allowed', listValue([...lookup.allowed]), LIST(VARCHAR), 'list_contains($allowed, group_key)');
  const current = `generation = ${currentGenerationSql(at)} AND sql_version = $version AND school_year = $year AND as_of = $asOf`;
  let rows: Array<[string]>;
  try {
    const reader = await conn.runAndReadAll(
      `SELECT row_json FROM ${yearFiguresTable(at)} WHERE ${current} AND grouping = $kept${filters.map((f) => ` AND ${f}`).join('')}`,
      values,
      types,
    );
    rows = reader.getRows() as Array<[string]>;
  } catch {
    // No year figures here (never built, or facts from before them): compute live.
    return null;
  }
  // A year's rows are written in one transaction, all groups at once: any row found means
  // every row is there. None found (not built, or no such group) is computed live, which
  // costs a query only when nothing is kept.
  if (rows.length === 0 || (lookup.single && rows.length !== 1)) return null;
  return rows.map(([json]) => JSON.parse(json) as PlainRow);
}
