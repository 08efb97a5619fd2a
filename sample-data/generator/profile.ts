/**
 * A school's habits: how often its team meets, how much system work it does, how quickly a
 * concern reaches the table, how cases end. Drawn per school so that a dashboard comparing
 * schools has something to show; the sample pins a few schools to named traits.
 */
import type { Random } from './random.ts';
import { topics, type SchoolLevel, type Topic } from './topics.ts';

export interface Profile {
  /** ISO weekday of the team's meeting (1 = Monday). */
  readonly meetingWeekday: number;
  readonly biweekly: boolean;
  readonly cancelRate: number;
  /** Share of meeting weeks silently skipped (staff days, trips): no row at all. */
  readonly skipRate: number;
  readonly systemMinutes: number;
  readonly individualMinutes: number;
  readonly agendaMissingRate: number;
  readonly agendaLateRate: number;
  readonly agendaLeadMean: number;
  readonly minutesRate: number;
  readonly pptAttendance: number;
  readonly nurseAttendance: number;
  readonly socialStaffAttendance: number;
  /** Cases about a pupil (individual or anonymous) per pupil per school year. */
  readonly pupilCaseRate: number;
  /** Anonymous cases as a share of cases about a pupil. */
  readonly anonymousShare: number;
  readonly systemCasesPerYear: number;
  /** A fixed range of cases about a pupil per school year, overriding the rate (tiny schools). */
  readonly pupilCasesPerYear?: readonly [number, number];
  readonly reportLagMean: number;
  readonly reportMissingRate: number;
  /** Mean number of meetings a reported case waits before it is first discussed. */
  readonly queueMeetings: number;
  /** Median days from first concern to the intended end of a resolved individual case. */
  readonly durationMedian: number;
  /** Relative weights of resolved, referred_ppt, referred_other. */
  readonly outcomeWeights: readonly [number, number, number];
  readonly consentBeforeRate: number;
  readonly consentMissingRate: number;
  readonly evaluationOnTimeRate: number;
  readonly evaluationMissingRate: number;
  readonly testedBeforeReferralRate: number;
  readonly systemMeasureFactor: number;
  readonly tglVisits: number;
  readonly systemThemes: number;
  readonly competenceInterest: number;
  readonly topicMultipliers: Readonly<Record<Topic, number>>;
}

/** Overrides of a drawn profile; `topicBoost` multiplies the drawn topic weights. */
export type ProfileTraits = Partial<Omit<Profile, 'topicMultipliers'>> & {
  readonly topicBoost?: Partial<Record<Topic, number>>;
};

const weekdayWeights = [0.22, 0.26, 0.22, 0.22, 0.08];

export function drawProfile(
  rng: Random,
  level: SchoolLevel,
  students: number,
  traits: readonly ProfileTraits[] = [],
): Profile {
  const sizeFactor = Math.pow(Math.max(students, 20) / 250, 0.35);
  const drawn: Profile = {
    meetingWeekday: 1 + rng.weighted(weekdayWeights),
    biweekly: rng.chance(students < 80 ? 0.7 : students < 200 ? 0.15 : 0.05),
    cancelRate: rng.uniform(0.02, 0.08),
    skipRate: rng.uniform(0, 0.05),
    systemMinutes: rng.uniform(30, 55),
    individualMinutes: rng.uniform(40, 75),
    agendaMissingRate: rng.uniform(0.02, 0.15),
    agendaLateRate: rng.uniform(0.03, 0.12),
    agendaLeadMean: rng.uniform(1.5, 3.5),
    minutesRate: rng.uniform(0.85, 0.99),
    pptAttendance: rng.uniform(0.55, 0.95),
    nurseAttendance: rng.uniform(0.4, 0.9),
    socialStaffAttendance: rng.chance(0.4) ? rng.uniform(0.3, 0.8) : 0.05,
    pupilCaseRate: rng.logNormal(0.18, 0.3),
    anonymousShare: rng.uniform(0.05, 0.25),
    systemCasesPerYear: rng.uniform(3, 9) * sizeFactor,
    reportLagMean: rng.uniform(2, 6),
    reportMissingRate: rng.uniform(0.03, 0.2),
    queueMeetings: rng.uniform(0.1, 0.8),
    durationMedian: rng.uniform(50, 85),
    outcomeWeights: [rng.uniform(55, 75), rng.uniform(15, 35), rng.uniform(5, 15)],
    consentBeforeRate: rng.uniform(0.75, 0.95),
    consentMissingRate: rng.uniform(0.03, 0.12),
    evaluationOnTimeRate: rng.uniform(0.55, 0.85),
    evaluationMissingRate: rng.uniform(0.05, 0.2),
    testedBeforeReferralRate: rng.uniform(0.65, 0.95),
    systemMeasureFactor: rng.uniform(0.7, 1.3),
    tglVisits: rng.int(0, 2),
    systemThemes: rng.int(2, 6),
    competenceInterest: rng.uniform(0.4, 1.2),
    topicMultipliers: Object.fromEntries(topics.map((t) => [t, Math.exp(0.5 * rng.normal())])) as Record<Topic, number>,
  };
  return traits.reduce(applyTraits, drawn);
}

function applyTraits(profile: Profile, traits: ProfileTraits): Profile {
  const { topicBoost, ...rest } = traits;
  const topicMultipliers = { ...profile.topicMultipliers };
  for (const [topic, factor] of Object.entries(topicBoost ?? {}) as [Topic, number][]) {
    topicMultipliers[topic] *= factor;
  }
  return { ...profile, ...rest, topicMultipliers };
}
