/** Recurring themes, challenges, reach per tier and the schools not reached, on hand-made rows. */
import { describe, expect, it } from 'vitest';
import type { Competence } from '../../../dashboard/api/types.ts';
import { rankChallenges } from '../../../dashboard/data/competence/challengeRanking.ts';
import { tierReach } from '../../../dashboard/data/competence/tierReach.ts';
import { rankTopics } from '../../../dashboard/data/competence/topicRanking.ts';
import { unreachedSchools } from '../../../dashboard/data/competence/unreachedSchools.ts';

const shown = { suppressed: [], suppressed_reason: null };
const hidden = { suppressed: ['individual_part_cases'], suppressed_reason: 'small_numbers' as const };

describe('rankTopics', () => {
  it('ranks by schools with a discussed case, then cases; measures alone do not make a school', () => {
    const topics = rankTopics([
      { topic: 'fravaer', school_id: 'S1', system_cases: 0, individual_part_cases: 3, system_measures_started: 0, staff_reached: 0, ...shown },
      { topic: 'skolemiljo', school_id: 'S1', system_cases: 1, individual_part_cases: 2, system_measures_started: 2, staff_reached: 10, ...shown },
      { topic: 'skolemiljo', school_id: 'S2', system_cases: 0, individual_part_cases: 1, system_measures_started: 0, staff_reached: 0, ...shown },
      { topic: 'fravaer', school_id: 'S2', system_cases: 0, individual_part_cases: 0, system_measures_started: 1, staff_reached: 5, ...shown },
      { topic: 'fravaer', school_id: 'S3', system_cases: 2, individual_part_cases: null, system_measures_started: 0, staff_reached: 0, ...hidden },
    ]);
    expect(topics).toEqual([
      // fravaer: S1 and S3 (S2 has a measure only) → 2 schools, 5 visible cases.
      { topic: 'fravaer', schools: 2, system_cases: 2, individual_part_cases: 3, system_measures_started: 1, staff_reached: 5, hiddenSchools: 1 },
      { topic: 'skolemiljo', schools: 2, system_cases: 1, individual_part_cases: 3, system_measures_started: 2, staff_reached: 10, hiddenSchools: 0 },
    ]);
  });
});

describe('rankChallenges', () => {
  it('counts schools and sums cases per challenge', () => {
    expect(
      rankChallenges([
        { challenge: 'uro', school_id: 'S1', individual_cases: 1, suppressed: [], suppressed_reason: null },
        { challenge: 'lesevansker', school_id: 'S1', individual_cases: 2, suppressed: [], suppressed_reason: null },
        { challenge: 'lesevansker', school_id: 'S2', individual_cases: 1, suppressed: [], suppressed_reason: null },
      ]),
    ).toEqual([
      { challenge: 'lesevansker', schools: 2, individual_cases: 3, hiddenSchools: 0 },
      { challenge: 'uro', schools: 1, individual_cases: 1, hiddenSchools: 0 },
    ]);
  });
});

const effort = (effort_id: string, tier: number | null) => ({
  effort_id,
  name: effort_id,
  theme: null,
  tier,
  schools_reached: 0,
  schools_in_scope: 0,
  staff_reached: 0,
  staff_reach_share: null,
  partner: null,
  start_date: null,
  end_date: null,
  target_group: null,
});
const reach = (effort_id: string, school_id: string, participants_max: number) => ({ effort_id, school_id, sessions: 1, participants_total: participants_max, participants_max, staff: null, reach_share: null });
const school = (school_id: string, staff: number | null) => ({ school_id, school_name: school_id, municipality: 'M', level: null, staff });

describe('tierReach', () => {
  it('per school the largest session of the tier, over the known staff of the selection', () => {
    const data: Pick<Competence, 'efforts' | 'reach' | 'schools'> = {
      efforts: [effort('A', 1), effort('B', 1), effort('C', 2), effort('D', null)],
      // Known staff: S1 40 + S2 20 + S4 0 = 60 (S3 unknown).
      schools: [school('S1', 40), school('S2', 20), school('S3', null), school('S4', 0)],
      reach: [reach('A', 'S1', 30), reach('B', 'S1', 35), reach('A', 'S2', 10), reach('A', 'S3', 50), reach('C', 'S2', 4), reach('D', 'S4', 3)],
    };
    expect(tierReach(data)).toEqual([
      // S1 max(30, 35) + S2 10; S3 left out (unknown staff).
      { tier: 1, staff_reached: 45, staff_known: 60, share: 45 / 60 },
      { tier: 2, staff_reached: 4, staff_known: 60, share: 4 / 60 },
      { tier: null, staff_reached: 3, staff_known: 60, share: 3 / 60 },
    ]);
  });
});

describe('unreachedSchools', () => {
  it('lists the schools without a session of the effort', () => {
    const data = { schools: [school('S1', 1), school('S2', 1), school('S3', 1)], reach: [reach('A', 'S2', 1), reach('B', 'S1', 1)] };
    expect(unreachedSchools(data, 'A').map((s) => s.school_id)).toEqual(['S1', 'S3']);
  });
});
