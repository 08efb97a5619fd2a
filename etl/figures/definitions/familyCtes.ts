/**
 * A family's CTEs as a query needs them, its result table last. Grouped (by school or
 * municipality, or per month) the table is one row per (g, period), GROUP BY g, period,
 * and the final select left-joins it. With one group and one period (a scope's total over
 * the whole period, what a dashboard asks most) it is one ungrouped aggregate instead,
 * cross-joined: the same aggregates over the same rows, without a hash table per family.
 * At national scale that shape runs one municipality's figures about a third faster
 * (DuckDB sets up a hash aggregate and a hash join per family even for a handful of rows,
 * while an ungrouped aggregate and a one-row cross join cost next to nothing).
 *
 * The figures read the table only through countOf and ratio (and columns that are NULL
 * without facts: medians, Kaplan–Meier, JSON objects), so one ungrouped row over no facts
 * (count 0, sum NULL) gives the same values as the missing row of the grouped shape.
 */
import type { FigureFamily } from './figureFamily.ts';

/** How the result tables are written: `grouped` per (g, period), or `single` as one row. */
export type TableShape = 'grouped' | 'single';

function aggregateCte(family: FigureFamily, shape: TableShape): string {
  const { from, keys = ['g', 'period'], columns } = family.aggregate;
  const list = columns.join(',\n         ');
  if (shape === 'single') {
    return `${family.table} AS (
  SELECT 0 AS g, 0 AS period,
         ${list}
  FROM ${from}
)`;
  }
  return `${family.table} AS (
  SELECT ${keys[0]}, ${keys[1]},
         ${list}
  FROM ${from}
  GROUP BY ${keys[0]}, ${keys[1]}
)`;
}

export function familyCtes(family: FigureFamily, shape: TableShape): string[] {
  return [...family.ctes, aggregateCte(family, shape)];
}

/** How the final select joins a family's table to `groups × periods`. */
export function familyJoin(family: FigureFamily, shape: TableShape): string {
  const t = family.table;
  // One row per family in the single shape, so the cross join keeps the one output row.
  return shape === 'single' ? `CROSS JOIN ${t}` : `LEFT JOIN ${t} ON ${t}.g = groups.g AND ${t}.period = periods.period`;
}
