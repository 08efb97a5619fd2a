/** normChecks: the 4b norms met or not, table-driven, expectations by hand. */
import { describe, expect, it } from 'vitest';
import { isSchoolYear, normChecks } from '../../../etl/followup/normChecks.ts';

const year = { from: '2024-08-01', to: '2025-07-31', asOf: '2025-08-01' };
const norms = { meeting_interval_days: 7, tgl_meetings_per_school_year: 2 };

describe('normChecks', () => {
  it.each([
    { median: 7, status: 'met' }, // exactly the norm
    { median: 7.5, status: 'not_met' },
    { median: 3, status: 'met' },
    { median: null, status: 'no_data' },
  ])('median $median days against 7 → $status', ({ median, status }) => {
    expect(normChecks({ median_days_between_meetings: median, tgl_meetings: 0 }, norms, 1, year).meeting_interval).toEqual({ norm: 7, value: median, status });
  });

  it.each([
    { tgl: 2, schools: 1, period: year, norm: 2, status: 'met' },
    { tgl: 1, schools: 1, period: year, norm: 2, status: 'not_met' },
    { tgl: 1, schools: 1, period: { ...year, asOf: '2025-07-30' }, norm: 2, status: 'pending' }, // the year is still running
    { tgl: 1, schools: 1, period: { ...year, asOf: '2025-07-31' }, norm: 2, status: 'not_met' }, // read on its last day
    { tgl: 5, schools: 3, period: year, norm: 6, status: 'not_met' }, // 2 per school
    { tgl: 6, schools: 3, period: year, norm: 6, status: 'met' },
    { tgl: 9, schools: 1, period: { from: '2024-08-01', to: '2024-12-31', asOf: '2025-01-01' }, norm: 2, status: 'not_applicable' }, // a term
    { tgl: 0, schools: 0, period: year, norm: 0, status: 'not_applicable' },
  ])('$tgl TGL meetings at $schools schools → $status', ({ tgl, schools, period, norm, status }) => {
    expect(normChecks({ median_days_between_meetings: null, tgl_meetings: tgl }, norms, schools, period).tgl_meetings).toEqual({ norm, value: tgl, status });
  });

  it('isSchoolYear is 1 August to 31 July of the next year only', () => {
    expect(isSchoolYear('2024-08-01', '2025-07-31')).toBe(true);
    expect(isSchoolYear('2024-08-01', '2026-07-31')).toBe(false);
    expect(isSchoolYear('2024-08-02', '2025-07-31')).toBe(false);
  });
});
