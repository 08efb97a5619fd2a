import { describe, expect, it } from 'vitest';
import { latestPeriodEnd, monthsSpanned, periodProblem } from '../../../server/http/periodLimits.ts';

describe('latestPeriodEnd', () => {
  it.each([
    ['2015-08-01', '2025-07-31'],
    ['2024-01-01', '2033-12-31'],
    ['2024-03-01', '2034-02-28'],
    ['2016-02-29', '2026-02-28'],
    ['2014-03-01', '2024-02-29'],
    ['0001-01-01', '0010-12-31'],
    ['9990-01-02', '9999-12-31'],
    ['9995-06-01', '9999-12-31'],
  ])('latestPeriodEnd(%s) is %s', (from, expected) => {
    expect(latestPeriodEnd(from)).toBe(expected);
  });
});

describe('monthsSpanned', () => {
  it.each([
    ['2024-08-01', '2025-07-31', 12],
    ['2024-08-31', '2024-08-31', 1],
    ['2015-08-01', '2025-07-31', 120],
    ['2015-08-15', '2025-08-14', 121],
    ['2024-12-31', '2025-01-01', 2],
  ])('monthsSpanned(%s, %s) is %i', (from, to, expected) => {
    expect(monthsSpanned(from, to)).toBe(expected);
  });
});

describe('periodProblem', () => {
  it('allows exactly ten school years, monthly too', () => {
    expect(periodProblem('2015-08-01', '2025-07-31', false)).toBeNull();
    expect(periodProblem('2015-08-01', '2025-07-31', true)).toBeNull();
  });

  it('refuses one day more than ten years', () => {
    expect(periodProblem('2015-08-01', '2025-08-01', false)).toEqual({
      parameter: 'to',
      reason: 'period_too_long',
      message: 'Perioden kan være høyst ti skoleår. Velg en kortere periode.',
    });
  });

  it('refuses a ten-year period touching 121 months only for a monthly series', () => {
    expect(periodProblem('2015-08-15', '2025-08-14', false)).toBeNull();
    expect(periodProblem('2015-08-15', '2025-08-14', true)).toEqual({
      parameter: 'to',
      reason: 'too_many_months',
      message: 'En serie per måned kan være høyst 120 måneder. Velg en kortere periode.',
    });
  });
});
