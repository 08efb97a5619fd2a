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
 * Units depend on each other (`unitDependencies`): a unit *rests on* another when one of its
 * figures divides by a count of the other (tested_before_ppt_referral_rate divides by
 * cases_referred_ppt, a count of the cases_ended unit: 5/7 names its n), or when its cases
 * are a subset of the other's (consent cases of the discussed cases; every unit of the
 * union `individual_cases`): a visible subset is a lower bound on the hidden whole, and a
 * lower bound beside a group's equation can pin a hidden cell. A unit is hidden wherever a
 * unit it rests on is hidden.
 *
 * Primary suppression: a cell the viewer is not scoped to is hidden for a unit when its n is
 * below the threshold (0 included). Secondary suppression: every case count is additive over
 * the schools of a group (a case belongs to one school), so in a group whose total is
 * visible the hidden members must be at least two and rest together on at least `threshold`
 * cases; otherwise the smallest visible member is hidden too, and when none is left, the
 * total. A total hidden that way must not be the sum of visible members either, so when
 * groups nest, the rules are applied over all groups, all units and their dependencies
 * together until nothing changes (monotone, so it ends). Rates and means go with their unit,
 * so "rate × n" finds nothing, and the hidden members' combined numerator is an aggregate
 * of at least `threshold` cases.
 */
import {
  deviationBaseKeys,
  figureBaseKeys,
  figureKeys,
  figureObjectBase,
  figureObjectKeys,
  figureSpecByKey,
  figureSpecs,
  type FigureBaseKey,
  type FigureKey,
  type FigureObjectKey,
} from './figureKeys.ts';
import type { FigureRow } from './figureRows.ts';

/** The default threshold of contract section 4. */
export const defaultSuppressionThreshold = 5;

export interface SuppressionUnit {
  /** The base whose n decides. */
  readonly base: FigureBaseKey;
  readonly figures: readonly FigureKey[];
  /** The object figures (code → count) hidden with the unit. */
  readonly objects: readonly FigureObjectKey[];
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
    objects: figureObjectKeys.filter((k) => figureObjectBase[k] === base),
    bases: figureBaseKeys.filter((b) => unitOfBase(b) === base),
  }));

const unitByBase = new Map(suppressionUnits.map((u) => [u.base, u]));

/** Every unit: what a view shows nothing case-based of. */
export const allUnits: ReadonlySet<FigureBaseKey> = new Set(suppressionUnits.map((u) => u.base));

/**
 * Case sets contained in another unit's, which the figure specs cannot tell: the consent
 * cases are discussed cases of kind `individual`, and every case unit's cases are in the
 * union `individual_cases` (figureFamilies.ts builds it from them). The deviation units
 * (section 4d) count deviations, not cases: they are in no case set, and a school with few
 * cases may show its deviations (and the reverse). Deviations are suppressed like case
 * counts, each unit on its own n: a deviation is about one child. Among themselves, the
 * deviations unanswered after 60 days are open ones wherever a cell outside the scope is
 * answered (as of the period's last day, or today before it: unanswered and unresolved then
 * means open then), so they are hidden wherever the open ones are.
 */
const subsetOf: ReadonlyArray<readonly [FigureBaseKey, FigureBaseKey]> = [
  ['consent_cases', 'individual_cases_discussed'],
  ['deviations_answer_overdue', 'deviations_open'],
  ...[...allUnits].filter((u) => u !== 'individual_cases' && !deviationBaseKeys.has(u)).map((u) => [u, 'individual_cases'] as const),
];

/** A unit's figure divides by a count that belongs to another unit. */
const dividesBy: ReadonlyArray<readonly [FigureBaseKey, FigureBaseKey]> = figureSpecs.flatMap((s) => {
  const other = s.denominator && s.cases ? unitOfBase(s.denominator) : null;
  return other && other !== s.cases ? [[s.cases!, other] as const] : [];
});

function transitiveClosure(edges: ReadonlyArray<readonly [FigureBaseKey, FigureBaseKey]>): Map<FigureBaseKey, Set<FigureBaseKey>> {
  const on = new Map([...allUnits].map((u) => [u, new Set<FigureBaseKey>()]));
  for (const [from, to] of edges) on.get(from)!.add(to);
  let changed = true;
  while (changed) {
    changed = false;
    for (const targets of on.values()) {
      for (const further of [...targets].flatMap((t) => [...on.get(t)!])) {
        if (targets.has(further)) continue;
        targets.add(further);
        changed = true;
      }
    }
  }
  return on;
}

/** The units each unit rests on (transitively): where one of them is hidden, so is it. */
export const unitDependencies: ReadonlyMap<FigureBaseKey, ReadonlySet<FigureBaseKey>> = transitiveClosure([...dividesBy, ...subsetOf]);

