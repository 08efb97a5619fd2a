import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../etl/db/openDatabase.ts';
import { computeFigures } from '../../../../etl/figures/computeFigures.ts';
import { caseRow, fixtureDatabase, insert, query, schools } from '../figureFixture.ts';

describe('measure figures', () => {
  let db: Database;
  beforeAll(async () => {
    db = await fixtureDatabase();
    await insert(db.connection, 'schools', schools);
    await insert(db.connection, 'cases', [
      caseRow('s1', { kind: 'system' }),
      caseRow('s2', { kind: 'system' }),
      caseRow('i1', {}),
      caseRow('a1', { kind: 'anonymous' }),
    ]);
    const m = (measure_id: string, case_id: string, level: string, started_date: string | null, staff_reached: number | null = null) => ({
      measure_id,
      case_id,
      level,
      started_date,
      staff_reached,
    });
    await insert(db.connection, 'measures', [
      m('e1', 's1', 'system', '2024-09-01', 10),
      m('e2', 's1', 'system', '2024-10-01', null), // staff unknown
      m('e3', 's2', 'system', '2025-01-15', 4),
      m('e4', 's2', 'system', '2024-07-31', 100), // before the period
      m('e5', 's2', 'system', null, 50), // planned, not started
      m('e6', 's1', 'individual', '2024-09-01', 7), // individual level on a system case: no system figure
      m('e7', 'i1', 'system', '2024-09-05'),
      m('e8', 'a1', 'system', '2024-11-01'),
      m('e9', 'i1', 'individual', '2024-09-05'),
      m('e10', 'i1', 'individual', '2025-07-31'), // last day of the period
      m('e11', 'a1', 'individual', '2025-08-01'), // after
    ]);
  });
  afterAll(() => db.close());

  it('system_measures_started counts system-level measures on system cases started in the period', async () => {
    const f = await computeFigures(db.connection, query());
    expect(f.system_measures_started).toBe(3); // e1, e2, e3
  });

  it('staff_reached_total sums staff_reached, unknown as 0', async () => {
    const f = await computeFigures(db.connection, query());
    expect(f.staff_reached_total).toBe(14); // 10 + 0 + 4
  });

  it('staff_reached_per_system_measure averages over measures where it is known', async () => {
    const f = await computeFigures(db.connection, query());
    expect(f.staff_reached_per_system_measure).toBe(7); // (10 + 4) / 2
    expect(f.n.system_measures_with_staff_reached).toBe(2);
  });

  it('measures for individual cases count individual and anonymous cases by level', async () => {
    const f = await computeFigures(db.connection, query());
    expect(f.system_measures_for_individual_cases).toBe(2); // e7, e8
    expect(f.individual_measures_for_individual_cases).toBe(2); // e9, e10
    expect(f.n.individual_cases_with_measures).toBe(2); // i1, a1
  });

  it('staff_reached_per_system_measure is null and the total 0 when no staff count is known', async () => {
    const f = await computeFigures(db.connection, query({ from: '2024-10-01', to: '2024-10-01' }));
    expect(f).toMatchObject({ system_measures_started: 1, staff_reached_total: 0, staff_reached_per_system_measure: null });
  });
});
