/**
 * A family of key figures that share their facts (meetings, discussions, measures, ended
 * cases...). Each family owns the SQL of its figures: the CTEs that gather the facts per
 * group `g` and period, and one expression per figure over the family's result table.
 * `keyFiguresSql` assembles the families into one query.
 */
import type { FigureBaseKey, FigureKey, FigureObjectKey } from '../figureKeys.ts';

export interface FigureFamily {
  /** CTEs (`name AS (...)`) in dependency order; they may use scope, periods and the shared facts. */
  readonly ctes: readonly string[];
  /** The CTE with at most one row per (g, period) that the final select left-joins. */
  readonly table: string;
  /** SQL for each figure this family owns; it may name any family's table (missing row = NULL). */
  readonly figures: Partial<Record<FigureKey, string>>;
  /** SQL for the figures that are objects (code → count), as JSON text; NULL for none. */
  readonly objects?: Partial<Record<FigureObjectKey, string>>;
  /** SQL for the bases (denominators, case counts) this family owns. */
  readonly bases: Partial<Record<FigureBaseKey, string>>;
  /** `SELECT g, period, case_no` of the individual-part cases its figures rest on, if any. */
  readonly individualCases?: string;
}

/** A count column of a family's table; a group without rows there has 0, not NULL. */
export function countOf(table: string, column: string): string {
  return `coalesce(${table}.${column}, 0)`;
}

/** A share or mean: NULL when the denominator is 0 or missing, never 0 and never an error. */
export function ratio(numerator: string, denominator: string): string {
  return `(${numerator})::DOUBLE / nullif(${denominator}, 0)`;
}
