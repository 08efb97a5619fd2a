import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../etl/db/openDatabase.ts';
import { monthlySeries } from '../../../etl/figures/monthlySeries.ts';
import { caseRow, fixtureDatabase, insert, query, schools } from './figureFixture.ts';

describe('monthlySeries', () => {
  let db: Database;
  // 15 Aug – 10 Oct: August and October are clipped to the period.
  const q = query({ from: '2024-08-15', to: '2024-10-10' });
  beforeAll(async () => {
    db = await fixtureDatabase();
    await insert(db.connection, 'schools', schools);
    await insert(db.connection, 'meetings', [
      { meeting_id: 'm0', school_id: 'S1', date: '2024-08-14', status: 'held' }, // before `from`
      { meeting_id: 'm1', school_id: 'S1', date: '2024-08-20', status: 'held' },
      { meeting_id: 'm2', school_id: 'S1', date: '2024-09-02', status: 'held' },
      { meeting_id: 'm3', school_id: 'S1', date: '2024-09-09', status: 'cancelled' },
      { meeting_id: 'm4', school_id: 'S1', date: '2024-10-10', status: 'held' },
      { meeting_id: 'm5', school_id: 'S1', date: '2024-10-11', status: 'held' }, // after `to`
    ]);
    await insert(db.connection, 'cases', [
      caseRow('c1', { first_concern_date: '2024-08-20', closed_date: '2024-09-15', outcome: 'resolved' }), // 26 days
      caseRow('c2', { first_concern_date: '2024-09-20' }),
      caseRow('c3', { first_concern_date: '2024-10-05' }),
    ]);
  });
  afterAll(() => db.close());

  it('monthlySeries gives every month of the period, clipped to the period', async () => {
    const rows = await monthlySeries(db.connection, q);
    expect(rows.map((r) => [r.month, r.meetings_held, r.meetings_cancelled])).toEqual([
      ['2024-08', 1, 0], // m1 (m0 is before the 15th)
      ['2024-09', 1, 1], // m2, m3
      ['2024-10', 1, 0], // m4 (m5 is after the 10th)
    ]);
  });

  it('monthlySeries counts open_cases at the end of each month and ended cases in it', async () => {
    const rows = await monthlySeries(db.connection, q);
    // 31 Aug: c1 open; 30 Sep: c1 closed, c2 open; 10 Oct: c2, c3 open
    expect(rows.map((r) => [r.month, r.open_cases, r.cases_ended, r.days_to_end_median])).toEqual([
      ['2024-08', 1, 0, null],
      ['2024-09', 1, 1, 26],
      ['2024-10', 2, 0, null],
    ]);
  });

  it("monthlySeries(by 'school') gives every school every month, also without data", async () => {
    const rows = await monthlySeries(db.connection, q, 'school');
    expect(rows.map((r) => [r.school_id, r.month, r.meetings_held])).toEqual([
      ['S1', '2024-08', 1],
      ['S1', '2024-09', 1],
      ['S1', '2024-10', 1],
      ['S2', '2024-08', 0],
      ['S2', '2024-09', 0],
      ['S2', '2024-10', 0],
      ['G1', '2024-08', 0],
      ['G1', '2024-09', 0],
      ['G1', '2024-10', 0],
    ]);
    expect(rows.find((r) => r.school_id === 'S2')?.minutes_rate).toBeNull();
  });
});
