import { describe, expect, it } from 'vitest';
import type { DurationRow, FigureRow, MonthlyRow, SurvivalRow } from '../../dashboard/api/types.ts';
import { binDurations, casesByOutcome, durationBinWidth } from '../../dashboard/data/durationBins.ts';
import { figureN, figureValue, isSuppressed } from '../../dashboard/data/figureValue.ts';
import { hasData, medianRow } from '../../dashboard/data/groupStats.ts';
import { isAdditive, monthPoints, monthsUpTo, referencePoints } from '../../dashboard/data/monthlyPoints.ts';
import { sortRows } from '../../dashboard/data/sortRows.ts';
import { spreadLabels } from '../../dashboard/data/spreadLabels.ts';
import { incidencePoints, survivalSteps } from '../../dashboard/data/survivalSteps.ts';
import { usableRows } from '../../dashboard/data/usableRows.ts';
import { figureSpecByKey, type FigureKey } from '../../etl/figures/figureKeys.ts';

const spec = (key: FigureKey) => figureSpecByKey.get(key)!;
const row = (values: Record<string, unknown>) => values as unknown as FigureRow;

describe('figureValue and figureN', () => {
  it('a number is a value, null is missing', () => {
    expect(figureValue(row({ minutes_rate: 0.5 }), spec('minutes_rate'))).toEqual({ state: 'value', value: 0.5 });
    expect(figureValue(row({ minutes_rate: null }), spec('minutes_rate'))).toEqual({ state: 'missing' });
  });

  it.each([
    [true, true],
    [['minutes_rate'], true],
    ['cases_ended,minutes_rate', true],
    ['cases_ended', false],
    [null, false],
  ])('suppressed: %j hides minutes_rate: %s', (suppressed, hidden) => {
    expect(isSuppressed({ suppressed }, 'minutes_rate')).toBe(hidden);
    expect(figureValue(row({ minutes_rate: 0.5, suppressed }), spec('minutes_rate')).state).toBe(hidden ? 'suppressed' : 'value');
  });

  it('n is the denominator, else the cases the figure rests on, else none', () => {
    const r = row({ n_meetings_held: 36, n_cases_ended: 12, n_individual_cases_discussed: 40 });
    expect(figureN(r, spec('minutes_rate'))).toBe(36);
    expect(figureN(r, spec('cases_referred_ppt'))).toBe(12);
    expect(figureN(r, spec('individual_case_discussions'))).toBe(40);
    expect(figureN(r, spec('meetings_held'))).toBeNull();
  });
});

describe('medianRow and hasData', () => {
  const rows = [row({ meetings_held: 1, minutes_rate: null }), row({ meetings_held: 4, minutes_rate: 0.5 }), row({ meetings_held: 10, minutes_rate: 0.9 })];
  it('takes the median over the rows that have a value; even counts average the middle two', () => {
    expect(medianRow(rows, [spec('meetings_held'), spec('minutes_rate')])).toEqual({ meetings_held: 4, minutes_rate: 0.7 });
  });
  it('a row of zeros and nulls has no data', () => {
    expect(hasData([row({ meetings_held: 0, minutes_rate: null, school_name: 'X' })])).toBe(false);
    expect(hasData(rows)).toBe(true);
  });
});

describe('sortRows', () => {
  const rows = [row({ school_name: 'Øvre', minutes_rate: 0.2 }), row({ school_name: 'Ås', minutes_rate: null }), row({ school_name: 'Berg', minutes_rate: 0.9 })];
  const names = (rs: FigureRow[]) => rs.map((r) => r.school_name);
  const specs = [spec('minutes_rate')];
  it('by name follows Norwegian order (Ø before Å)', () => expect(names(sortRows(rows, 'name', 'asc', specs))).toEqual(['Berg', 'Øvre', 'Ås']));
  it('by a figure ascending, missing last', () => expect(names(sortRows(rows, 'minutes_rate', 'asc', specs))).toEqual(['Øvre', 'Berg', 'Ås']));
  it('by a figure descending, missing still last', () => expect(names(sortRows(rows, 'minutes_rate', 'desc', specs))).toEqual(['Berg', 'Øvre', 'Ås']));
});

