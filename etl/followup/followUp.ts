/**
 * `followup`: the figures of contract section 4b for a scope, and the lists behind them.
 * The figures are the same key figures as `figures` prints (one SQL each, etl/figures),
 * narrowed to the 4b keys.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { ensureFigureFacts, type FactsLocation } from '../figures/facts/ensureFigureFacts.ts';
import type { FigureQuery } from '../figures/figureQuery.ts';
import { followUpKeys, type FollowUpKey } from '../figures/figureKeys.ts';
import { someFiguresSql } from '../figures/keyFiguresSql.ts';
import { numberOrNull, runFigureSql } from '../figures/runFigureSql.ts';
import { followUpLists, type FollowUpLists } from './followUpLists.ts';

export type FollowUpFigures = { [K in FollowUpKey]: number | null };

export interface FollowUp {
  readonly figures: FollowUpFigures;
  readonly lists: FollowUpLists;
}

/** The 4b keys of a figure row, in contract order. */
export function followUpFiguresOf(row: Readonly<Record<FollowUpKey, number | null>>): FollowUpFigures {
  return Object.fromEntries(followUpKeys.map((k) => [k, row[k]])) as FollowUpFigures;
}

/**
 * The 4b figures of the scope total, computed by the 4b keys' own families only: the same
 * values as computeFigures gives for these keys, without the figures the page does not show
 * (at national scale the full query costs several times as much to plan and run).
 */
export async function followUpFigures(conn: DuckDBConnection, q: FigureQuery, at?: FactsLocation): Promise<FollowUpFigures> {
  const [row] = await runFigureSql(conn, someFiguresSql(followUpKeys, 'all', 'whole'), q, at);
  if (!row) throw new Error('follow-up figure query returned no row');
  return Object.fromEntries(followUpKeys.map((k) => [k, numberOrNull(row, k)])) as FollowUpFigures;
}

/**
 * The 4b figures and lists. With `side`, a second connection to the same database, the lists
 * run on it while the figures run on `conn`: each statement is mostly planning, which DuckDB
 * does on one thread, so on two cores the two together take about as long as the slower one.
 */
export async function followUp(conn: DuckDBConnection, q: FigureQuery, side?: DuckDBConnection): Promise<FollowUp> {
  // One freshness check for both statements: figures and lists read the same facts.
  const at = await ensureFigureFacts(conn);
  if (!side) return { figures: await followUpFigures(conn, q, at), lists: await followUpLists(conn, q, at) };
  const [figures, lists] = await Promise.all([followUpFigures(conn, q, at), followUpLists(side, q, at)]);
  return { figures, lists };
}
