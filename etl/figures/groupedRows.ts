/**
 * Shared by the series: run a grouped query and attach each row's group identity, so every
 * series has the same shape as the breakdowns (school_id, school_name, municipality, or
 * municipality, or nothing for the scope total).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Breakdown, FigureQuery } from './figureQuery.ts';
import { municipalityIdentityOf, schoolIdentityOf, type SchoolIdentity } from './figureRows.ts';
import { runFigureSql, type PlainRow } from './runFigureSql.ts';
import type { Grouping } from './scopeSql.ts';

/** School rows carry all three fields, municipality rows `municipality`, the scope total none. */
export type GroupIdentity = Partial<SchoolIdentity>;

export function groupingOf(by: Breakdown | undefined): Grouping {
  return by ?? 'all';
}

export function identityOf(grouping: Grouping, row: PlainRow): GroupIdentity {
  if (grouping === 'school') return schoolIdentityOf(row);
  if (grouping === 'municipality') return municipalityIdentityOf(row);
  return {};
}

/** Runs `sql` and pairs each row with its group identity. */
export async function runGrouped(
  conn: DuckDBConnection,
  sql: string,
  q: FigureQuery,
  grouping: Grouping,
): Promise<Array<{ identity: GroupIdentity; row: PlainRow }>> {
  const rows = await runFigureSql(conn, sql, q);
  return rows.map((row) => ({ identity: identityOf(grouping, row), row }));
}