/** Adds to `hidden` every unit resting on a hidden one; true if it added any. */
function hideDependents(hidden: Set<FigureBaseKey>): boolean {
  let added = false;
  for (const [unit, on] of unitDependencies) {
    if (hidden.has(unit)) continue;
    for (const dep of on) {
      if (!hidden.has(dep)) continue;
      hidden.add(unit);
      added = true;
      break;
    }
  }
  return added;
}

/** Why a row's figures are hidden (`suppressed_reason` in the API). */
export const suppressedReasons = ['small_numbers', 'whole_school_years_only', 'level_slice'] as const;
export type SuppressedReason = (typeof suppressedReasons)[number];

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

/**
 * Stocks hidden in every cell outside the scope, whatever their n. The open deviations at the
 * end of a school year are those of the year before plus the year's reported minus its
 * resolved ones, in every cell; the plans are made one school year at a time, so with both
 * flows shown a stock shown in one year and hidden in the next (or the reverse) would be the
 * sum of three visible numbers (on the sample data: one municipality's hidden 4 open
 * deviations = 8 - 15 + 11 of the next year). Never shown outside the scope, the stocks are
 * each year's unknowns and the flows only tell how they change. (The open cases have the
 * same identity with the KM cases and the ended ones; hiding them everywhere outside the scope
 * would cost too much, so the plans of consecutive school years are made together for them
 * instead: suppressConsecutiveYears.ts.)
 */
const stocksHiddenOutsideScope: ReadonlySet<FigureBaseKey> = new Set(['deviations_open']);

/** The units a cell hides on its own n alone, and those resting on them. */
export function primarySuppression(cell: SuppressionCell, threshold: number): Set<FigureBaseKey> {
  if (cell.scoped) return new Set();
  const hidden = new Set(suppressionUnits.filter((u) => cell.n[u.base] < threshold || stocksHiddenOutsideScope.has(u.base)).map((u) => u.base));
  hideDependents(hidden);
  return hidden;
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
 * The units each cell hides: primary suppression, then secondary suppression and the units'
 * dependencies, repeated over every group and every unit of every cell until nothing
 * changes (a cell hidden for one group or unit may expose another). `forced`: units hidden
 * in a cell for a reason outside this table (the stock of open cases across school years,
 * suppressConsecutiveYears.ts), protected like the rest; never in a scoped cell.
 */
export function planSuppression(
  cells: readonly SuppressionCell[],
  groups: readonly SuppressionGroup[],
  threshold: number,
  forced: ReadonlyArray<ReadonlySet<FigureBaseKey>> = [],
): Array<Set<FigureBaseKey>> {
  const hidden = cells.map((c, i) => {
    const units = primarySuppression(c, threshold);
    if (!c.scoped) for (const unit of forced[i] ?? []) units.add(unit);
    return units;
  });
  let changed = true;
  while (changed) {
    changed = false;
    for (const { base: unit } of suppressionUnits) {
      for (const group of groups) if (protectGroup(cells, hidden, group, unit, threshold)) changed = true;
    }
    for (let i = 0; i < cells.length; i++) if (!cells[i]!.scoped && hideDependents(hidden[i]!)) changed = true;
  }
  return hidden;
}

/**
 * A figure row as shown: hidden figures and n's are null, `suppressed` names them, and
 * `suppressed_reason` says why (null when nothing is hidden).
 */
export type ShownFigureRow<R extends FigureRow> = Omit<R, 'n'> & {
  readonly n: Record<FigureBaseKey, number | null>;
  /** Figure keys and `n_<base>` columns that are hidden, in contract order. */
  readonly suppressed: string[];
  readonly suppressed_reason: SuppressedReason | null;
};

const columnOrder = new Map<string, number>([...figureKeys, ...figureObjectKeys, ...figureBaseKeys.map((b) => `n_${b}`)].map((c, i) => [c, i]));

export function suppressRow<R extends FigureRow>(
  row: R,
  hiddenUnits: ReadonlySet<FigureBaseKey>,
  reason: SuppressedReason = 'small_numbers',
): ShownFigureRow<R> {
  const shown: Record<string, unknown> = { ...row };
  const n: Record<string, number | null> = { ...row.n };
  const suppressed: string[] = [];
  for (const base of hiddenUnits) {
    const unit = unitByBase.get(base);
    if (!unit) continue;
    for (const key of [...unit.figures, ...unit.objects]) {
      shown[key] = null;
      suppressed.push(key);
    }
    for (const b of unit.bases) {
      n[b] = null;
      suppressed.push(`n_${b}`);
    }
  }
  suppressed.sort((a, b) => columnOrder.get(a)! - columnOrder.get(b)!);
  const suppressed_reason = suppressed.length ? reason : null;
  return { ...(shown as Omit<R, 'n'>), n: n as Record<FigureBaseKey, number | null>, suppressed, suppressed_reason };
}
