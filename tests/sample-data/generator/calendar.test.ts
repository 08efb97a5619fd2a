import { describe, expect, it } from 'vitest';
import { schoolYear } from '../../../sample-data/generator/calendar.ts';
import { dayOf, isoDate, parseIsoDate, weekday } from '../../../sample-data/generator/days.ts';
import { easterSunday } from '../../../sample-data/generator/easter.ts';

describe('easterSunday', () => {
  it.each([
    [2016, '2016-03-27'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
  ])('easterSunday(%i) is %s', (year, expected) => {
    expect(isoDate(easterSunday(year))).toBe(expected);
  });
});

describe('days', () => {
  it("weekday('2024-08-01') is Thursday (4) and parseIsoDate inverts isoDate", () => {
    expect(weekday(parseIsoDate('2024-08-01'))).toBe(4);
    expect(isoDate(dayOf(2026, 7, 31))).toBe('2026-07-31');
    expect(parseIsoDate('2025-01-01')).toBe(dayOf(2025, 1, 1));
  });
});

describe('schoolYear(2024, …)', () => {
  const year = schoolYear(2024, { autumnBreakWeek: 40, winterBreakWeek: 8, startShift: 0 });
  const taught = (iso: string) => year.schoolDays.includes(parseIsoDate(iso));
  const meets = (iso: string) => year.meetingOk(parseIsoDate(iso));

  it('starts on the Monday of week 34 and ends on a weekday around 20 June', () => {
    expect(isoDate(year.firstDay)).toBe('2024-08-19');
    expect(isoDate(year.lastDay)).toBe('2025-06-20');
  });

  it.each([
    ['2024-10-02', false, 'autumn break (week 40)'],
    ['2024-12-27', false, 'Christmas'],
    ['2025-02-19', false, 'winter break (week 8)'],
    ['2025-04-16', false, 'Holy Week'],
    ['2025-05-29', false, 'Ascension Day'],
    ['2025-03-12', true, 'an ordinary Wednesday'],
  ])('%s is a teaching day: %s (%s)', (iso, expected) => {
    expect(taught(iso)).toBe(expected);
  });

  it('the team does not meet in the last school days before Christmas or in late June', () => {
    expect(taught('2024-12-18')).toBe(true);
    expect(meets('2024-12-18')).toBe(false);
    expect(meets('2025-06-18')).toBe(false);
    expect(meets('2025-06-11')).toBe(true);
  });
});