describe('binDurations', () => {
  const durations: DurationRow[] = [
    { outcome: 'resolved', days: 0, cases: 2 },
    { outcome: 'resolved', days: 6, cases: 1 },
    { outcome: 'resolved', days: 7, cases: 3 },
    { outcome: 'referred_ppt', days: 20, cases: 1 },
    { outcome: 'referred_other', days: 13, cases: null, suppressed: 'cases' },
  ];
  it('counts cases per outcome in bins of equal width, every bin for every outcome', () => {
    const bins = binDurations(durations, 7);
    expect(bins.filter((b) => b.outcome === 'resolved').map((b) => b.cases)).toEqual([3, 3, 0]);
    expect(bins.filter((b) => b.outcome === 'referred_ppt').map((b) => [b.from, b.to, b.cases])).toEqual([[0, 7, 0], [7, 14, 0], [14, 21, 1]]);
    expect(bins.filter((b) => b.outcome === 'referred_other').every((b) => b.cases === 0)).toBe(true);
  });
  it('sums cases per outcome', () => expect(casesByOutcome(durations)).toEqual({ resolved: 6, referred_ppt: 1, referred_other: 0 }));
  it.each([[100, 7], [300, 14], [900, 30]])('the bin width for %i days is %i', (days, width) => expect(durationBinWidth(days)).toBe(width));
  it('no rows, no bins', () => expect(binDurations([])).toEqual([]));
});

describe('usableRows', () => {
  it('tells empty, suppressed and drawable series apart', () => {
    expect(usableRows<DurationRow>([], ['cases'])).toEqual({ state: 'empty' });
    expect(usableRows<DurationRow>([{ outcome: 'resolved', days: null, cases: null, suppressed: 'days,cases' }], ['days', 'cases'])).toEqual({ state: 'suppressed', reason: null });
    const refused: DurationRow = { outcome: 'resolved', days: null, cases: null, suppressed: 'days,cases', suppressed_reason: 'whole_school_years_only' };
    expect(usableRows<DurationRow>([refused], ['days', 'cases'])).toEqual({ state: 'suppressed', reason: 'whole_school_years_only' });
    expect(usableRows<DurationRow>([{ ...refused, suppressed_reason: 'made_up' }], ['days', 'cases'])).toEqual({ state: 'suppressed', reason: null });
    const ok: DurationRow = { outcome: 'resolved', days: 3, cases: 1 };
    expect(usableRows([ok], ['days', 'cases'])).toEqual({ state: 'rows', rows: [ok] });
  });
});

describe('survival curves', () => {
  const point = (t: number, survival: number, cif: [number, number, number]): SurvivalRow => ({
    t, at_risk: 10, events: 1, censored: t === 9 ? 1 : 0, survival,
    events_resolved: 0, events_referred_ppt: 0, events_referred_other: 0,
    cif_resolved: cif[0], cif_referred_ppt: cif[1], cif_referred_other: cif[2], cif_referred: cif[1] + cif[2],
  });
  const rows = [point(3, 0.9, [0.1, 0, 0]), point(9, 0.8, [0.1, 0.1, 0])];

  it('the Kaplan–Meier steps start at (0, 1)', () => {
    expect(survivalSteps(rows).map((s) => [s.t, s.survival, s.censored])).toEqual([[0, 1, 0], [3, 0.9, 0], [9, 0.8, 1]]);
  });
  it('each cumulative incidence starts at (0, 0)', () => {
    const points = incidencePoints(rows);
    expect(points.filter((p) => p.outcome === 'referred_ppt').map((p) => [p.t, p.incidence])).toEqual([[0, 0], [3, 0], [9, 0.1]]);
    expect(points).toHaveLength(9);
  });
  it('no rows, no curve', () => expect(survivalSteps([])).toEqual([]));
});

describe('monthly points', () => {
  const months = [
    row({ month: '2026-05', meetings_held: 6, minutes_rate: 0.5 }),
    row({ month: '2026-06', meetings_held: 3, minutes_rate: null }),
    row({ month: '2026-07', meetings_held: 0, minutes_rate: null }),
  ] as unknown as MonthlyRow[];

  it('months after the as-of date are left out', () => expect(monthsUpTo(months, '2026-06-15').map((m) => m.month)).toEqual(['2026-05', '2026-06']));
  it('a point per month, null where the figure has no value', () => {
    expect(monthPoints(months, spec('minutes_rate'), () => 'S').map((p) => p.value)).toEqual([0.5, null, null]);
  });
  it('the reference of a count is the mean per school; of a rate, the figure itself', () => {
    expect(isAdditive(spec('meetings_held'))).toBe(true);
    expect(referencePoints(months, spec('meetings_held'), 3, 'K').map((p) => p.value)).toEqual([2, 1, 0]);
    expect(referencePoints(months, spec('minutes_rate'), 3, 'K').map((p) => p.value)).toEqual([0.5, null, null]);
  });
});

describe('spreadLabels', () => {
  it('leaves labels that are far apart where they are', () => expect(spreadLabels([0.1, 0.9], 0.05)).toEqual([0.1, 0.9]));
  it('pushes close labels at least a gap apart, keeping their order', () => {
    const [a, b, c] = spreadLabels([0.5, 0.1, 0.11], 0.05);
    expect(b! < c! && c! < a!).toBe(true);
    expect(c! - b!).toBeGreaterThanOrEqual(0.05 - 1e-12);
  });
});
