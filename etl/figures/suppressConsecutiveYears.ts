/**
 * Suppression plans of consecutive school years, made together so that a stock and its
 * flows cannot be added up into a hidden cell. In every cell (a case belongs to one school,
 * and a case ends on or after its first concern, contract section 3):
 *
 *   open_cases(Y) = open_cases(Y-1) + km_cases(Y) - cases_ended(Y)
 *
 * (open: first concern on or before the year's last day, not ended on or before it; KM
 * cases: first concern in the year, up to the as-of date, which for a past year is its last
 * day; ended: closed in the year.) A cell showing three of the four terms would give the
 * fourth away, so in no cell outside the scope may exactly one of them be hidden: where one
 * is, the visible term with the fewest cases is hidden too (ties: in the order inflow,
 * outflow, stock at the end, stock at the start), and that year's table is planned again
 * with it (secondary suppression then protects the new hidden cell in its groups, which may
 * hide more). Repeated over every pair of consecutive years until nothing changes: hiding
 * only grows, so it ends, and the result depends only on the tables, never on which year
 * was asked first.
 *
 * The open deviations have the same identity with the reported and resolved ones; they are
 * hidden in every cell outside the scope instead (suppressFigures.ts).
 */
import type { FigureBaseKey } from './figureKeys.ts';
import { planSuppression, type SuppressionCell, type SuppressionGroup } from './suppressFigures.ts';

/** A stock at the end of a school year, what came in during the year and what went out. */
export interface StockFlow {
  readonly stock: FigureBaseKey;
  readonly inflow: FigureBaseKey;
  readonly outflow: FigureBaseKey;
}

export const stockFlows: readonly StockFlow[] = [{ stock: 'open_cases', inflow: 'km_cases', outflow: 'cases_ended' }];

/** One school year's table: its cells, named by `keys` (the same name for the same cell every year), and groups. */
export interface YearTable {
  readonly keys: readonly string[];
  readonly cells: readonly SuppressionCell[];
  readonly groups: readonly SuppressionGroup[];
}

/** The stock before the first table: none (no case begins earlier), which a reader may know. */
const known = 'known' as const;

interface Term {
  readonly year: number;
  readonly cell: number;
  readonly unit: FigureBaseKey;
}

/**
 * The units each cell of each table hides; `tables` are consecutive school years, in order,
 * the first being the first in which any case begins: the stocks before it are 0 in every
 * cell, which a reader who knows when the data begins knows, so there they count as shown.
 * A cell missing from a year (no such key) counts as hidden there.
 */
export function planConsecutiveYears(tables: readonly YearTable[], threshold: number, flows: readonly StockFlow[] = stockFlows): Array<Array<Set<FigureBaseKey>>> {
  const forced = tables.map((t) => t.cells.map(() => new Set<FigureBaseKey>()));
  const plan = (y: number) => planSuppression(tables[y]!.cells, tables[y]!.groups, threshold, forced[y]);
  const hidden = tables.map((_, y) => plan(y));
  const indexes = tables.map((t) => new Map(t.keys.map((k, i) => [k, i])));
  let changed = true;
  while (changed) {
    changed = false;
    for (let y = 0; y < tables.length; y++) {
      tables[y]!.keys.forEach((key, cell) => {
        if (tables[y]!.cells[cell]!.scoped) return;
        const before = y === 0 ? known : indexes[y - 1]!.get(key);
        for (const { stock, inflow, outflow } of flows) {
          const terms: Array<Term | null | typeof known> = [
            { year: y, cell, unit: inflow },
            { year: y, cell, unit: outflow },
            { year: y, cell, unit: stock },
            before === undefined ? null : before === known ? known : { year: y - 1, cell: before, unit: stock },
          ];
          const isHidden = (t: Term | null | typeof known) => t === null || (t !== known && hidden[t.year]![t.cell]!.has(t.unit));
          if (terms.filter(isHidden).length !== 1) continue;
          const casesOf = (t: Term) => tables[t.year]!.cells[t.cell]!.n[t.unit];
          // Sort is stable: equal counts keep the order above.
          const next = (terms.filter((t) => t !== known && !isHidden(t)) as Term[]).sort((a, b) => casesOf(a) - casesOf(b))[0]!;
          forced[next.year]![next.cell]!.add(next.unit);
          // Planned again at once, so the identities after this one see what its groups hid
          // with it (one term at a time hides no more than needed).
          hidden[next.year] = plan(next.year);
          changed = true;
        }
      });
    }
  }
  return hidden;
}
