/**
 * The plan of consecutive school years (etl/figures/suppressConsecutiveYears.ts) on hand-made
 * tables: a group of three municipalities (cells 0–2) and their total (3), per year. The
 * open cases of a cell at the end of year Y are those of Y-1 plus its KM cases minus its
 * ended cases; no cell outside the scope may show three of the four.
 */
import { describe, expect, it } from 'vitest';
import { figureBaseKeys, planConsecutiveYears, planSuppression, type FigureBaseKey, type FigureBases, type YearTable } from '../../../etl/figures/index.ts';

type Counts = { open: number; km: number; ended: number };

/** A cell with every base at 100 but the three of the identity. */
function cellOf({ open, km, ended }: Counts, scoped = false) {
  const n = { ...(Object.fromEntries(figureBaseKeys.map((k) => [k, 100])) as FigureBases), open_cases: open, km_cases: km, cases_ended: ended };
  return { n, scoped };
}

function table(counts: readonly Counts[], scoped: readonly boolean[] = []): YearTable {
  const total = counts.reduce((s, c) => ({ open: s.open + c.open, km: s.km + c.km, ended: s.ended + c.ended }), { open: 0, km: 0, ended: 0 });
  return {
    keys: ['A', 'B', 'C', 'all'],
    cells: [...counts.map((c, i) => cellOf(c, scoped[i])), cellOf(total)],
    groups: [{ total: 3, members: [0, 1, 2] }],
  };
}

const units: FigureBaseKey[] = ['open_cases', 'km_cases', 'cases_ended'];
/** Per cell, which of open, km, ended it hides. */
const shown = (plan: Array<Set<FigureBaseKey>>) => plan.map((h) => units.filter((u) => h.has(u)));

/** 2023/24: A has 3 open at the end (hidden), B 6, C 40. 2024/25: A 5 open, 8 first concerns, 6 ended (each shown alone). */
const y2023 = table([
  { open: 3, km: 3, ended: 0 },
  { open: 6, km: 6, ended: 0 },
  { open: 40, km: 40, ended: 0 },
]);
const y2024 = table([
  { open: 5, km: 8, ended: 6 },
  { open: 9, km: 9, ended: 6 },
  { open: 45, km: 30, ended: 25 },
]);

describe('planConsecutiveYears', () => {
  it('planned alone, A shows 3 of the 4 terms: its hidden 3 open cases are 5 - 8 + 6', () => {
    expect(shown(planSuppression(y2023.cells, y2023.groups, 5))[0]).toContain('open_cases');
    expect(shown(planSuppression(y2024.cells, y2024.groups, 5))[0]).toEqual([]);
  });

  it('together, no cell outside the scope has exactly one of the four terms hidden', () => {
    const [before, after] = planConsecutiveYears([y2023, y2024], 5);
    for (let cell = 0; cell < 4; cell++) {
      const terms = [before![cell]!.has('open_cases'), after![cell]!.has('km_cases'), after![cell]!.has('cases_ended'), after![cell]!.has('open_cases')];
      expect(terms.filter(Boolean).length, `cell ${cell}: ${terms.join(' ')}`).not.toBe(1);
    }
  });

  it('hides the visible term with the fewest cases (A’s 5 open cases of 2024/25), then protects it in its group', () => {
    const [, after] = planConsecutiveYears([y2023, y2024], 5);
    // A's open cases of 2024/25 hidden; alone under the total it needs a second: B (9), the smallest visible.
    expect(shown(after!)).toEqual([['open_cases'], ['open_cases'], [], []]);
  });

  it('does not depend on the order the identities are met, and changes nothing when no identity is broken', () => {
    const once = planConsecutiveYears([y2023, y2024], 5);
    expect(planConsecutiveYears([y2023, y2024], 5)).toEqual(once);
    const quiet = table([
      { open: 30, km: 60, ended: 30 },
      { open: 30, km: 60, ended: 30 },
      { open: 30, km: 60, ended: 30 },
    ]);
    const quietNext = table([
      { open: 20, km: 10, ended: 20 },
      { open: 20, km: 10, ended: 20 },
      { open: 20, km: 10, ended: 20 },
    ]);
    const together = planConsecutiveYears([quiet, quietNext], 5);
    expect(together).toEqual([planSuppression(quiet.cells, quiet.groups, 5), planSuppression(quietNext.cells, quietNext.groups, 5)]);
  });

  it('counts the open cases before the first year as known (none): its 0 ended cases beside 6 open and 6 begun are hidden with another', () => {
    const [first] = planConsecutiveYears([y2023, y2024], 5);
    // B: 6 open = 0 + 6 begun - 0 ended; the hidden 0 would be 6 - 6.
    expect(shown(first!)[1]!.length).toBeGreaterThan(1);
  });

  it('never hides anything in a cell the viewer is scoped to', () => {
    const scoped = [true, false, false];
    const [before, after] = planConsecutiveYears([table(y2023.cells.slice(0, 3).map(countsOf), scoped), table(y2024.cells.slice(0, 3).map(countsOf), scoped)], 5);
    expect(before![0]!.size + after![0]!.size).toBe(0);
  });
});

function countsOf(cell: { n: FigureBases }): Counts {
  return { open: cell.n.open_cases, km: cell.n.km_cases, ended: cell.n.cases_ended };
}
