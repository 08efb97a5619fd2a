import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../etl/db/openDatabase.ts';
import { computeFigures } from '../../../../etl/figures/computeFigures.ts';
import { caseRow, fixtureDatabase, insert, query, schools } from '../figureFixture.ts';

describe('discussion figures', () => {
  let db: Database;
  beforeAll(async () => {
    db = await fixtureDatabase();
    await insert(db.connection, 'schools', schools);
    await insert(db.connection, 'meetings', [
      { meeting_id: 'm0', school_id: 'S1', date: '2024-06-03', status: 'held' }, // before the period
      { meeting_id: 'm1', school_id: 'S1', date: '2024-09-02', status: 'held' },
      { meeting_id: 'm2', school_id: 'S1', date: '2024-09-09', status: 'held' },
      { meeting_id: 'm3', school_id: 'S1', date: '2024-09-16', status: 'cancelled' },
      { meeting_id: 'm4', school_id: 'S1', date: '2024-09-23', status: 'held' }, // held, nothing discussed
    ]);
    await insert(db.connection, 'cases', [
      caseRow('s1', { kind: 'system' }),
      caseRow('s2', { kind: 'system' }),
      caseRow('i1', {}),
      caseRow('i2', {}),
      caseRow('a1', { kind: 'anonymous' }),
    ]);
    const discussed = { m0: ['s1', 'i1'], m1: ['s1', 'i1', 'a1'], m2: ['s1', 's2', 'i1', 'i2'], m3: ['s1', 'i1', 'a1'] };
    await insert(
      db.connection,
      'discussions',
      Object.entries(discussed).flatMap(([meeting_id, cases]) => cases.map((case_id) => ({ meeting_id, case_id }))),
    );
  });
  afterAll(() => db.close());

  it('system_case_discussions counts rows at held meetings in the period, not at cancelled ones', async () => {
    const f = await computeFigures(db.connection, query());
    expect(f.system_case_discussions).toBe(3); // m1: s1; m2: s1, s2 (m3 cancelled, m0 before)
  });

  it('individual_case_discussions counts individual and anonymous cases', async () => {
    const f = await computeFigures(db.connection, query());
    expect(f.individual_case_discussions).toBe(4); // m1: i1, a1; m2: i1, i2
    expect(f.anonymous_case_discussions).toBe(1); // m1: a1
    expect(f.n.individual_cases_discussed).toBe(3); // i1, i2, a1
  });

  it('per-meeting figures divide by held meetings, also those with nothing discussed', async () => {
    const f = await computeFigures(db.connection, query());
    expect(f.meetings_held).toBe(3); // m1, m2, m4
    expect(f.system_case_discussions_per_meeting).toBe(3 / 3);
    expect(f.individual_case_discussions_per_meeting).toBe(4 / 3);
  });

  it('per-meeting figures are 0 when meetings were held but nothing was discussed', async () => {
    const f = await computeFigures(db.connection, query({ from: '2024-09-23', to: '2024-09-23' }));
    expect(f.system_case_discussions_per_meeting).toBe(0);
    expect(f.individual_case_discussions_per_meeting).toBe(0);
  });

  it('per-meeting figures are null when no meeting was held', async () => {
    const f = await computeFigures(db.connection, query({ from: '2024-09-16', to: '2024-09-16' }));
    expect(f).toMatchObject({ system_case_discussions: 0, system_case_discussions_per_meeting: null, individual_case_discussions_per_meeting: null });
  });
});
