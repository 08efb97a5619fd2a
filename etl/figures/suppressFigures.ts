/**
 * Small-number suppression (contract section 4): in a view the viewer is not scoped to, a
 * figure computed from fewer than `threshold` individual-part cases is hidden, and no total
 * may let a reader recompute it. The one place that decides what is hidden; the server
 * maps every view (breakdowns, totals, series) onto it.
 *
 * A *unit* is one base of individual-part cases (`FigureSpec.cases`, plus the union base
 * `individual_cases`): every figure resting on it, and the n columns that would give it away
 * (its own count and the case-based denominators), are shown or hidden together.
 *
 * Primary suppression: a cell the viewer is not scoped to is hidden for a unit when its n is
 * below the threshold (0 included). Secondary suppression: every case count is additive over
 * the schools of a group (a case belongs to one school), so in a group whose total is
 * visible the hidden members must be at least two and rest together on at least `threshold`
 * cases; otherwise the smallest visible member is hidden too, and when none is left, the
 * total. A total hidden that way must not be the sum of visible members either, so when
 * groups nest, the rules are applied over all groups until nothing changes (monotone, so it
 * ends). Rates and means need no rule of their own: they are hidden with their numerator
 * and their n, so "rate × n" finds nothing, and the hidden members' combined numerator is an
 * aggregate of at least `threshold` cases.
 */
import { figureBaseKeys, figureKeys, figureSpecByKey, figureSpecs, type FigureBaseKey, type FigureKey } from './figureKeys.ts';
import type { FigureRow } from './figureRows.ts';

/** The default threshold of contract section 4. */
export const defaultSuppressionThreshold = 5;

export interface SuppressionUnit {
  /** The base whose n decides. */
  readonly base: FigureBaseKey;
  readonly figures: readonly FigureKey[];
  /** The n columns hidden with the unit. */
  readonly bases: readonly FigureBaseKey[];
}

const caseBases = new Set<FigureBaseKey>(['individual_cases', ...figureSpecs.flatMap((s) => (s.cases ? [s.cases] : []))]);

/**
 * The unit an n column belongs to, or null when it is not about individual-part cases. A base
 * that is also a figure (cases_referred_ppt) goes with that figure, so a number is never
 * shown in one column and hidden in another.
 */
export function unitOfBase(base: FigureBaseKey): FigureBaseKey | null {
  const sameFigure = figureSpecByKey.get(base as FigureKey);
  if (sameFigure) return sameFigure.cases;
  if (caseBases.has(base)) return base;
  const users = figureSpecs.filter((s) => s.denominator === base);
  // A denominator also used by a figure of no cases (meetings_held) is not sensitive.
  if (users.length === 0 || users.some((s) => s.cases === null)) return null;
  const units = new Set(users.map((s) => s.cases));
  if (units.size !== 1) throw new Error(`denominator ${base} rests on several case bases`);
  return [...units][0]!;
}

export const suppressionUnits: readonly SuppressionUnit[] = figureBaseKeys
  .filter((b) => caseBases.has(b))
  .map((base) => ({
    base,
    figures: figureSpecs.filter((s) => s.cases === base).map((s) => s.key),
    bases: figureBaseKeys.filter((b) => unitOfBase(b) === base),
  }));

const unitByBase = new Map(suppressionUnits.map((u) => [u.base, u]));

/** Every unit: what a view shows nothing case-based of. */
export const allUnits: ReadonlySet<FigureBaseKey> = new Set(suppressionUnits.map((u) => u.base));

export interface SuppressionCell {
  readonly n: Readonly<Record<FigureBaseKey, number>>;
  /** Fully visible to the viewer (their own school or municipality): never hidden. */
  readonly scoped: boolean;
}

/** A total and the cells that add up to it (cell indexes). */
export interface SuppressionGroup {
  readonly total: number;
  readonly members: readonly number[];
}

/** The units a cell hides on its own n alone. */
export function primarySuppression(cell: SuppressionCell, threshold: number): Set<FigureBaseKey> {
  if (cell.scoped) return new Set();
  return new Set(suppressionUnits.filter((u) => cell.n[u.base] < threshold).map((u) => u.base));
}

/**
 * Hides one more cell of `group` for `unit` if a hidden cell could be recomputed from the
 * group's equation (total = sum of members); true if it did. A visible total needs two or
 * more hidden members resting on `threshold` cases together; a hidden total (hidden to
 * protect another group) needs a hidden member beside it, or it is just the sum of the rest.
 */
function protectGroup(
  cells: readonly SuppressionCell[],
  hidden: Array<Set<FigureBaseKey>>,
  group: SuppressionGroup,
  unit: FigureBaseKey,
  threshold: number,
): boolean {
  const open = group.members.filter((i) => !cells[i]!.scoped);
  const hiddenMembers = open.filter((i) => hidden[i]!.has(unit));
  if (hidden[group.total]!.has(unit)) {
    if (hiddenMembers.length > 0) return false;
  } else {
    if (hiddenMembers.length === 0) return false;
    const hiddenCases = hiddenMembers.reduce((sum, i) => sum + cells[i]!.n[unit], 0);
    if (hiddenMembers.length >= 2 && hiddenCases >= threshold) return false;
  }
  const next = open
    .filter((i) => !hidden[i]!.has(unit))
    .sort((a, b) => cells[a]!.n[unit] - cells[b]!.n[unit] || a - b)[0];
  if (next !== undefined) {
    hidden[next]!.add(unit);
    return true;
  }
  if (cells[group.total]!.scoped || hidden[group.total]!.has(unit)) return false;
  hidden[group.total]!.add(unit);
  return true;
}

/**
 * The units each cell hides: primary suppression, then secondary suppression repeated over
 * every group until nothing changes (a cell hidden for one group may expose another).
 */
export function planSuppression(
  cells: readonly SuppressionCell[],
  groups: readonly SuppressionGroup[],
  threshold: number,
): Array<Set<FigureBaseKey>> {
  const hidden = cells.map((c) => primarySuppression(c, threshold));
  for (const { base: unit } of suppressionUnits) {
    let changed = true;
    while (changed) {
      changed = false;
      for (const group of groups) if (protectGroup(cells, hidden, group, unit, threshold)) changed = true;
    }
  }
  return hidden;
}

/** A figure row as shown: hidden figures and n's are null, and `suppressed` names them. */
export type ShownFigureRow<R extends FigureRow> = Omit<R, 'n'> & {
  readonly n: Record<FigureBaseKey, number | null>;
  /** Figure keys and `n_<base>` columns that are hidden, in contract order. */
  readonly suppressed: string[];
};

const columnOrder = new Map<string, number>([...figureKeys, ...figureBaseKeys.map((b) => `n_${b}`)].map((c, i) => [c, i]));

export function suppressRow<R extends FigureRow>(row: R, hiddenUnits: ReadonlySet<FigureBaseKey>): ShownFigureRow<R> {
  const shown: Record<string, unknown> = { ...row };
  const n: Record<string, number | null> = { ...row.n };
  const suppressed: string[] = [];
  for (const base of hiddenUnits) {
    const unit = unitByBase.get(base);
    if (!unit) continue;
    for (const key of unit.figures) {
      shown[key] = null;
      suppressed.push(key);
    }
    for (const b of unit.bases) {
      n[b] = null;
      suppressed.push(`n_${b}`);
    }
  }
  suppressed.sort((a, b) => columnOrder.get(a)! - columnOrder.get(b)!);
  return { ...(shown as Omit<R, 'n'>), n: n as Record<FigureBaseKey, number | null>, suppressed };
}
