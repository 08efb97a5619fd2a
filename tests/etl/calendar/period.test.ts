import { describe, expect, it } from 'vitest';
import {
  defaultAsOf,
  defaultSchoolYear,
  schoolYearLabel,
  schoolYearOf,
  schoolYearPeriod,
  schoolYearsInSpan,
} from '../../../etl/calendar/period.ts';

describe('schoolYearOf', () => {
  it.each([
    ['2025-08-01', 2025],
    ['2025-07-31', 2024],
    ['2026-01-15', 2025],
    ['2025-12-31', 2025],
  ])('schoolYearOf(%j) is %i', (date, year) => expect(schoolYearOf(date)).toBe(year));
});

describe('schoolYearPeriod', () => {
  it('a school year runs 1 August – 31 July', () => expect(schoolYearPeriod(2025, 'year')).toEqual({ from: '2025-08-01', to: '2026-07-31' }));
  it('the autumn term runs 1 August – 31 December', () => expect(schoolYearPeriod(2025, 'autumn')).toEqual({ from: '2025-08-01', to: '2025-12-31' }));
  it('the spring term runs 1 January – 31 July of the next year', () => expect(schoolYearPeriod(2025, 'spring')).toEqual({ from: '2026-01-01', to: '2026-07-31' }));
  it('schoolYearLabel(2025) is 2025/26, schoolYearLabel(2099) is 2099/00', () => {
    expect(schoolYearLabel(2025)).toBe('2025/26');
    expect(schoolYearLabel(2099)).toBe('2099/00');
  });
});

describe('schoolYearsInSpan', () => {
  it('lists every school year the data touches', () => {
    expect(schoolYearsInSpan({ first_date: '2024-08-19', last_date: '2026-06-22' }, '2026-11-23')).toEqual([2024, 2025]);
  });
  it('without data offers the school year of today', () => {
    expect(schoolYearsInSpan({ first_date: null, last_date: null }, '2026-11-23')).toEqual([2026]);
  });
});

describe('defaultSchoolYear', () => {
  it('is the latest school year that has ended', () => expect(defaultSchoolYear([2024, 2025, 2026], '2026-11-23')).toBe(2025));
  it('a school year ending today has not ended yet', () => expect(defaultSchoolYear([2024, 2025], '2026-07-31')).toBe(2024));
  it('is the latest year when none has ended', () => expect(defaultSchoolYear([2026], '2026-11-23')).toBe(2026));
});

describe('defaultAsOf', () => {
  it('is the end of a past period', () => expect(defaultAsOf({ from: '2025-08-01', to: '2026-07-31' }, '2026-11-23')).toBe('2026-07-31'));
  it('is today for a running period', () => expect(defaultAsOf({ from: '2026-08-01', to: '2027-07-31' }, '2026-11-23')).toBe('2026-11-23'));
  it('is today when the period ends today', () => expect(defaultAsOf({ from: '2026-08-01', to: '2026-11-23' }, '2026-11-23')).toBe('2026-11-23'));
});
