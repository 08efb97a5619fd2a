/**
 * The gap rule of the competence page, on hand-made data: demand in the top third of the
 * municipality's schools for the topic, and less than half the staff reached by efforts on
 * the same theme (none reached counts as 0; unknown staff is not judged), and at least two
 * cases (a single case is never flagged).
 */
import { describe, expect, it } from 'vitest';
import type { Competence } from '../../../dashboard/api/types.ts';
import { demandGaps, minGapDemand, topThirdCutoff } from '../../../dashboard/data/competence/demandGaps.ts';

const school = (school_id: string, municipality: string, staff: number | null) => ({ school_id, school_name: `Skole ${school_id}`, municipality, level: 'barneskole', staff });
const effort = (effort_id: string, theme: string) => ({
  effort_id,
  name: effort_id,
  theme,
  tier: 1,
  schools_reached: 0,
  schools_in_scope: 0,
  staff_reached: 0,
  staff_reach_share: null,
  partner: null,
  start_date: null,
  end_date: null,
  target_group: null,
});
const demand = (school_id: string, topic: string, system_cases: number, individual_part_cases: number | null) => ({
  topic,
  school_id,
  system_cases,
  individual_part_cases,
  system_measures_started: 0,
  staff_reached: 0,
  suppressed: individual_part_cases === null ? ['individual_part_cases'] : [],
  suppressed_reason: individual_part_cases === null ? ('small_numbers' as const) : null,
});
const reach = (effort_id: string, school_id: string, participants_max: number, staff: number | null) => ({
  effort_id,
  school_id,
  sessions: 1,
  participants_total: participants_max,
  participants_max,
  staff,
  reach_share: staff ? participants_max / staff : null,
});

// Municipality A has six schools: the top third is the two highest (ties included).
const data: Competence = {
  schools: [school('A1', 'A', 40), school('A2', 'A', 20), school('A3', 'A', null), school('A4', 'A', 30), school('A5', 'A', 10), school('A6', 'A', 10), school('B1', 'B', 10)],
  efforts: [effort('E-miljo', 'skolemiljo'), effort('E-lese', 'dysleksi')],
  reach: [
    reach('E-miljo', 'A1', 30, 40), // 75 % reached: high demand, no gap
    reach('E-miljo', 'A2', 9, 20), // 45 %: gap
    reach('E-miljo', 'A3', 9, null), // unknown staff: not judged
    reach('E-lese', 'A4', 30, 30), // another theme: A4 counts as not reached on skolemiljo
  ],
  demand: [
    demand('A1', 'skolemiljo', 2, 4), // 6
    demand('A2', 'skolemiljo', 1, 5), // 6 (a tie at the cutoff)
    demand('A3', 'skolemiljo', 0, 6), // 6
    demand('A4', 'skolemiljo', 6, 0), // 6
    demand('A5', 'skolemiljo', 1, 1), // 2: below the cutoff
    // A6: nothing on skolemiljo (demand 0)
    demand('B1', 'skolemiljo', 0, 1), // alone in B: top third of one school
    demand('A5', 'dysleksi', 0, null), // hidden: demand 0 counts, not high
  ],
  challenges: [],
};

describe('topThirdCutoff', () => {
  it('is the ⌈n/3⌉-th highest value', () => {
    expect(topThirdCutoff([6, 6, 6, 6, 2, 0])).toBe(6);
    expect(topThirdCutoff([1, 9, 5, 3, 7, 2, 8])).toBe(7); // ⌈7/3⌉ = 3rd highest
    expect(topThirdCutoff([9, 8, 7, 1, 0, 0])).toBe(8); // ⌈6/3⌉ = 2nd highest
    expect(topThirdCutoff([4])).toBe(4);
    expect(topThirdCutoff([])).toBe(Infinity);
  });
});

describe('demandGaps', () => {
  const cells = demandGaps(data, ['skolemiljo', 'dysleksi']);
  const cell = (school: string, topic: string) => cells.find((c) => c.school_id === school && c.topic === topic)!;

  it('marks high demand with less than half reached, or none reached', () => {
    expect(cells).toHaveLength(14);
    expect(cell('A1', 'skolemiljo')).toMatchObject({ demand: 6, highDemand: true, reached: true, reachShare: 0.75, gap: false });
    expect(cell('A2', 'skolemiljo')).toMatchObject({ demand: 6, highDemand: true, reachShare: 0.45, gap: true });
    expect(cell('A3', 'skolemiljo')).toMatchObject({ demand: 6, highDemand: true, reached: true, reachShare: null, gap: false });
    expect(cell('A4', 'skolemiljo')).toMatchObject({ demand: 6, highDemand: true, reached: false, reachShare: 0, gap: true });
    expect(cell('A5', 'skolemiljo')).toMatchObject({ demand: 2, highDemand: false, gap: false });
    expect(cell('A6', 'skolemiljo')).toMatchObject({ demand: 0, highDemand: false, gap: false });
    // Ranked within its own municipality only: B1 is alone in B (its own top third) and
    // reached by nobody, but one case is below the minimum of two.
    expect(cell('B1', 'skolemiljo')).toMatchObject({ demand: 1, reached: false, reachShare: 0, highDemand: false, gap: false });
  });

  it('needs at least two cases: one case is never high demand, two can be', () => {
    expect(minGapDemand).toBe(2);
    // Municipality C, three schools, nobody reached. Topic "lesing": 1, 0, 0 → the cutoff
    // (⌈3/3⌉ = 1st highest) is 1, so C1 is top third, but one case is not a pattern.
    // Topic "atferd": 2, 1, 0 → cutoff 2; C1 with exactly two cases is a gap, C2 is not.
    const c: Competence = {
      schools: [school('C1', 'C', 20), school('C2', 'C', 20), school('C3', 'C', 20)],
      efforts: [],
      reach: [],
      demand: [demand('C1', 'lesing', 1, 0), demand('C1', 'atferd', 1, 1), demand('C2', 'atferd', 0, 1)],
      challenges: [],
    };
    const got = demandGaps(c, ['lesing', 'atferd']).map((x) => `${x.school_id} ${x.topic} ${x.demand} ${x.highDemand} ${x.gap}`);
    expect(got).toEqual([
      'C1 lesing 1 false false',
      'C1 atferd 2 true true',
      'C2 lesing 0 false false',
      'C2 atferd 1 false false',
      'C3 lesing 0 false false',
      'C3 atferd 0 false false',
    ]);
  });

  it('a hidden individual-part count leaves demand at the visible system cases', () => {
    expect(cell('A5', 'dysleksi')).toMatchObject({ demand: 0, demandHidden: true, highDemand: false, gap: false });
    expect(cell('A4', 'dysleksi')).toMatchObject({ demand: 0, reached: true, reachShare: 1 });
  });
});
