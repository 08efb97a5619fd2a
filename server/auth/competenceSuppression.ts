/**
 * Contract 4c: individual-part case counts per school (`demand.individual_part_cases`,
 * `challenges.individual_cases`) follow the suppression rule of section 4 for viewers not
 * scoped to the school. As for the figures outside the scope (README.md here): only whole
 * school years at the default as-of date are answered (`whole_school_years_only`), and a
 * count below the threshold, 0 included, is hidden (`small_numbers`). The API answers per
 * school only (no per-topic totals), so no total can give a hidden cell away. Hidden cells
 * are null and named in the row's `suppressed`, as in the figures API; everything else
 * (system cases, measures, staff, participation) rests on no individual-part cases and is
 * never hidden.
 */
import type { ChallengeRow } from '../../etl/competence/competenceChallenges.ts';
import type { DemandRow } from '../../etl/competence/competenceDemand.ts';
import type { SuppressedReason } from '../../etl/figures/suppressFigures.ts';

export interface Suppressed {
  readonly suppressed: string[];
  readonly suppressed_reason: SuppressedReason | null;
}

export type ShownDemandRow = Omit<DemandRow, 'individual_part_cases'> & { readonly individual_part_cases: number | null } & Suppressed;
export type ShownChallengeRow = Omit<ChallengeRow, 'individual_cases'> & { readonly individual_cases: number | null } & Suppressed;

export interface CompetenceSuppressionRule {
  /** The viewer sees this school in full. */
  readonly isScoped: (schoolId: string) => boolean;
  /** The period is whole school years read at the default as-of date. */
  readonly wholeSchoolYears: boolean;
  readonly threshold: number;
}

/** Why a count of a school is hidden from this viewer, or null when it is shown. */
function hiddenReason(schoolId: string, count: number, rule: CompetenceSuppressionRule): SuppressedReason | null {
  if (rule.isScoped(schoolId)) return null;
  if (!rule.wholeSchoolYears) return 'whole_school_years_only';
  return count < rule.threshold ? 'small_numbers' : null;
}

export function suppressDemand(rows: readonly DemandRow[], rule: CompetenceSuppressionRule): ShownDemandRow[] {
  return rows.map((row) => {
    const reason = hiddenReason(row.school_id, row.individual_part_cases, rule);
    if (reason === null) return { ...row, suppressed: [], suppressed_reason: null };
    return { ...row, individual_part_cases: null, suppressed: ['individual_part_cases'], suppressed_reason: reason };
  });
}

export function suppressChallenges(rows: readonly ChallengeRow[], rule: CompetenceSuppressionRule): ShownChallengeRow[] {
  return rows.map((row) => {
    const reason = hiddenReason(row.school_id, row.individual_cases, rule);
    if (reason === null) return { ...row, suppressed: [], suppressed_reason: null };
    return { ...row, individual_cases: null, suppressed: ['individual_cases'], suppressed_reason: reason };
  });
}
