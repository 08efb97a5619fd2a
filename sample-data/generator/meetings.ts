/**
 * The meeting log of one school: a weekly or fortnightly meeting on the team's weekday in
 * every school week the calendar allows, a few weeks silently skipped, a few meetings
 * cancelled. Returns the plan (for the year wheel) and the logged meetings with their rows.
 */
import type { SchoolYear } from './calendar.ts';
import type { CsvRow } from './csvWriter.ts';
import { backToWeekday, isoDate, onToWeekday, weekday, type Day } from './days.ts';
import type { Random } from './random.ts';
import { attendanceFor, drawParticipants } from './roles.ts';
import type { School } from './school.ts';
import { schoolTag } from './ids.ts';

export interface Meeting {
  readonly id: string;
  readonly day: Day;
  readonly held: boolean;
  readonly row: CsvRow;
}

export interface MeetingYear {
  /** Every planned meeting day of the school year, including those later skipped or cancelled. */
  readonly planned: readonly Day[];
  readonly meetings: readonly Meeting[];
}

function plannedDays(rng: Random, school: School, year: SchoolYear): Day[] {
  const { profile } = school;
  const meetingDay = rng.chance(0.2) ? rng.int(1, 4) : profile.meetingWeekday;
  const phase = rng.int(0, 1);
  const startsLate = rng.chance(0.5);
  const days: Day[] = [];
  const firstMonday = year.firstDay - (weekday(year.firstDay) - 1);
  for (let monday = firstMonday, week = 0; monday <= year.lastDay; monday += 7, week++) {
    if (profile.biweekly && week % 2 !== phase) continue;
    if (week === 0 && startsLate) continue;
    const day = monday + meetingDay - 1;
    if (year.meetingOk(day)) days.push(day);
  }
  return days;
}

/** Minutes in steps of five around the school's mean, within 15–90. */
function minutes(rng: Random, mean: number): number | undefined {
  if (rng.chance(0.01)) return undefined;
  return Math.min(90, Math.max(15, 5 * Math.round((mean + 12 * rng.normal()) / 5)));
}

function agendaSent(rng: Random, school: School, day: Day): Day | undefined {
  const { profile } = school;
  const r = rng.next();
  if (r < profile.agendaMissingRate) return undefined;
  if (r < profile.agendaMissingRate + profile.agendaLateRate) return day + (rng.chance(0.7) ? 0 : 1);
  const lead = Math.min(5, 1 + Math.floor(rng.exponential(profile.agendaLeadMean - 1)));
  const sent = backToWeekday(day - lead);
  return day - sent <= 5 ? sent : onToWeekday(day - lead);
}

function minutesWritten(rng: Random, rate: number, held: boolean): boolean | undefined {
  if (!held) return rng.chance(0.3) ? false : undefined;
  if (rng.chance(rate)) return true;
  return rng.chance(0.7) ? false : undefined;
}

export function meetingYear(rng: Random, school: School, year: SchoolYear): MeetingYear {
  const { profile } = school;
  const attendance = attendanceFor(school.level, profile);
  const planned = plannedDays(rng, school, year);
  const tag = school.tag ?? schoolTag(school.index);
  const meetings: Meeting[] = [];
  for (const day of planned) {
    if (rng.chance(profile.skipRate)) continue;
    const held = !rng.chance(profile.cancelRate);
    const agenda = agendaSent(rng, school, day);
    const id = `M-${tag}-${isoDate(day)}`;
    const row: CsvRow = {
      meeting_id: id,
      school_id: school.id,
      date: isoDate(day),
      status: held ? 'held' : 'cancelled',
      system_minutes: held ? minutes(rng, profile.systemMinutes) : undefined,
      individual_minutes: held ? minutes(rng, profile.individualMinutes) : undefined,
      agenda_sent_date: agenda === undefined || (!held && rng.chance(0.4)) ? undefined : isoDate(agenda),
      minutes_written: minutesWritten(rng, profile.minutesRate, held),
      participants: held ? drawParticipants(rng, attendance) : undefined,
    };
    meetings.push({ id, day, held, row });
  }
  return { planned, meetings };
}
