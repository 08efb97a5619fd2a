import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../etl/db/openDatabase.ts';
import { computeFigures } from '../../../../etl/figures/computeFigures.ts';
import { caseRow, fixtureDatabase, insert, query, schools } from '../figureFixture.ts';

describe('consent_before_discussion_rate', () => {
  let db: Database;
  beforeAll(async () => {
    db = await fixtureDatabase();
    await insert(db.connection, 'schools', schools);
    await insert(db.connection, 'meetings', [
      { meeting_id: 'm0', school_id: 'S1', date: '2024-05-06', status: 'held' }, // before the period
      { meeting_id: 'mc', school_id: 'S1', date: '2024-08-26', status: 'cancelled' },
      { meeting_id: 'm1', school_id: 'S1', date: '2024-09-02', status: 'held' },
      { meeting_id: 'm2', school_id: 'S1', date: '2024-10-07', status: 'held' },
    ]);
    await insert(db.connection, 'cases', [
      caseRow('c1', { consent_date: '2024-09-01' }), // first discussion 09-02: consent before → yes
      caseRow('c2', { consent_date: '2024-09-02' }), // consent the same day → yes
      caseRow('c3', { consent_date: '2024-09-03' }), // discussed 09-02 first → no
      caseRow('c4', { first_concern_date: '2024-04-01', consent_date: '2024-06-01' }), // first discussed 05-06, before the period → no
      caseRow('c5', {}), // no consent → no
      caseRow('c6', { consent_date: '2024-08-28' }), // the cancelled 08-26 meeting does not count; first held 10-07 → yes
      caseRow('a1', { kind: 'anonymous' }), // anonymous: not in the denominator
      caseRow('c7', { first_concern_date: '2024-01-01', consent_date: '2024-01-01' }), // only discussed before the period
    ]);
    const discussed = { m0: ['c4', 'c7'], mc: ['c6'], m1: ['c1', 'c2', 'c3', 'a1'], m2: ['c3', 'c4', 'c5', 'c6'] };
    await insert(
      db.connection,
      'discussions',
      Object.entries(discussed).flatMap(([meeting_id, cases]) => cases.map((case_id) => ({ meeting_id, case_id }))),
    );
  });
  afterAll(() => db.close());

  it('consent_before_discussion_rate compares consent with the first discussion at any held meeting', async () => {
    const f = await computeFigures(db.connection, query());
    // denominator: c1..c6 (individual, discussed at a held meeting in the period) = 6
    // numerator: c1, c2, c6 = 3
    expect(f.n.consent_cases).toBe(6);
    expect(f.consent_before_discussion_rate).toBe(3 / 6);
  });

  it('consent_before_discussion_rate is null when no individual case was discussed', async () => {
    const f = await computeFigures(db.connection, query({ from: '2024-08-01', to: '2024-08-31' }));
    expect(f.consent_before_discussion_rate).toBeNull();
  });
});
