/**
 * A family of key figures that share their facts (meetings, discussions, measures, ended
 * cases...). Each family owns the SQL of its figures: the CTEs that gather the facts per
 * group `g` and period, the aggregates of its result table, and one expression per figure
 * over that table. `keyFiguresSql` assembles the families into one query.
 */
import type { FigureBaseKey, FigureKey, FigureObjectKey } from '../figureKeys.ts';

/**
 * The family's result table: aggregates over `from`, one row per group and period. Kept
 * apart from the CTEs so the assembler can write it grouped by (g, period), or, when the
 * query has one group and one period, as one ungrouped aggregate (familyCtes.ts).
 */
export interface FamilyAggregate {
  /** What the aggregates read: a CTE, or tables and joins, with aliases. */
  readonly from: string;
  /** The group and period columns of `from` (default `g` and `period`). */
  readonly keys?: readonly [group: string, period: string];
  /** `aggregate AS column`, one per column of the table (a line may start with a comment). */
  readonly columns: readonly string[];
}

export interface FigureFamily {
  /** CTEs (`name AS (...)`) in dependency order; they may use scope, periods and the shared facts. */
  readonly ctes: readonly string[];
  /** The name of the result table, with at most one row per (g, period), that the final select joins. */
  readonly table: string;
  /** The result table's aggregates, over the family's CTEs. */
  readonly aggregate: FamilyAggregate;
  /** SQL for each figure this family owns; it may name any family's table (missing row = NULL). */
  readonly figures: Partial<Record<FigureKey, string>>;
  /** SQL for the figures that are objects (code → count), as JSON text; NULL for none. */
  readonly objects?: Partial<Record<FigureObjectKey, string>>;
  /** SQL for the bases (denominators, case counts) this family owns. */
  readonly bases: Partial<Record<FigureBaseKey, string>>;
  /** `SELECT g, period, case_no` of the individual-part cases its figures rest on, if any. */
  readonly individualCases?: string;
  /**
   * The base that counts those cases, each once per group and period. Computed with the
   * union base (figureFamilies.ts), in one aggregate for all such bases, so the family's own
   * table needs no count(DISTINCT).
   */
  readonly individualCasesBase?: FigureBaseKey;
}

/**
 * A count column of a family's table; a group without rows there has 0, not NULL. Every
 * count is read through this (and every share through `ratio`), so a table written as one
 * ungrouped row (count 0, sum NULL on no facts) gives the same figures as a missing row.
 */
export function countOf(table: string, column: string): string {
  return `coalesce(${table}.${column}, 0)`;
}

/** A share or mean: NULL when the denominator is 0 or missing, never 0 and never an error. */
export function ratio(numerator: string, denominator: string): string {
  return `(${numerator})::DOUBLE / nullif(${denominator}, 0)`;
}
