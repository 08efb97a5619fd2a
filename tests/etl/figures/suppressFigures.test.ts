import { describe, expect, it } from 'vitest';
import {
  allUnits,
  figureBaseKeys,
  figureKeys,
  figureSpecs,
  planSuppression,
  primarySuppression,
  suppressRow,
  suppressionUnits,
  type FigureBaseKey,
  type FigureBases,
  type FigureRow,
  type SuppressionCell,
} from '../../../etl/figures/index.ts';
import { unitDependencies, unitOfBase } from '../../../etl/figures/suppressFigures.ts';

/** Bases all at `value`, with some overridden. */
function bases(value: number, overrides: Partial<FigureBases> = {}): FigureBases {
  return { ...(Object.fromEntries(figureBaseKeys.map((k) => [k, value])) as FigureBases), ...overrides };
}

const cell = (cases_ended: number, scoped = false): SuppressionCell => ({ n: bases(100, { cases_ended }), scoped });

const hiddenFor = (plan: Array<Set<FigureBaseKey>>, unit: FigureBaseKey) => plan.map((h) => h.has(unit));

/** The open deviations, and the overdue ones resting on them, are hidden in every cell outside the scope. */
const alwaysOutside = ['deviations_answer_overdue', 'deviations_open'];
/** A cell's hidden units but those, sorted. */
const beyondStocks = (hidden: ReadonlySet<FigureBaseKey>) => [...hidden].filter((u) => !alwaysOutside.includes(u)).sort();

describe('suppressionUnits', () => {
  it('every figure with a case base belongs to exactly one unit; figures without cases to none', () => {
    const owned = suppressionUnits.flatMap((u) => u.figures);
    expect(new Set(owned).size).toBe(owned.length);
    for (const spec of figureSpecs) expect(owned.includes(spec.key), spec.key).toBe(spec.cases !== null);
  });

  it.each([
    ['meetings_held', null],
    ['system_measures_with_staff_reached', null],
    ['individual_cases', 'individual_cases'],
    ['individual_cases_discussed', 'individual_cases_discussed'],
    ['individual_cases_with_measures', 'individual_cases_with_measures'],
    ['cases_ended', 'cases_ended'],
    // the same number as the figure cases_referred_ppt, so it goes with that figure
    ['cases_referred_ppt', 'cases_ended'],
    ['km_cases', 'km_cases'],
    ['open_cases', 'open_cases'],
    ['consent_cases', 'consent_cases'],
    // the denominator of evaluation_on_time_rate: rate × n would give the numerator
    ['evaluations_due', 'individual_cases_with_evaluations_due'],
    ['individual_cases_with_evaluations_due', 'individual_cases_with_evaluations_due'],
    // the deviations of 4d: each count its own unit; the resolved ones are the median's n
    ['deviations_reported', 'deviations_reported'],
    ['deviations_open', 'deviations_open'],
    ['deviations_answer_overdue', 'deviations_answer_overdue'],
    ['deviations_resolved', 'deviations_resolved'],
  ] as const)('unitOfBase(%s) is %s', (base, unit) => {
    expect(unitOfBase(base)).toBe(unit);
  });

  it('every case base is a unit, and each n column is hidden with at most one unit', () => {
    const columns = suppressionUnits.flatMap((u) => u.bases);
    expect(new Set(columns).size).toBe(columns.length);
    expect(allUnits.size).toBe(suppressionUnits.length);
  });
});

describe('unitDependencies', () => {
  const on = (unit: FigureBaseKey) => [...(unitDependencies.get(unit) ?? [])].sort();

  it('the deviation units rest on no case unit: a school with few cases may show its deviations, and the reverse', () => {
    for (const unit of ['deviations_reported', 'deviations_open', 'deviations_resolved'] as const) expect(on(unit), unit).toEqual([]);
    // Unanswered after 60 days and unresolved on the as-of date (outside the scope at most the
    // period's last day): still open on that day.
    expect(on('deviations_answer_overdue')).toEqual(['deviations_open']);
  });

  it('the PPT-referral rate rests on the ended cases (it divides by their referrals), and on the union', () => {
    expect(on('cases_referred_ppt')).toEqual(['cases_ended', 'individual_cases']);
  });

  it('the consent cases are discussed cases, and every unit is part of the union', () => {
    expect(on('consent_cases')).toEqual(['individual_cases', 'individual_cases_discussed']);
    for (const unit of ['individual_cases_discussed', 'individual_cases_with_measures', 'cases_ended', 'km_cases', 'open_cases', 'individual_cases_with_evaluations_due'] as const) {
      expect(on(unit), unit).toEqual(['individual_cases']);
    }
    expect(on('individual_cases')).toEqual([]);
  });
});

