/**
 * Every key figure per calendar month of the period (the first and last month clipped to
 * the period), optionally per school or municipality. The same SQL as the headline figures
 * with one period per month, so a month's number means exactly what the period's does:
 * open_cases at the month's last day, km_median_days for cases first raised that month.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Breakdown, FigureQuery } from './figureQuery.ts';
import { figureRowOf, type FigureRow } from './figureRows.ts';
import { compareGroups } from './groupOrder.ts';
import { groupingOf, runGrouped, type GroupIdentity } from './groupedRows.ts';
import { keyFiguresSql } from './keyFiguresSql.ts';
import { text } from './runFigureSql.ts';

export type MonthlyFigures = GroupIdentity & FigureRow & { readonly month: string };

/** Rows sorted by group name, then month ('YYYY-MM'); every group has every month. */
export async function monthlySeries(conn: DuckDBConnection, q: FigureQuery, by: Breakdown | undefined = q.by): Promise<MonthlyFigures[]> {
  const grouping = groupingOf(by);
  const rows = await runGrouped(conn, keyFiguresSql(grouping, 'month'), q, grouping);
  const series = rows.map(({ identity, row }) => ({ ...identity, month: text(row, 'period'), ...figureRowOf(row) }));
  if (grouping === 'all') return series;
  return series.sort((a, b) => compareGroups(a, b) || a.month.localeCompare(b.month));
}
