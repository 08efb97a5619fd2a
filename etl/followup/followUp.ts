/**
 * `followup`: the figures of contract section 4b for a scope, and the lists behind them.
 * The figures are the same key figures as `figures` prints (one SQL each, etl/figures),
 * narrowed to the 4b keys.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { computeFigures } from '../figures/computeFigures.ts';
import type { FigureQuery } from '../figures/figureQuery.ts';
import { followUpKeys, type FollowUpKey } from '../figures/figureKeys.ts';
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

export async function followUp(conn: DuckDBConnection, q: FigureQuery): Promise<FollowUp> {
  const figures = followUpFiguresOf(await computeFigures(conn, q));
  return { figures, lists: await followUpLists(conn, q) };
}
