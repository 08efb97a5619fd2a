/**
 * The figures of contract 4c on the hand-made fixture (tests/fixtures/competence/README.md),
 * period 2024-08-01 – 2025-07-31. Every expected value is counted by hand from the CSV files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { competenceFigures, type CompetenceFigures } from '../../../etl/competence/competenceFigures.ts';
import type { Database } from '../../../etl/db/openDatabase.ts';
import type { FigureQuery } from '../../../etl/figures/figureQuery.ts';
import { openTestDatabase } from '../../helpers/testDatabase.ts';
import { loadCompetenceFixture } from './competenceFixture.ts';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
  await loadCompetenceFixture(db.connection);
});
afterAll(() => db.close());

const year = { from: '2024-08-01', to: '2025-07-31', asOf: '2025-07-31' };
const figures = (scope: Partial<FigureQuery> = {}): Promise<CompetenceFigures> => competenceFigures(db.connection, { ...year, ...scope });

describe('reach per effort and school', () => {
  it('sessions, the sum and the largest session, staff and share (null for unknown and 0 staff, not capped)', async () => {
    const { reach } = await figures();
    expect(reach).toEqual([
      // K1: 30 + 36 + 34 in the period (the 40 of 2025-08-05 is after it); 36 of 40 staff.
      { effort_id: 'E1', school_id: 'K1', sessions: 3, participants_total: 100, participants_max: 36, staff: 40, reach_share: 0.9 },
      { effort_id: 'E1', school_id: 'K2', sessions: 1, participants_total: 12, participants_max: 12, staff: null, reach_share: null },
      { effort_id: 'E1', school_id: 'K3', sessions: 1, participants_total: 5, participants_max: 5, staff: 0, reach_share: null },
      { effort_id: 'E1', school_id: 'L1', sessions: 1, participants_total: 12, participants_max: 12, staff: 10, reach_share: 1.2 },
      { effort_id: 'E2', school_id: 'K1', sessions: 2, participants_total: 14, participants_max: 8, staff: 40, reach_share: 0.2 },
    ]);
  });

  it('a school outside the scope is not read', async () => {
    const { reach } = await figures({ municipality: 'Kommune B' });
    expect(reach.map((r) => r.school_id)).toEqual(['L1']);
  });
});

describe('efforts', () => {
  it('every effort; the share is reached staff over the staff of scope schools whose staff is known', async () => {
    const { efforts } = await figures();
    // Known staff in scope: K1 40 + K3 0 + K4 20 + L1 10 = 70 (K2 unknown). E1 reached
    // 36 + 12 + 5 + 12 = 65, of which at known-staff schools 36 + 5 + 12 = 53.
    expect(efforts.map(({ partner: _p, start_date: _s, end_date: _e, target_group: _t, ...e }) => e)).toEqual([
      { effort_id: 'E1', name: 'Klasseledelse for alle', theme: 'klasseledelse', tier: 1, schools_reached: 4, schools_in_scope: 5, staff_reached: 65, staff_reach_share: 53 / 70 },
      { effort_id: 'E2', name: 'Trygt skolemiljø', theme: 'skolemiljo', tier: 2, schools_reached: 1, schools_in_scope: 5, staff_reached: 8, staff_reach_share: 8 / 70 },
      // Its one session is before the period: listed, reached nobody.
      { effort_id: 'E3', name: 'Dysleksi i praksis', theme: 'dysleksi', tier: 3, schools_reached: 0, schools_in_scope: 5, staff_reached: 0, staff_reach_share: 0 },
    ]);
    expect(efforts[0]).toMatchObject({ partner: 'PPT', start_date: '2024-09-01', end_date: '2025-06-30', target_group: 'Alle ansatte' });
  });

  it('a school with no session counts in scope but not as reached (Kommune A: K4)', async () => {
    const { efforts } = await figures({ municipality: 'Kommune A' });
    // Known staff 40 + 0 + 20 = 60; E1 reached K1 36, K2 12 (unknown staff), K3 5.
    expect(efforts[0]).toMatchObject({ schools_reached: 3, schools_in_scope: 4, staff_reached: 53, staff_reach_share: 41 / 60 });
  });

  it('the share is null when no scope school has a known staff, and may pass 1 with a level filter', async () => {
    expect((await figures({ school: 'K2' })).efforts[0]).toMatchObject({ schools_reached: 1, schools_in_scope: 1, staff_reached: 12, staff_reach_share: null });
    // barneskole: K1 40, K3 0, L1 10 → 50; reached 36 + 5 + 12 = 53.
    expect((await figures({ level: 'barneskole' })).efforts[0]).toMatchObject({ schools_reached: 3, schools_in_scope: 3, staff_reach_share: 53 / 50 });
  });
});

describe('demand per topic and school', () => {
  it('distinct discussed cases of each kind, system measures started and their staff; no topic left out', async () => {
    const { demand } = await figures();
    expect(demand).toEqual([
      // C6 never discussed (C5 only at a cancelled meeting) but T6 started: 12 staff.
      { topic: 'klasseledelse', school_id: 'K1', system_cases: 0, individual_part_cases: 0, system_measures_started: 1, staff_reached: 12 },
      // C1 discussed twice counts once; C2 (twice), C3 (anonymous), C10; not C8 (after the
      // period). T1 15 + T2 unknown (0) + T4 3 on an individual case; T3 after, T5 individual.
      { topic: 'skolemiljo', school_id: 'K1', system_cases: 1, individual_part_cases: 3, system_measures_started: 3, staff_reached: 18 },
      // Topic written `Skolemiljø`, normalised on import; meeting without status is held.
      { topic: 'skolemiljo', school_id: 'K2', system_cases: 0, individual_part_cases: 1, system_measures_started: 0, staff_reached: 0 },
      { topic: 'ukjent_tema', school_id: 'L1', system_cases: 0, individual_part_cases: 1, system_measures_started: 0, staff_reached: 0 },
    ]);
  });
});

describe('challenges per school', () => {
  it('distinct individual cases discussed at a held meeting in the period, per challenge', async () => {
    const { challenges } = await figures();
    // C2 lesevansker+konsentrasjon, C4 uro (no topic: still counted), C10 lesevansker at K1;
    // C7 lesevansker+uro at K2; C9 samspill at L1. Not C5 (cancelled) nor C8 (after).
    expect(challenges).toEqual([
      { challenge: 'konsentrasjon', school_id: 'K1', individual_cases: 1 },
      { challenge: 'lesevansker', school_id: 'K1', individual_cases: 2 },
      { challenge: 'lesevansker', school_id: 'K2', individual_cases: 1 },
      { challenge: 'samspill', school_id: 'L1', individual_cases: 1 },
      { challenge: 'uro', school_id: 'K1', individual_cases: 1 },
      { challenge: 'uro', school_id: 'K2', individual_cases: 1 },
    ]);
  });

  it('a shorter period counts only what falls in it', async () => {
    // 2024-09-06 – 2024-12-31: M2 (C1, C2), M5 (C7), M6 (C9); sessions of E1 at K1: 30 and 36.
    const f = await figures({ from: '2024-09-06', to: '2024-12-31', asOf: '2024-12-31' });
    expect(f.challenges.map((c) => `${c.challenge}/${c.school_id}=${c.individual_cases}`)).toEqual([
      'konsentrasjon/K1=1',
      'lesevansker/K1=1',
      'lesevansker/K2=1',
      'samspill/L1=1',
      'uro/K2=1',
    ]);
    expect(f.reach.find((r) => r.effort_id === 'E1' && r.school_id === 'K1')).toMatchObject({ sessions: 2, participants_max: 36, participants_total: 66 });
  });
});
