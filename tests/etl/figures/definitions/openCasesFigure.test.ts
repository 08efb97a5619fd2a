import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../etl/db/openDatabase.ts';
import { computeFigures } from '../../../../etl/figures/computeFigures.ts';
import { caseRow, fixtureDatabase, insert, query, schools } from '../figureFixture.ts';

describe('open_cases', () => {
  let db: Database;
  beforeAll(async () => {
    db = await fixtureDatabase();
    await insert(db.connection, 'schools', schools);
    await insert(db.connection, 'cases', [
      caseRow('o1', { first_concern_date: '2024-01-01' }), // open, raised before the period: open
      caseRow('o2', { first_concern_date: '2025-07-31' }), // raised on the last day: open
      caseRow('o3', { first_concern_date: '2025-08-01' }), // raised after the period
      caseRow('o4', { kind: 'anonymous', first_concern_date: '2024-09-01', closed_date: '2025-07-31', outcome: 'resolved' }), // ended on the last day
      caseRow('o5', { first_concern_date: '2024-09-01', closed_date: '2025-08-01', outcome: 'resolved' }), // ended after: open at the end
      caseRow('o6', { kind: 'system', first_concern_date: '2024-01-01' }), // system case
      caseRow('o7', { first_concern_date: '2023-01-01', closed_date: '2023-06-01', outcome: 'resolved' }), // long closed
    ]);
  });
  afterAll(() => db.close());

  it('open_cases counts individual-part cases raised by `to` and not ended by `to`', async () => {
    const f = await computeFigures(db.connection, query());
    expect(f.open_cases).toBe(3); // o1 o2 o5
  });

  it('open_cases does not depend on the as-of date', async () => {
    const f = await computeFigures(db.connection, query({ asOf: '2024-09-01' }));
    expect(f.open_cases).toBe(3);
  });
});
