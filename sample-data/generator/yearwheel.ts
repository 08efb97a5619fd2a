/**
 * The school's year wheel (årshjul): every planned team meeting, plus the fixed points of
 * the year: planning in August, TGL visits, reviews of surveys and screening results, system
 * themes at some meetings, and the annual review in June. Titles are short and never personal.
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
  const plannedVisits = school.profile.tglVisits;
  const visits = plannedVisits === 0 ? 0 : Math.max(0, plannedVisits + rng.int(-1, 1));
  const visitDays = rng.sample(daysBetween(year.schoolDays, dayOf(y, 9, 1), dayOf(y + 1, 5, 31)), visits);
  for (const day of visitDays) add(day, 'tgl_visit', 'Besøk fra TGL', rng.pick(['skolemiljo', 'klasseledelse', 'fravaer'] as const));
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

export function yearwheelRows(rng: Random, school: School, year: SchoolYear, planned: readonly Day[]): CsvRow[] {
  const entries: Entry[] = [
    ...planned.map((day) => ({ day, activity: 'meeting', title: 'Ressursteammøte' })),
    ...fixedPoints(rng, school, year, planned),
    ...systemThemes(rng, school, planned),
  ];
  entries.sort((a, b) => a.day - b.day || activityOrder.indexOf(a.activity) - activityOrder.indexOf(b.activity));
  return entries.map((e) => ({
    school_id: school.id,
    date: isoDate(e.day),
    activity: e.activity,
    topic: e.topic,
    title: e.title,
  }));
}
