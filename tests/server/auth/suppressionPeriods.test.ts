/** Which periods are answered outside the viewer's scope (server/auth/wholeSchoolYears.ts). */
import { describe, expect, it } from 'vitest';
import { defaultAsOf, schoolYearPeriod, wholeSchoolYears } from '../../../server/auth/wholeSchoolYears.ts';

const today = '2026-11-23';

describe('defaultAsOf', () => {
  it('is the last day of a period that has passed, else today', () => {
    expect(defaultAsOf('2025-07-31', today)).toBe('2025-07-31');
    expect(defaultAsOf('2026-11-22', today)).toBe('2026-11-22');
    expect(defaultAsOf('2026-11-23', today)).toBe('2026-11-23');
    expect(defaultAsOf('2027-07-31', today)).toBe('2026-11-23');
  });
});

describe('wholeSchoolYears', () => {
  it('names the school years of 1 August – 31 July periods read at the default as-of date', () => {
    expect(wholeSchoolYears({ from: '2024-08-01', to: '2025-07-31', asOf: '2025-07-31' }, today)).toEqual([2024]);
    expect(wholeSchoolYears({ from: '2022-08-01', to: '2025-07-31', asOf: '2025-07-31' }, today)).toEqual([2022, 2023, 2024]);
    // The school year under way is read as of today.
    expect(wholeSchoolYears({ from: '2026-08-01', to: '2027-07-31', asOf: today }, today)).toEqual([2026]);
  });

  it.each([
    ['a term', { from: '2024-08-01', to: '2024-12-31', asOf: '2024-12-31' }],
    ['a custom period a day short', { from: '2024-08-01', to: '2025-07-30', asOf: '2025-07-30' }],
    ['a period starting a day late', { from: '2024-08-02', to: '2025-07-31', asOf: '2025-07-31' }],
    ['a calendar year', { from: '2024-01-01', to: '2024-12-31', asOf: '2024-12-31' }],
    ['a month', { from: '2025-07-01', to: '2025-07-31', asOf: '2025-07-31' }],
    ['to before from', { from: '2025-08-01', to: '2025-07-31', asOf: '2025-07-31' }],
    ['a later as-of date', { from: '2024-08-01', to: '2025-07-31', asOf: '2025-08-01' }],
    ['an earlier as-of date', { from: '2024-08-01', to: '2025-07-31', asOf: '2025-01-15' }],
    ['today for a period that has passed', { from: '2024-08-01', to: '2025-07-31', asOf: today }],
    ['the last day of a period not over yet', { from: '2026-08-01', to: '2027-07-31', asOf: '2027-07-31' }],
    ['eleven school years', { from: '2014-08-01', to: '2025-07-31', asOf: '2025-07-31' }],
  ])('refuses %s', (_, period) => {
    expect(wholeSchoolYears(period, today)).toBeNull();
  });

  it('allows ten school years', () => {
    expect(wholeSchoolYears({ from: '2015-08-01', to: '2025-07-31', asOf: '2025-07-31' }, today)).toHaveLength(10);
  });
});

describe('schoolYearPeriod', () => {
  it('runs 1 August – 31 July', () => {
    expect(schoolYearPeriod(2024)).toEqual({ from: '2024-08-01', to: '2025-07-31' });
  });
});