describe('primarySuppression', () => {
  it('hides a unit whose n is below the threshold, 0 included, and the unit resting on it', () => {
    // cases_referred_ppt (the PPT referral rate's unit) divides by a count of cases_ended.
    const hidden = primarySuppression({ n: bases(10, { cases_ended: 4, km_cases: 0 }), scoped: false }, 5);
    expect(beyondStocks(hidden)).toEqual(['cases_ended', 'cases_referred_ppt', 'km_cases']);
  });

  it('keeps a unit at exactly the threshold', () => {
    expect(beyondStocks(primarySuppression({ n: bases(5), scoped: false }, 5))).toEqual([]);
  });

  it('never hides anything of a scoped cell', () => {
    expect(primarySuppression({ n: bases(0), scoped: true }, 5).size).toBe(0);
  });
});

describe('planSuppression', () => {
  const group = (count: number) => ({ total: count, members: [...Array(count).keys()] });

  it('hides the next-smallest cell when one cell alone is hidden under a visible total', () => {
    const cells = [cell(2), cell(9), cell(6), cell(20), cell(37)];
    expect(hiddenFor(planSuppression(cells, [group(4)], 5), 'cases_ended')).toEqual([true, false, true, false, false]);
  });

  it('keeps hiding until the hidden cells rest on at least the threshold together', () => {
    // 1 + 1 = 2 < 5: one more (the 6) is needed.
    const cells = [cell(1), cell(1), cell(6), cell(8), cell(16)];
    expect(hiddenFor(planSuppression(cells, [group(4)], 5), 'cases_ended')).toEqual([true, true, true, false, false]);
  });

  it('hides the total when no other cell can be hidden', () => {
    const cells = [cell(30, true), cell(2), cell(32)];
    expect(hiddenFor(planSuppression(cells, [group(2)], 5), 'cases_ended')).toEqual([false, true, true]);
  });

  it('never hides a scoped cell to protect another', () => {
    const cells = [cell(1, true), cell(3), cell(12), cell(16)];
    expect(hiddenFor(planSuppression(cells, [group(3)], 5), 'cases_ended')).toEqual([false, true, true, false]);
  });

  it('leaves a group alone when its hidden cells are already safe', () => {
    const cells = [cell(3), cell(4), cell(9), cell(16)];
    expect(hiddenFor(planSuppression(cells, [group(3)], 5), 'cases_ended')).toEqual([true, true, false, false]);
  });

  it('does nothing more when the total is hidden itself', () => {
    const cells = [cell(1), cell(2), cell(3)];
    expect(hiddenFor(planSuppression(cells, [group(2)], 5), 'cases_ended')).toEqual([true, true, true]);
  });

  it('repeats over nested groups until nothing changes, and never leaves a hidden total the sum of visible cells', () => {
    // Municipality T = levels A + B; A = schools a1 + a2 (a2 the viewer's own), B = b1 + b2.
    // a1 is small; a2 cannot hide, so A must; then B must (T − A); then b1 (B − b2 would give B).
    const [a1, a2, A, b1, b2, B, T] = [0, 1, 2, 3, 4, 5, 6];
    const cells = [cell(2), cell(8, true), cell(10), cell(15), cell(20), cell(35), cell(45)];
    const groups = [
      { total: A, members: [a1, a2] },
      { total: B, members: [b1, b2] },
      { total: T, members: [A, B] },
    ];
    expect(hiddenFor(planSuppression(cells, groups, 5), 'cases_ended')).toEqual([true, false, true, true, false, true, false]);
  });

  it('hides a rate with the count it divides by, when that count is hidden to protect another cell', () => {
    // The example: a peer with 7 ended, all 7 referred, hidden to protect a peer with
    // 2. The referrals need no protection of their own (2 + 3 hidden), so only the
    // dependency hides the 7 referrals' rate: 5/7 would name the 7.
    const cells = [
      { n: bases(100, { cases_ended: 2, cases_referred_ppt: 2 }), scoped: false },
      { n: bases(100, { cases_ended: 7, cases_referred_ppt: 7 }), scoped: false },
      { n: bases(100, { cases_ended: 30, cases_referred_ppt: 3 }), scoped: false },
      { n: bases(100, { cases_ended: 40, cases_referred_ppt: 20 }), scoped: false },
      { n: bases(400, { cases_ended: 79, cases_referred_ppt: 32 }), scoped: false },
    ];
    const plan = planSuppression(cells, [{ total: 4, members: [0, 1, 2, 3] }], 5);
    expect(hiddenFor(plan, 'cases_ended')).toEqual([true, true, false, false, false]);
    expect(hiddenFor(plan, 'cases_referred_ppt')).toEqual([true, true, true, false, false]);
  });

  it('protects a unit hidden by a dependency like any other (units planned together)', () => {
    // Cell 0 hides the union (4) and with it its consent cases; cell 1's union hides to
    // protect it, so its consent cases hide too; both consent counts (1 + 1) are then too few
    // together, so cell 2's consent cases hide as well.
    const cells = [
      { n: bases(100, { individual_cases: 4, consent_cases: 1 }), scoped: false },
      { n: bases(100, { individual_cases: 20, consent_cases: 1 }), scoped: false },
      { n: bases(100, { individual_cases: 40, consent_cases: 10 }), scoped: false },
      { n: bases(100, { individual_cases: 64, consent_cases: 12 }), scoped: false },
    ];
    const plan = planSuppression(cells, [{ total: 3, members: [0, 1, 2] }], 5);
    expect(hiddenFor(plan, 'individual_cases')).toEqual([true, true, false, false]);
    expect(hiddenFor(plan, 'consent_cases')).toEqual([true, true, true, false]);
    // Every case unit rests on the union: cells 0 and 1 show no case-based figure at all
    // (the four deviation units count deviations, not cases, and stand apart).
    expect(beyondStocks(plan[1]!).length).toBe(allUnits.size - 4);
    expect(plan[1]!.has('deviations_reported')).toBe(false);
  });

  it('hides the deviations unanswered after 60 days wherever the open deviations they are part of are hidden', () => {
    // Outside the scope the as-of date is the period's last day (or today, before it): a
    // deviation unanswered and unresolved then is open then, so the overdue ones are part of
    // the open ones. Peer 1's open deviations hide to protect peer 2 (0 open), the overdue
    // ones of peer 3 (5, the smallest) protect peer 2's overdue 0. Were peer 1's 6 overdue
    // shown, the reader would know open(1) + open(2) = 74 - 50 - 8 - 10 = 6 and open(1) >= 6:
    // open(1) = 6 and open(2) = 0, both hidden cells pinned.
    const dev = (deviations_open: number, deviations_answer_overdue: number, scoped = false): SuppressionCell => ({
      n: bases(100, { deviations_open, deviations_answer_overdue }),
      scoped,
    });
    // (The open deviations are now hidden in every cell outside the scope anyway, see the
    // next test; the overdue ones follow them there.)
    const cells = [dev(50, 20, true), dev(6, 6), dev(0, 0), dev(8, 5), dev(10, 9), dev(74, 40)];
    const plan = planSuppression(cells, [{ total: 5, members: [0, 1, 2, 3, 4] }], 5);
    expect(hiddenFor(plan, 'deviations_open')).toEqual([false, true, true, true, true, true]);
    expect(hiddenFor(plan, 'deviations_answer_overdue')).toEqual([false, true, true, true, true, true]);
  });

  it('decides each unit on its own n', () => {
    const cells = [{ n: bases(100, { km_cases: 2 }), scoped: false }, { n: bases(100), scoped: false }, { n: bases(100), scoped: false }, { n: bases(300), scoped: false }];
    const plan = planSuppression(cells, [{ total: 3, members: [0, 1, 2] }], 5);
    expect(beyondStocks(plan[0]!)).toEqual(['km_cases']);
    expect(beyondStocks(plan[1]!)).toEqual(['km_cases']);
    expect(beyondStocks(plan[2]!)).toEqual([]);
  });
});

