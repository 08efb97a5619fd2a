/**
 * The school page's comparisons on hand-made rows: per pupil and per 10 staff for counts
 * and sums only, the mean school of the municipality (total over schools; per pupil the
 * total over the municipality's pupils), last year and the change, and the period a year
 * earlier. Every expected value is worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import type { FigureRow, FigureSpec } from '../../dashboard/api/types.ts';
import { perSize, previousPeriod, schoolComparison, totalSize } from '../../dashboard/data/schoolComparison.ts';
import { lastYearPoints } from '../../dashboard/data/monthlyPoints.ts';
import { figureSpecs } from '../../etl/figures/figureKeys.ts';

const spec = (key: string): FigureSpec => figureSpecs.find((s) => s.key === key)!;
const meetings = spec('meetings_held'); // count
const staffReached = spec('staff_reached_total'); // sum
const agenda = spec('agenda_in_advance_rate'); // rate
const median = spec('days_to_end_median'); // median

const row = (values: Record<string, number | null>, suppressed: string[] = []): FigureRow => ({ ...values, suppressed }) as unknown as FigureRow;

// The school: 420 pupils, 41 staff. The municipality: 4 schools, 1 400 pupils, 140 staff.
const sizes = { school: { students: 420, staff: 41 }, municipality: { students: 1400, staff: 140 }, schools: 4 };
const rows = {
  school: row({ meetings_held: 21, staff_reached_total: 82, agenda_in_advance_rate: 0.9, days_to_end_median: 60 }),
  municipality: row({ meetings_held: 70, staff_reached_total: 210, agenda_in_advance_rate: 0.75, days_to_end_median: 80 }),
  previous: row({ meetings_held: 14, staff_reached_total: null, agenda_in_advance_rate: 0.8, days_to_end_median: 50 }, ['days_to_end_median']),
};

describe('schoolComparison', () => {
  it('counts as they are: the mean school is the total over the schools, last year and the change', () => {
    const c = schoolComparison(meetings, rows, sizes, null);
    // 70 / 4 = 17.5; change 21 − 14 = 7.
    expect(c).toEqual({ school: 21, meanSchool: 17.5, previous: 14, change: 7 });
  });

  it('per pupil: the school over its pupils, the mean school over the municipality pupils', () => {
    const c = schoolComparison(meetings, rows, sizes, 'pupils');
    // 21 / 420 = 0.05; 70 / 1 400 = 0.05; 14 / 420 = 0.0333…; change 7 / 420 = 0.01666…
    expect(c.school).toBeCloseTo(0.05, 12);
    expect(c.meanSchool).toBeCloseTo(0.05, 12);
    expect(c.previous).toBeCloseTo(1 / 30, 12);
    expect(c.change).toBeCloseTo(1 / 60, 12);
  });

  it('per 10 staff: a sum over staff, times ten; a missing last year gives no change', () => {
    const c = schoolComparison(staffReached, rows, sizes, 'staff');
    // 82 / 41 × 10 = 20; 210 / 140 × 10 = 15.
    expect(c.school).toBeCloseTo(20, 12);
    expect(c.meanSchool).toBeCloseTo(15, 12);
    expect(c.previous).toBeNull();
    expect(c.change).toBeNull();
  });

  it('rates and medians are never scaled; the mean school is the municipality own figure; hidden stays hidden', () => {
    const r = schoolComparison(agenda, rows, sizes, 'pupils');
    expect(r.school).toBe(0.9);
    expect(r.meanSchool).toBe(0.75);
    expect(r.previous).toBe(0.8);
    expect(r.change).toBeCloseTo(0.1, 12); // 0.9 − 0.8, shown as 10 percentage points
    expect(schoolComparison(median, rows, sizes, 'staff')).toEqual({ school: 60, meanSchool: 80, previous: 'hidden', change: null });
  });

  it('an unknown or zero size gives no value per pupil', () => {
    expect(perSize(21, meetings, { students: null, staff: 41 }, 'pupils')).toBeNull();
    expect(perSize(21, meetings, { students: 420, staff: 0 }, 'staff')).toBeNull();
    expect(perSize(21, meetings, { students: null, staff: null }, null)).toBe(21);
    expect(totalSize([{ students: 100, staff: 10 }, { students: 50, staff: null }])).toEqual({ students: 150, staff: null });
    const unknownMunicipality = { ...sizes, municipality: { students: null, staff: 140 } };
    expect(schoolComparison(meetings, rows, unknownMunicipality, 'pupils').meanSchool).toBeNull();
  });
});

describe('previousPeriod', () => {
  it.each([
    [{ from: '2025-08-01', to: '2026-07-31' }, { from: '2024-08-01', to: '2025-07-31' }],
    [{ from: '2025-08-01', to: '2025-12-31' }, { from: '2024-08-01', to: '2024-12-31' }],
    [{ from: '2024-01-01', to: '2024-02-29' }, { from: '2023-01-01', to: '2023-02-28' }],
  ])('%j → %j', (p, expected) => {
    expect(previousPeriod(p)).toEqual(expected);
  });
});

describe('lastYearPoints', () => {
  it('moves each month a year on and names the series', () => {
    const points = [
      { month: '2024-08', date: new Date(Date.UTC(2024, 7, 1)), series: 'x', value: 2 },
      { month: '2025-07', date: new Date(Date.UTC(2025, 6, 1)), series: 'x', value: null },
    ];
    expect(lastYearPoints(points, 'I fjor (2024/25)')).toEqual([
      { month: '2025-08', date: new Date(Date.UTC(2025, 7, 1)), series: 'I fjor (2024/25)', value: 2 },
      { month: '2026-07', date: new Date(Date.UTC(2026, 6, 1)), series: 'I fjor (2024/25)', value: null },
    ]);
  });
});
