/**
 * The Norwegian school year (1 August – 31 July) of one municipality: school starts in mid
 * August and ends around 20 June, with the autumn break (week 40 or 41), Christmas, the winter
 * break (week 8 or 9), Easter and the spring public holidays off. Resource teams do not meet
 * in the weeks around Christmas nor in the last days before the summer.
 */
import { backToWeekday, dayOf, isoWeekMonday, weekday, type Day } from './days.ts';
import { easterSunday } from './easter.ts';

/** How a municipality's calendar differs from its neighbours'. */
export interface CalendarVariant {
  readonly autumnBreakWeek: number;
  readonly winterBreakWeek: number;
  /** Days before the Monday of week 34 that school starts (0 = that Monday, 4 = the Thursday before). */
  readonly startShift: number;
}

export interface SchoolYear {
  /** The calendar year the school year starts in (2024 for 2024/25). */
  readonly startYear: number;
  readonly firstDay: Day;
  readonly lastDay: Day;
  /** Teaching days in order. */
  readonly schoolDays: readonly Day[];
  /** Whether the resource team could meet on this day. */
  readonly meetingOk: (day: Day) => boolean;
}

function addRange(set: Set<Day>, from: Day, to: Day): void {
  for (let d = from; d <= to; d++) set.add(d);
}

function closedDays(startYear: number, variant: CalendarVariant): Set<Day> {
  const spring = startYear + 1;
  const easter = easterSunday(spring);
  const closed = new Set<Day>();
  const autumn = isoWeekMonday(startYear, variant.autumnBreakWeek);
  addRange(closed, autumn, autumn + 4);
  addRange(closed, dayOf(startYear, 12, 21), dayOf(spring, 1, 1));
  const winter = isoWeekMonday(spring, variant.winterBreakWeek);
  addRange(closed, winter, winter + 4);
  addRange(closed, easter - 6, easter + 1);
  for (const d of [dayOf(spring, 5, 1), dayOf(spring, 5, 17), easter + 39, easter + 50]) closed.add(d);
  return closed;
}

export function schoolYear(startYear: number, variant: CalendarVariant): SchoolYear {
  const firstDay = isoWeekMonday(startYear, 34) - variant.startShift;
  const lastDay = backToWeekday(dayOf(startYear + 1, 6, 20));
  const closed = closedDays(startYear, variant);
  const schoolDays: Day[] = [];
  for (let d = firstDay; d <= lastDay; d++) {
    if (weekday(d) <= 5 && !closed.has(d)) schoolDays.push(d);
  }
  const teaching = new Set(schoolDays);
  const christmasFrom = dayOf(startYear, 12, 17);
  const christmasTo = dayOf(startYear + 1, 1, 3);
  const meetingsTo = dayOf(startYear + 1, 6, 16);
  return {
    startYear,
    firstDay,
    lastDay,
    schoolDays,
    meetingOk: (day) =>
      teaching.has(day) && day <= meetingsTo && (day < christmasFrom || day > christmasTo),
  };
}

/** 1 August of the first school year and 31 July of the last. */
export function dataWindow(firstStartYear: number, years: number): { from: Day; to: Day } {
  return { from: dayOf(firstStartYear, 8, 1), to: dayOf(firstStartYear + years, 7, 31) };
}
