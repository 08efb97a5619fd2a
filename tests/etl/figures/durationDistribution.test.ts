import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../etl/db/openDatabase.ts';
import { durationDistribution } from '../../../etl/figures/durationDistribution.ts';
import { caseRow, fixtureDatabase, insert, query, schools } from './figureFixture.ts';

describe('durationDistribution', () => {
  let db: Database;
  beforeAll(async () => {
    db = await fixtureDatabase();
    await insert(db.connection, 'schools', schools);
    await insert(db.connection, 'cases', [
      caseRow('d1', { first_concern_date: '2024-09-01', closed_date: '2024-09-11', outcome: 'resolved' }), // 10
      caseRow('d2', { first_concern_date: '2024-10-01', closed_date: '2024-10-11', outcome: 'resolved' }), // 10
      caseRow('d3', { kind: 'anonymous', first_concern_date: '2024-09-01', closed_date: '2024-09-21', outcome: 'referred_ppt' }), // 20
      caseRow('d4', { school_id: 'G1', first_concern_date: '2024-09-01', closed_date: '2024-10-01', outcome: 'referred_other' }), // 30
      caseRow('d5', { kind: 'system', first_concern_date: '2024-09-01', closed_date: '2024-09-02', outcome: 'resolved' }), // system
      caseRow('d6', { first_concern_date: '2024-06-01', closed_date: '2024-07-01', outcome: 'resolved' }), // ended before
      caseRow('d7', { first_concern_date: '2024-09-01' }), // open
    ]);
  });
  afterAll(() => db.close());

  it('durationDistribution counts cases_ended per outcome and day', async () => {
    expect(await durationDistribution(db.connection, query())).toEqual([
      { outcome: 'referred_other', days: 30, cases: 1 },
      { outcome: 'referred_ppt', days: 20, cases: 1 },
      { outcome: 'resolved', days: 10, cases: 2 },
    ]);
  });

  it("durationDistribution(by 'municipality') groups by the case's school's municipality", async () => {
    const rows = await durationDistribution(db.connection, query(), 'municipality');
    expect(rows.map((r) => [r.municipality, r.outcome, r.days, r.cases])).toEqual([
      ['Gjesdal', 'referred_other', 30, 1],
      ['Sandnes', 'referred_ppt', 20, 1],
      ['Sandnes', 'resolved', 10, 2],
    ]);
  });
});
