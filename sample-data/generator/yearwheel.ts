/**
 * The school's year wheel (årshjul): every planned team meeting, plus the fixed points of
 * the year: planning in August, TGL visits, reviews of surveys and screening results, system
 * themes at some meetings, and the annual review in June. Titles are short and never personal.
 *
 * The wheel is drawn up in August and the year does not quite follow it: some meetings took
 * place a day or three off the planned date (still "held" by the ±3-day rule of contract 4b),
 * a few in another week than planned (4–6 days off: the plan counts as missed), and plans
 * skipped or cancelled in the meeting log were never held. TGL visits are planned at team
 * meetings; the held meeting of a visit lists `tgl` among its participants (schoolData.ts).
 */
import type { SchoolYear } from './calendar.ts';
import type { CsvRow } from './csvWriter.ts';
import { dayOf, isoDate, type Day } from './days.ts';
import type { Random } from './random.ts';
import type { School } from './school.ts';
import { schoolTopicWeights, systemTopicWeights, topicLabels, topics, type Topic } from './topics.ts';

interface Entry {
  readonly day: Day;
  readonly activity: string;
  readonly topic?: Topic;
  readonly title: string;
}

const activityOrder = ['meeting', 'tgl_visit', 'survey_review', 'annual_review', 'system_theme', 'other'];

function daysBetween(days: readonly Day[], from: Day, to: Day): Day[] {
  return days.filter((d) => d >= from && d <= to);
}

/** A day from `preferred` in the window, else any teaching day in it. */
function dayIn(rng: Random, preferred: readonly Day[], year: SchoolYear, from: Day, to: Day): Day | undefined {
  const options = daysBetween(preferred, from, to);
  const fallback = options.length > 0 ? options : daysBetween(year.schoolDays, from, to);
  return fallback.length > 0 ? rng.pick(fallback) : undefined;
}

function fixedPoints(rng: Random, school: School, year: SchoolYear, planned: readonly Day[]): Entry[] {
  const y = year.startYear;
  const entries: Entry[] = [];
  const add = (day: Day | undefined, activity: string, title: string, topic?: Topic) => {
    if (day !== undefined) entries.push({ day, activity, title, topic });
  };
  if (rng.chance(0.6)) add(year.schoolDays[rng.int(0, 4)], 'other', 'Planlegging av skoleåret');
  add(dayIn(rng, planned, year, dayOf(y, 12, 1), dayOf(y + 1, 2, 15)), 'survey_review', 'Gjennomgang av Elevundersøkelsen', 'skolemiljo');
  if (school.level !== 'barneskole' && rng.chance(0.5)) {
    add(dayIn(rng, planned, year, dayOf(y, 11, 1), dayOf(y, 11, 30)), 'survey_review', 'Resultater fra nasjonale prøver', 'kartlegging');
  }
  if (school.level !== 'ungdomsskole' && rng.chance(0.6)) {
    add(dayIn(rng, planned, year, dayOf(y + 1, 5, 1), dayOf(y + 1, 6, 10)), 'survey_review', 'Gjennomgang av kartleggingsprøver', 'kartlegging');
  }
  add(dayIn(rng, planned, year, dayOf(y + 1, 6, 1), year.lastDay), 'annual_review', 'Årlig evaluering av ressursteamet');
  return entries;
}

function systemThemes(rng: Random, school: School, planned: readonly Day[]): Entry[] {
  const weights = schoolTopicWeights(systemTopicWeights, school.level, school.profile.topicMultipliers);
  const count = Math.max(0, school.profile.systemThemes + rng.int(-1, 1));
  return rng.sample(planned, count).map((day) => {
    const topic = topics[rng.weighted(weights)] as Topic;
    return { day, activity: 'system_theme', topic, title: `Tema: ${topicLabels[topic]}` };
  });
}

/** Shares of planned meetings that took place a little off the plan (1–3 days) and in another week (4–6 days). */
const movedALittle = 0.12;
const movedFar = 0.03;

/**
 * The planned date of each meeting day of the log: mostly the day itself, sometimes a few
 * days off (a teaching day, never the planned date of another meeting).
 */
function planDates(rng: Random, year: SchoolYear, meetingDays: readonly Day[]): Day[] {
  const teaching = new Set(year.schoolDays);
  const taken = new Set(meetingDays);
  return meetingDays.map((day) => {
    const r = rng.next();
    if (r >= movedALittle + movedFar) return day;
    const size = r < movedALittle ? rng.int(1, 3) : rng.int(4, 6);
    const options = [day - size, day + size].filter((d) => teaching.has(d) && !taken.has(d));
    if (options.length === 0) return day;
    const plan = rng.pick(options);
    taken.delete(day);
    taken.add(plan);
    return plan;
  });
}

/** TGL visits at team meetings between September and May: the meeting days they were planned for. */
function tglVisitDays(rng: Random, school: School, year: SchoolYear, meetingDays: readonly Day[]): Day[] {
  const y = year.startYear;
  const plannedVisits = school.profile.tglVisits;
  const visits = plannedVisits === 0 ? 0 : Math.max(0, plannedVisits + rng.int(-1, 1));
  return rng.sample(daysBetween(meetingDays, dayOf(y, 9, 1), dayOf(y + 1, 5, 31)), visits);
}

export interface YearWheel {
  readonly rows: readonly CsvRow[];
  /** The meeting days (of the meeting log's plan) TGL was planned to visit. */
  readonly tglMeetingDays: readonly Day[];
}

/** `meetingDays`: every meeting day of the team's rhythm, including those later skipped or cancelled. */
export function yearWheel(rng: Random, school: School, year: SchoolYear, meetingDays: readonly Day[]): YearWheel {
  const plans = planDates(rng, year, meetingDays);
  const planOf = new Map(meetingDays.map((d, i) => [d, plans[i]!]));
  const tglMeetingDays = tglVisitDays(rng, school, year, meetingDays);
  const visits: Entry[] = tglMeetingDays.map((day) => ({
    day: planOf.get(day)!,
    activity: 'tgl_visit',
    title: 'Besøk fra TGL',
    topic: rng.pick(['skolemiljo', 'klasseledelse', 'fravaer'] as const),
  }));
  const entries: Entry[] = [
    ...plans.map((day) => ({ day, activity: 'meeting', title: 'Ressursteammøte' })),
    ...fixedPoints(rng, school, year, plans),
    ...visits,
    ...systemThemes(rng, school, plans),
  ];
  entries.sort((a, b) => a.day - b.day || activityOrder.indexOf(a.activity) - activityOrder.indexOf(b.activity));
  const rows = entries.map((e) => ({
    school_id: school.id,
    date: isoDate(e.day),
    activity: e.activity,
    topic: e.topic,
    title: e.title,
  }));
  return { rows, tglMeetingDays };
}
