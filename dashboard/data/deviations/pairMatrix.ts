/**
 * The agency pairs as a matrix for the chart: the agencies that occur in any pair, in the
 * contract's order (then unknown codes alphabetically), and one cell per pair below the
 * diagonal (row the later agency, column the earlier), 0 where no deviation named both, so
 * every pair can be read, not only those with deviations. Each pair once: the matrix is
 * symmetric, and a full square would show every number twice.
 */
import type { AgencyPairCount } from '../../api/deviationEndpoints.ts';
import { agencyOrder } from './agencyCounts.ts';

export interface PairCell {
  /** The later agency of the pair (the row). */
  readonly row: string;
  /** The earlier agency (the column). */
  readonly column: string;
  readonly count: number;
}

export interface PairMatrix {
  readonly agencies: readonly string[];
  readonly cells: readonly PairCell[];
}

export function pairMatrix(pairs: readonly AgencyPairCount[]): PairMatrix {
  const known: readonly string[] = agencyOrder;
  const named = new Set(pairs.flatMap((p) => [p.a, p.b]));
  const agencies = [...known.filter((a) => named.has(a)), ...[...named].filter((a) => !known.includes(a)).sort()];
  const count = new Map(pairs.map((p) => [`${p.a}|${p.b}`, p.reported]));
  const cells: PairCell[] = [];
  agencies.forEach((row, i) => {
    for (const column of agencies.slice(0, i)) cells.push({ row, column, count: (count.get(`${column}|${row}`) ?? 0) + (count.get(`${row}|${column}`) ?? 0) });
  });
  return { agencies, cells };
}
