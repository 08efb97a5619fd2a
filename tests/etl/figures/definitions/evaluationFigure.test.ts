import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../etl/db/openDatabase.ts';
import { computeFigures } from '../../../../etl/figures/computeFigures.ts';
import { caseRow, fixtureDatabase, insert, query, schools } from '../figureFixture.ts';

describe('evaluation_on_time_rate', () => {
  let db: Database;
  beforeAll(async () => {
    db = await fixtureDatabase();
    await insert(db.connection, 'schools', schools);
    await insert(db.connection, 'cases', [caseRow('s1', { kind: 'system' }), caseRow('i1', {})]);
    const m = (measure_id: string, case_id: string, level: string, evaluation_due_date: string | null, evaluated_date: string | null) => ({
      measure_id,
      case_id,
      level,
      evaluation_due_date,
      evaluated_date,
    });
    await insert(db.connection, 'measures', [
      m('v1', 'i1', 'individual', '2024-09-10', '2024-09-09'), // on time
      m('v2', 's1', 'system', '2024-09-10', '2024-09-10'), // on the due date: on time
      m('v3', 'i1', 'system', '2024-09-10', '2024-09-11'), // late
      m('v4', 'i1', 'individual', '2024-10-01', null), // never evaluated: late
      m('v5', 's1', 'system', '2025-02-28', '2025-02-01'), // on time
      m('v6', 'i1', 'individual', '2025-03-02', '2025-03-01'), // due after the as-of date: left out
      m('v7', 'i1', 'individual', '2024-07-31', '2024-07-01'), // due before the period
      m('v8', 'i1', 'individual', null, '2024-09-01'), // no due date
      m('v9', 'i1', 'individual', '2025-03-01', null), // due on the as-of date, not evaluated: late
    ]);
  });
  afterAll(() => db.close());

  it('evaluation_on_time_rate counts measures due in the period and by the as-of date', async () => {
    const f = await computeFigures(db.connection, query({ asOf: '2025-03-01' }));
    // due: v1 v2 v3 v4 v5 v9 = 6; on time: v1 v2 v5 = 3
    expect(f.n.evaluations_due).toBe(6);
    expect(f.evaluation_on_time_rate).toBe(3 / 6);
    expect(f.n.individual_cases_with_evaluations_due).toBe(1); // i1
  });

  it('evaluation_on_time_rate is null when nothing is due yet', async () => {
    const f = await computeFigures(db.connection, query({ asOf: '2024-09-09' }));
    expect(f.evaluation_on_time_rate).toBeNull();
    expect(f.n.evaluations_due).toBe(0);
  });
});
