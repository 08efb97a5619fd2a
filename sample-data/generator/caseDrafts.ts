/**
 * Which cases a school gets: per school year a number of cases about a pupil (in proportion
 * to its pupils, slowly rising over the years; a fixed few at tiny schools), some of them
 * anonymous, plus the system cases; each with the day the concern arose.
 */
import type { SchoolYear } from './calendar.ts';
import { drawConcernDay } from './concernDay.ts';
import type { Day } from './days.ts';
import type { Random } from './random.ts';
import type { School } from './school.ts';

export type CaseKind = 'system' | 'individual' | 'anonymous';

export interface CaseDraft {
  readonly kind: CaseKind;
  readonly firstConcern: Day;
}

function countAround(rng: Random, mean: number): number {
  return Math.max(0, Math.round(mean * rng.logNormal(1, 0.12)));
}

export function caseDrafts(rng: Random, school: School, years: readonly SchoolYear[]): CaseDraft[] {
  const { profile } = school;
  const drafts: CaseDraft[] = [];
  for (const year of years) {
    const trend = 1 + 0.025 * (year.startYear - 2021);
    const fixed = profile.pupilCasesPerYear;
    const pupilCases = fixed
      ? rng.int(fixed[0], fixed[1])
      : countAround(rng, school.students * profile.pupilCaseRate * trend);
    for (let i = 0; i < pupilCases; i++) {
      const kind = rng.chance(profile.anonymousShare) ? 'anonymous' : 'individual';
      drafts.push({ kind, firstConcern: drawConcernDay(rng, year) });
    }
    const systemCases = countAround(rng, profile.systemCasesPerYear);
    for (let i = 0; i < systemCases; i++) drafts.push({ kind: 'system', firstConcern: drawConcernDay(rng, year) });
  }
  // Case numbers follow the order concerns arose, as in a case system.
  return drafts
    .map((d, i) => [d, i] as const)
    .sort((a, b) => a[0].firstConcern - b[0].firstConcern || a[1] - b[1])
    .map(([d]) => d);
}