describe('suppressRow', () => {
  const row = { ...(Object.fromEntries(figureKeys.map((k) => [k, 7])) as Record<string, number>), n: bases(3) } as unknown as FigureRow;

  it('nulls the unit’s figures and n columns and lists them, in contract order', () => {
    const shown = suppressRow(row, new Set<FigureBaseKey>(['cases_ended']));
    expect(shown.suppressed).toEqual(['cases_ended', 'cases_referred_ppt', 'days_to_end_median', 'days_to_end_p90', 'n_cases_ended', 'n_cases_referred_ppt']);
    expect(shown.cases_ended).toBeNull();
    expect(shown.n.cases_ended).toBeNull();
    expect(shown.meetings_held).toBe(7);
    expect(shown.n.meetings_held).toBe(3);
  });

  it('hides deviations_by_agency with the reported deviations it counts, and lists it after the numeric keys', () => {
    const withAgencies = { ...row, deviations_by_agency: { school: 3, child_psychiatry: 3 } } as FigureRow;
    expect(suppressRow(withAgencies, new Set()).deviations_by_agency).toEqual({ school: 3, child_psychiatry: 3 });
    const shown = suppressRow(withAgencies, new Set<FigureBaseKey>(['deviations_reported']));
    expect(shown.deviations_by_agency).toBeNull();
    expect(shown.suppressed).toEqual(['deviations_reported', 'deviations_of_principle', 'deviations_escalated', 'deviations_by_agency', 'n_deviations_reported']);
    const resolved = suppressRow(withAgencies, new Set<FigureBaseKey>(['deviations_resolved']));
    expect(resolved.suppressed).toEqual(['deviation_days_to_resolve_median', 'n_deviations_resolved']);
    expect(resolved.deviations_by_agency).toEqual({ school: 3, child_psychiatry: 3 });
  });

  it('primarySuppression hides a deviation unit below the threshold on its own n, not with the cases', () => {
    const hidden = primarySuppression({ n: bases(100, { individual_cases: 2, deviations_open: 4 }), scoped: false }, 5);
    expect(hidden.has('individual_cases')).toBe(true);
    expect(hidden.has('deviations_open')).toBe(true);
    expect(hidden.has('deviations_reported')).toBe(false);
    expect(primarySuppression({ n: bases(100, { deviations_resolved: 5 }), scoped: false }, 5).has('deviations_resolved')).toBe(false);
  });

  it('primarySuppression hides the open deviations in every cell outside the scope, whatever their n, and never in a scoped one', () => {
    // open(Y) = open(Y-1) + reported(Y) - resolved(Y) in every cell: with the flows shown
    // beside it, a stock shown in one year and hidden in the next (or the reverse) is the
    // sum of three visible terms (suppressionStockFlow.test.ts).
    const outside = primarySuppression({ n: bases(100, { deviations_open: 40 }), scoped: false }, 5);
    expect(outside.has('deviations_open')).toBe(true);
    expect(outside.has('deviations_answer_overdue')).toBe(true);
    expect(outside.has('deviations_reported')).toBe(false);
    expect(outside.has('deviations_resolved')).toBe(false);
    expect(primarySuppression({ n: bases(100, { deviations_open: 40 }), scoped: true }, 5).size).toBe(0);
  });

  it('with every unit hidden, keeps exactly the figures that rest on no cases', () => {
    const shown = suppressRow(row, allUnits) as unknown as Record<string, unknown>;
    for (const spec of figureSpecs) expect(shown[spec.key] === null, spec.key).toBe(spec.cases !== null);
  });

  it('with nothing hidden, lists nothing and gives no reason', () => {
    expect(suppressRow(row, new Set()).suppressed).toEqual([]);
    expect(suppressRow(row, new Set(), 'level_slice').suppressed_reason).toBeNull();
  });

  it('says why: small numbers unless told otherwise', () => {
    expect(suppressRow(row, new Set<FigureBaseKey>(['km_cases'])).suppressed_reason).toBe('small_numbers');
    expect(suppressRow(row, allUnits, 'whole_school_years_only').suppressed_reason).toBe('whole_school_years_only');
  });
});
