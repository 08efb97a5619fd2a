/**
 * One school's cases in their latest state: when the concern was reported, when (and
 * whether) guardians consented, the pupil's grade and challenges, the topic, and how and
 * when the case ended. Fields the contract reserves for individual cases stay empty on
 * system and anonymous cases.
 */
import { challengesFor } from './challenges.ts';
import type { CaseDraft, CaseKind } from './caseDrafts.ts';
import { caseTimeline } from './caseTimeline.ts';
import { drawConsent } from './consent.ts';
import type { CsvRow } from './csvWriter.ts';
import { backToWeekday, isoDate, onToWeekday, type Day } from './days.ts';
import { pad, schoolTag } from './ids.ts';
import { legalAreaFor } from './legalAreas.ts';
import type { Random } from './random.ts';
import type { SchoolContext } from './schoolContext.ts';
import { pupilTopicWeights, schoolTopicWeights, systemTopicWeights, topics, type Topic } from './topics.ts';

export type Outcome = 'resolved' | 'referred_ppt' | 'referred_other';

export interface Case {
  readonly id: string;
  readonly kind: CaseKind;
  readonly firstConcern: Day;
  /** Indexes into the school's held meetings. */
  readonly discussed: readonly number[];
  readonly closed?: Day;
  readonly outcome?: Outcome;
  readonly row: CsvRow;
}

const outcomes: readonly Outcome[] = ['resolved', 'referred_ppt', 'referred_other'];
const durationFactor: Readonly<Record<Outcome, number>> = { resolved: 0.85, referred_ppt: 1.3, referred_other: 1.1 };
const kindFactor: Readonly<Record<CaseKind, number>> = { individual: 1, anonymous: 0.3, system: 1.8 };
const discussionWeights: Readonly<Record<CaseKind, readonly number[]>> = {
  individual: [0.16, 0.22, 0.22, 0.17, 0.13, 0.1],
  anonymous: [0.7, 0.22, 0.08],
  system: [0.15, 0.2, 0.2, 0.2, 0.15, 0.1],
};
const gradeRange = { barneskole: [1, 7], ungdomsskole: [8, 10], kombinert: [1, 10] } as const;

/** Days from first concern to the referral form: a short lag, rarely the full 30 days. */
function reportLag(rng: Random, kind: CaseKind, lagMean: number): number {
  if (kind === 'anonymous') return rng.int(0, 5);
  if (kind === 'system') return rng.int(0, 14);
  return Math.min(30, Math.floor(rng.exponential(lagMean)));
}

function reportedDay(rng: Random, ctx: SchoolContext, kind: CaseKind, concern: Day, lag: number): Day | undefined {
  const missing = kind === 'individual' ? ctx.school.profile.reportMissingRate : kind === 'system' ? 0.3 : 0.5;
  if (rng.chance(missing)) return undefined;
  const day = lag > 27 ? backToWeekday(concern + lag) : onToWeekday(concern + lag);
  return day > ctx.dataEnd ? undefined : Math.max(day, concern);
}

/** Held meetings a case waits after it is ready: a queue at busy schools, none for anonymous cases. */
function queueLength(rng: Random, kind: CaseKind, meanQueue: number): number {
  if (kind === 'anonymous') return 0;
  return Math.min(10, Math.floor(rng.exponential(kind === 'individual' ? meanQueue : 0.3)));
}

function drawOutcome(rng: Random, ctx: SchoolContext, kind: CaseKind): Outcome {
  const weights = kind === 'individual' ? ctx.school.profile.outcomeWeights : kind === 'anonymous' ? [92, 0, 8] : [85, 5, 10];
  return outcomes[rng.weighted(weights)] ?? 'resolved';
}

function drawGrade(rng: Random, ctx: SchoolContext, kind: CaseKind): number | undefined {
  if (kind === 'system' ? !rng.chance(0.15) : kind === 'anonymous' && rng.chance(0.15)) return undefined;
  const [min, max] = gradeRange[ctx.school.level];
  return rng.int(min, max);
}

function drawTopic(rng: Random, weights: readonly number[]): Topic | undefined {
  return rng.chance(0.03) ? undefined : topics[rng.weighted(weights)];
}

export function schoolCases(rng: Random, ctx: SchoolContext, drafts: readonly CaseDraft[]): Case[] {
  const { school } = ctx;
  const { profile } = school;
  const pupilTopics = schoolTopicWeights(pupilTopicWeights, school.level, profile.topicMultipliers);
  const systemTopics = schoolTopicWeights(systemTopicWeights, school.level, profile.topicMultipliers);
  const tag = school.tag ?? schoolTag(school.index);
  const refs = new Set<string>();
  return drafts.map((draft, seq) => {
    const { kind, firstConcern } = draft;
    const lag = reportLag(rng, kind, profile.reportLagMean);
    const reported = reportedDay(rng, ctx, kind, firstConcern, lag);
    let outcome: Outcome | undefined = drawOutcome(rng, ctx, kind);
    const median = profile.durationMedian * kindFactor[kind] * durationFactor[outcome];
    const timeline = caseTimeline(rng, ctx.held, {
      ready: firstConcern + lag + (kind === 'anonymous' ? 0 : rng.int(1, 3)),
      queue: queueLength(rng, kind, profile.queueMeetings),
      targetEnd: firstConcern + Math.min(900, Math.round(rng.logNormal(median, 0.8))),
      minSpan: kind === 'individual' && outcome === 'referred_ppt' ? rng.int(42, 70) : 0,
      discussions: 1 + rng.weighted(discussionWeights[kind]),
    });
    if (timeline.closed === undefined) outcome = undefined;
    const individual = kind === 'individual';
    const topic = drawTopic(rng, kind === 'system' ? systemTopics : pupilTopics);
    let studentRef: string | undefined;
    while (individual && (studentRef === undefined || refs.has(studentRef))) studentRef = `E-${rng.int(10000, 99999)}`;
    if (studentRef) refs.add(studentRef);
    const firstDiscussion = timeline.discussed.length > 0 ? ctx.held[timeline.discussed[0] as number] : undefined;
    const consent = individual
      ? drawConsent(rng, profile, { concern: firstConcern, reported, firstDiscussion, closed: timeline.closed, dataEnd: ctx.dataEnd })
      : undefined;
    const id = `S${tag}-${pad(seq + 1, 4)}`;
    const row: CsvRow = {
      case_id: id,
      school_id: school.id,
      kind,
      first_concern_date: isoDate(firstConcern),
      reported_date: reported === undefined ? undefined : isoDate(reported),
      consent_date: consent === undefined ? undefined : isoDate(consent),
      grade: drawGrade(rng, ctx, kind),
      topic,
      legal_area: legalAreaFor(rng, topic),
      challenges: individual ? challengesFor(rng, topic) : undefined,
      student_ref: studentRef,
      closed_date: timeline.closed === undefined ? undefined : isoDate(timeline.closed),
      outcome,
    };
    return { id, kind, firstConcern, discussed: timeline.discussed, closed: timeline.closed, outcome, row };
  });
}
