/**
 * Contract 4c: individual-part case counts per school follow the suppression rule for viewers
 * not scoped to the school: outside the scope only whole school years are answered, and a
 * count below the threshold (0 included) is hidden, as null with the reason.
 */
import { describe, expect, it } from 'vitest';
import { suppressChallenges, suppressDemand, type CompetenceSuppressionRule } from '../../../server/auth/competenceSuppression.ts';

const demand = [
  { topic: 'skolemiljo', school_id: 'OWN', system_cases: 1, individual_part_cases: 2, system_measures_started: 1, staff_reached: 4 },
  { topic: 'skolemiljo', school_id: 'PEER', system_cases: 2, individual_part_cases: 4, system_measures_started: 3, staff_reached: 9 },
  { topic: 'fravaer', school_id: 'PEER', system_cases: 0, individual_part_cases: 5, system_measures_started: 0, staff_reached: 0 },
  { topic: 'klasseledelse', school_id: 'PEER', system_cases: 0, individual_part_cases: 0, system_measures_started: 2, staff_reached: 30 },
];
const challenges = [
  { challenge: 'uro', school_id: 'OWN', individual_cases: 1 },
  { challenge: 'uro', school_id: 'PEER', individual_cases: 4 },
  { challenge: 'lesevansker', school_id: 'PEER', individual_cases: 5 },
];
const rule = (wholeSchoolYears: boolean): CompetenceSuppressionRule => ({ isScoped: (id) => id === 'OWN', wholeSchoolYears, threshold: 5 });

describe('competence suppression', () => {
  it('whole school years: counts below 5 (0 included) of schools outside the scope are hidden; nothing else is', () => {
    expect(suppressDemand(demand, rule(true)).map((r) => [r.individual_part_cases, r.suppressed, r.suppressed_reason, r.system_cases, r.staff_reached])).toEqual([
      [2, [], null, 1, 4],
      [null, ['individual_part_cases'], 'small_numbers', 2, 9],
      [5, [], null, 0, 0],
      [null, ['individual_part_cases'], 'small_numbers', 0, 30],
    ]);
    expect(suppressChallenges(challenges, rule(true)).map((r) => [r.individual_cases, r.suppressed_reason])).toEqual([
      [1, null],
      [null, 'small_numbers'],
      [5, null],
    ]);
  });

  it('any other period hides every count outside the scope, whatever its size', () => {
    expect(suppressDemand(demand, rule(false)).map((r) => [r.individual_part_cases, r.suppressed_reason])).toEqual([
      [2, null],
      [null, 'whole_school_years_only'],
      [null, 'whole_school_years_only'],
      [null, 'whole_school_years_only'],
    ]);
    expect(suppressChallenges(challenges, rule(false)).map((r) => [r.individual_cases, r.suppressed])).toEqual([
      [1, []],
      [null, ['individual_cases']],
      [null, ['individual_cases']],
    ]);
  });
});
