import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../etl/db/openDatabase.ts';
import { computeFigures } from '../../../../etl/figures/computeFigures.ts';
import { caseRow, fixtureDatabase, insert, query, schools } from '../figureFixture.ts';

describe('ended case figures', () => {
  let db: Database;
  beforeAll(async () => {
    db = await fixtureDatabase();
    await insert(db.connection, 'schools', schools);
    await insert(db.connection, 'cases', [
      caseRow('e1', { first_concern_date: '2024-08-01', closed_date: '2024-08-11', outcome: 'resolved' }), // 10 days
      caseRow('e2', { first_concern_date: '2024-08-01', closed_date: '2024-08-21', outcome: 'referred_ppt' }), // 20 days
      caseRow('e3', { kind: 'anonymous', first_concern_date: '2024-09-01', closed_date: '2024-10-01', outcome: 'referred_other' }), // 30 days
      caseRow('e4', { first_concern_date: '2024-06-01', closed_date: '2024-10-09', outcome: 'referred_ppt' }), // 29+31+31+30+9 = 130 days
      caseRow('e5', { kind: 'system', first_concern_date: '2024-08-01', closed_date: '2024-09-01', outcome: 'resolved' }), // system: not counted
      caseRow('e6', { first_concern_date: '2024-05-01', closed_date: '2024-07-31', outcome: 'referred_ppt' }), // ended before the period
      caseRow('e7', { first_concern_date: '2025-05-01', closed_date: '2025-08-01', outcome: 'resolved' }), // ended after the period
      caseRow('e8', {}), // open
    ]);
    await insert(db.connection, 'measures', [
      { measure_id: 't1', case_id: 'e2', level: 'individual', evaluated_date: '2024-08-21' }, // on the referral day: tried
      { measure_id: 't2', case_id: 'e4', level: 'individual', evaluated_date: '2024-10-10' }, // after the referral
      { measure_id: 't3', case_id: 'e4', level: 'system', started_date: '2024-07-01' }, // never evaluated
      { measure_id: 't4', case_id: 'e6', level: 'individual', evaluated_date: '2024-07-01' }, // e6 is outside the period
    ]);
  });
  afterAll(() => db.close());

  it('cases_ended counts individual-part cases closed in the period, not before or after it', async () => {
    const f = await computeFigures(db.connection, query());
    expect(f.cases_ended).toBe(4); // e1 e2 e3 e4
    expect(f.cases_referred_ppt).toBe(2); // e2 e4
  });

  it("days_to_end_median of an even count is the mean of the two middle values", async () => {
    const f = await computeFigures(db.connection, query());
    expect(f.days_to_end_median).toBe(25); // 10 20 | 30 130 → (20 + 30) / 2
  });

  it('days_to_end_p90 interpolates linearly like quantile_cont', async () => {
    const f = await computeFigures(db.connection, query());
    // position (4 − 1) × 0.9 = 2.7 → 30 + 0.7 × (130 − 30) = 100
    expect(f.days_to_end_p90).toBeCloseTo(100, 9);
  });

  it('days_to_end_median of an odd count is the middle value', async () => {
    const f = await computeFigures(db.connection, query({ to: '2024-10-01' }));
    expect(f.days_to_end_median).toBe(20); // e1 e2 e3: 10 20 30
  });

  it('tested_before_ppt_referral_rate counts a measure evaluated on or before the referral', async () => {
    const f = await computeFigures(db.connection, query());
    expect(f.tested_before_ppt_referral_rate).toBe(1 / 2); // e2 yes (t1), e4 no
  });

  it('an empty period has no ended cases and null medians and rates', async () => {
    const f = await computeFigures(db.connection, query({ from: '2025-01-01', to: '2025-01-31' }));
    expect(f).toMatchObject({
      cases_ended: 0,
      cases_referred_ppt: 0,
      days_to_end_median: null,
      days_to_end_p90: null,
      tested_before_ppt_referral_rate: null,
    });
  });
});
