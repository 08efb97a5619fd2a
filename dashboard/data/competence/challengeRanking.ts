/**
 * The challenge categories of the individual cases: per challenge, in how many schools it
 * was discussed and the distinct cases summed over the schools; ranked by schools, then
 * cases, then code. Hidden counts (suppressed by the server) are left out of the sum and
 * counted in `hiddenSchools`; a listed row means at least one case, so its school counts.
 */
import type { Competence } from '../../api/types.ts';

export type ChallengeRow = Competence['challenges'][number];

export interface ChallengeSummary {
  readonly challenge: string;
  readonly schools: number;
  readonly individual_cases: number;
  readonly hiddenSchools: number;
}

export function rankChallenges(rows: readonly ChallengeRow[]): ChallengeSummary[] {
  const byCode = new Map<string, { -readonly [K in keyof ChallengeSummary]: ChallengeSummary[K] }>();
  for (const row of rows) {
    let s = byCode.get(row.challenge);
    if (!s) {
      s = { challenge: row.challenge, schools: 0, individual_cases: 0, hiddenSchools: 0 };
      byCode.set(row.challenge, s);
    }
    s.schools += 1;
    s.individual_cases += row.individual_cases ?? 0;
    if (row.individual_cases === null) s.hiddenSchools += 1;
  }
  return [...byCode.values()].sort((a, b) => b.schools - a.schools || b.individual_cases - a.individual_cases || a.challenge.localeCompare(b.challenge));
}
