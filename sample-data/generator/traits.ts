/** Named school habits, pinned on sample schools and sprinkled over the national schools. */
import type { ProfileTraits } from './profile.ts';

/** Concerns wait long: late referral forms, a queue of meetings, long case durations. */
export const longWaits: ProfileTraits = {
  reportLagMean: 13,
  reportMissingRate: 0.2,
  queueMeetings: 3,
  durationMedian: 120,
};

/** The system part of the meeting is short and little comes of it. */
export const littleSystemWork: ProfileTraits = {
  systemMinutes: 18,
  systemCasesPerYear: 1.2,
  systemMeasureFactor: 0.4,
  tglVisits: 0,
  systemThemes: 1,
  competenceInterest: 0.3,
};

/** The team spends real time on the school's learning environment. */
export const strongSystemWork: ProfileTraits = {
  systemMinutes: 65,
  systemCasesPerYear: 14,
  systemMeasureFactor: 1.6,
  tglVisits: 3,
  systemThemes: 7,
  competenceInterest: 1.5,
};

/** Agendas late or missing, few minutes, consent after the fact, evaluations slipping. */
export const looseRoutines: ProfileTraits = {
  agendaMissingRate: 0.35,
  agendaLateRate: 0.25,
  minutesRate: 0.65,
  consentBeforeRate: 0.5,
  consentMissingRate: 0.2,
  evaluationOnTimeRate: 0.35,
  evaluationMissingRate: 0.3,
  testedBeforeReferralRate: 0.4,
};

/** Traits a national school may get, each with its probability. */
export const nationalTraitOdds: readonly (readonly [ProfileTraits, number])[] = [
  [longWaits, 0.12],
  [littleSystemWork, 0.15],
  [strongSystemWork, 0.1],
  [looseRoutines, 0.12],
];
