import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../etl/db/openDatabase.ts';
import { monthlySeries } from '../../../etl/figures/monthlySeries.ts';
import { caseRow, fixtureDatabase, insert, query, schools } from './figureFixture.ts';

/*
 * Each figure family joins its facts to the month they fall in. A whole-period query has one
 * period whose bounds are the query's own, so a wrong month join (a month taking in earlier
 * months, say) is invisible there; these hand-counted September/October numbers are not.
 */
describe('monthly windows of the discussion, consent, measure and evaluation figures', () => {
  let db: Database;
  const q = query({ from: '2024-09-01', to: '2024-10-31', school: 'S1' });
  beforeAll(async () => {
    db = await fixtureDatabase();
    await insert(db.connection, 'schools', schools);
    await insert(db.connection, 'meetings', [
      { meeting_id: 'm1', school_id: 'S1', date: '2024-09-02', status: 'held' },
      { meeting_id: 'mc', school_id: 'S1', date: '2024-09-16', status: 'cancelled' },
      { meeting_id: 'm2', school_id: 'S1', date: '2024-10-07', status: 'held' },
    ]);
    await insert(db.connection, 'cases', [
      caseRow('c1', { first_concern_date: '2024-08-20', consent_date: '2024-09-01' }), // consent before m1
      caseRow('c2', { first_concern_date: '2024-09-25', consent_date: '2024-10-08' }), // consent the day after m2
      caseRow('c3', { first_concern_date: '2024-09-01', consent_date: '2024-09-05' }), // first discussed 09-02: late
      caseRow('s1', { kind: 'system', first_concern_date: '2024-08-01' }),
      caseRow('c4', { first_concern_date: '2024-09-10', closed_date: '2024-10-25', outcome: 'resolved' }), // never discussed
    ]);
    const discussed = { m1: ['c1', 'c3', 's1'], mc: ['c2'], m2: ['c2', 'c3', 's1'] };
    await insert(
      db.connection,
      'discussions',
      Object.entries(discussed).flatMap(([meeting_id, cases]) => cases.map((case_id) => ({ meeting_id, case_id }))),
    );
    const m = (id: string, case_id: string, level: string, started: string, staff: number | null, due: string, evaluated: string | null) => ({
      measure_id: id,
      case_id,
      level,
      started_date: started,
      staff_reached: staff,
      evaluation_due_date: due,
      evaluated_date: evaluated,
    });
    await insert(db.connection, 'measures', [
      m('e1', 's1', 'system', '2024-09-10', 10, '2024-09-30', '2024-09-29'), // on time
      m('e2', 's1', 'system', '2024-10-03', 4, '2024-10-31', null), // not evaluated: late
      m('e3', 'c1', 'individual', '2024-10-15', null, '2024-10-20', '2024-10-20'), // on the due date: on time
    ]);
  });
  afterAll(() => db.close());

  it('monthly discussion figures count the discussions at the month’s held meetings', async () => {
    const rows = await monthlySeries(db.connection, q);
    // September: m1 (c1, c3, s1); the cancelled mc does not count. October: m2 (c2, c3, s1).
    expect(
      rows.map((r) => [r.month, r.system_case_discussions, r.individual_case_discussions, r.n.individual_cases_discussed, r.individual_case_discussions_per_meeting]),
    ).toEqual([
      ['2024-09', 1, 2, 2, 2],
      ['2024-10', 1, 2, 2, 2],
    ]);
  });

  it('monthly consent_before_discussion_rate takes the cases discussed that month', async () => {
    const rows = await monthlySeries(db.connection, q);
    // September: c1 (yes), c3 (no) → 1/2. October: c2 (consent 10-08 after m2 on 10-07: no), c3 (no) → 0/2.
    expect(rows.map((r) => [r.month, r.consent_before_discussion_rate, r.n.consent_cases])).toEqual([
      ['2024-09', 1 / 2, 2],
      ['2024-10', 0, 2],
    ]);
  });

  it('monthly measure figures count the measures started that month', async () => {
    const rows = await monthlySeries(db.connection, q);
    // September: e1 (system, 10 staff). October: e2 (system, 4 staff), e3 (individual on c1).
    expect(rows.map((r) => [r.month, r.system_measures_started, r.staff_reached_total, r.individual_measures_for_individual_cases])).toEqual([
      ['2024-09', 1, 10, 0],
      ['2024-10', 1, 4, 1],
    ]);
  });

  it('monthly open_cases of a clipped last month are counted on the period’s last day, not the month’s', async () => {
    const rows = await monthlySeries(db.connection, { ...q, to: '2024-10-15' });
    // 30 Sep: c1, c2, c3, c4 open. 15 Oct: the same four (c4 closes on 25 Oct); on 31 Oct it would be three.
    expect(rows.map((r) => [r.month, r.open_cases, r.cases_ended])).toEqual([
      ['2024-09', 4, 0],
      ['2024-10', 4, 0],
    ]);
  });

  it('monthly evaluation_on_time_rate takes the measures due that month', async () => {
    const rows = await monthlySeries(db.connection, q);
    // September: e1 due 09-30, on time → 1/1. October: e2 (late), e3 (on time) → 1/2.
    expect(rows.map((r) => [r.month, r.evaluation_on_time_rate, r.n.evaluations_due])).toEqual([
      ['2024-09', 1, 1],
      ['2024-10', 1 / 2, 2],
    ]);
  });
});
