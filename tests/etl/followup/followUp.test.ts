/**
 * The figures and lists of contract section 4b on the hand-made fixture of followUpFixture.ts.
 * Every expected number is counted by hand from the fixture's rows (the comments there).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../etl/db/openDatabase.ts';
import { computeFigures, computeFiguresBy } from '../../../etl/figures/computeFigures.ts';
import { followUp } from '../../../etl/followup/followUp.ts';
import { followUpLists } from '../../../etl/followup/followUpLists.ts';
import { fixtureDatabase } from '../figures/figureFixture.ts';
import { followUpQuery, insertFollowUpFixture } from './followUpFixture.ts';

describe('section 4b on the hand-made fixture', () => {
  let db: Database;
  beforeAll(async () => {
    db = await fixtureDatabase();
    await insertFollowUpFixture(db.connection);
  });
  afterAll(() => db.close());

  it('followUp gives every 4b figure for the whole scope', async () => {
    const { figures } = await followUp(db.connection, followUpQuery());
    expect(figures).toEqual({
      planned_meetings: 9, // S1 6 (not 07-31, not 06-16), S2 1, G1 2
      planned_meetings_held: 4, // S1 09-02, 09-08 (one meeting, two plans), 10-06; S2 08-01
      planned_meetings_missed: 5, // S1 09-16 (4 days), 09-24 (cancelled), 06-15; G1 09-06 (another school's meeting), 01-10
      plan_adherence_rate: 4 / 9,
      median_days_between_meetings: 6.5, // gaps S1 7, 21 (two meetings on 09-12 are one date); S2 4, 6; G1 none
      tgl_meetings: 2, // s1-1003, s2-0906 (not the cancelled s1-0924, not s2-0730 before the period)
      planned_tgl_visits: 3, // S1 10-10 and 06-15 (the as-of date), G1 11-01; not S1 06-20
      evaluations_overdue: 4, // e1, e4, e0, e6
      discussed_before_consent: 3, // c2 (none), c3 (after), c5 (first discussed before the period)
      meetings_without_agenda_in_advance: 3, // s1-0912-b (same day), s2-0902 and a-s2-0912 (none)
      meetings_without_minutes: 2, // s1-0912-a (unknown), s1-1003 (false)
      open_cases_over_90_days: 2, // o2 (91), o4 (257); o1 and o7 are 90
    });
  });

  it('the 4b figures agree with the section 4 figures they complement', async () => {
    const f = await computeFigures(db.connection, followUpQuery());
    expect(f).toMatchObject({ meetings_held: 8, consent_before_discussion_rate: 2 / 5, open_cases: 4, agenda_in_advance_rate: 5 / 8, minutes_rate: 6 / 8 });
    expect(f.n).toMatchObject({ planned_meetings: 9, meeting_gaps: 4, consent_cases: 5, open_cases: 4 });
  });

  it('per school: the median is each school its own, a school with one meeting date has none', async () => {
    const rows = await computeFiguresBy(db.connection, followUpQuery(), 'school');
    const pick = (id: string) => rows.find((r) => r.school_id === id)!;
    expect(pick('S1')).toMatchObject({ planned_meetings: 6, planned_meetings_held: 3, median_days_between_meetings: 14, tgl_meetings: 1 });
    expect(pick('S2')).toMatchObject({ planned_meetings: 1, planned_meetings_held: 1, plan_adherence_rate: 1, median_days_between_meetings: 5 });
    expect(pick('G1')).toMatchObject({ planned_meetings: 2, planned_meetings_held: 0, plan_adherence_rate: 0, median_days_between_meetings: null });
    expect(pick('G1').n.meeting_gaps).toBe(0);
    expect(pick('G1')).toMatchObject({ evaluations_overdue: 1, discussed_before_consent: 0, open_cases_over_90_days: 1, planned_tgl_visits: 1 });
  });

  it('an open case is aged at the end of the period when the as-of date is later', async () => {
    const later = followUpQuery({ asOf: '2025-08-01' });
    expect((await computeFigures(db.connection, later)).open_cases_over_90_days).toBe(4); // 136, 136, 137, 303 days at 07-31
    const { open_cases_by_age } = await followUpLists(db.connection, later);
    expect(open_cases_by_age.map((r) => [r.case_id, r.age_days])).toEqual([['o4', 303], ['o2', 137], ['o1', 136], ['o7', 136]]);
  });

  it('a period without plans, meetings or measures gives 0 counts and null rate and median', async () => {
    const f = await computeFigures(db.connection, followUpQuery({ from: '2023-01-01', to: '2023-01-31' }));
    expect(f).toMatchObject({ planned_meetings: 0, planned_meetings_missed: 0, plan_adherence_rate: null, median_days_between_meetings: null, evaluations_overdue: 0 });
  });

  it('lists every row behind the figures, in the fields and order of 4b', async () => {
    const lists = await followUpLists(db.connection, followUpQuery());
    expect(lists).toEqual({
      missed_meetings: [
        { school_id: 'G1', date: '2024-09-06' },
        { school_id: 'G1', date: '2025-01-10' },
        { school_id: 'S1', date: '2024-09-16' },
        { school_id: 'S1', date: '2024-09-24' },
        { school_id: 'S1', date: '2025-06-15' },
      ],
      overdue_evaluations: [
        { measure_id: 'e6', case_id: 'o4', school_id: 'G1', level: 'system', responsible_role: null, evaluation_due_date: '2025-01-15', days_overdue: 151 },
        { measure_id: 'e0', case_id: 'c3', school_id: 'S1', level: 'system', responsible_role: 'rektor', evaluation_due_date: '2025-05-01', days_overdue: 45 },
        { measure_id: 'e4', case_id: 'c2', school_id: 'S1', level: 'individual', responsible_role: 'ppt', evaluation_due_date: '2025-05-01', days_overdue: 45 },
        { measure_id: 'e1', case_id: 'c1', school_id: 'S1', level: 'individual', responsible_role: 'kontaktlaerer', evaluation_due_date: '2025-06-14', days_overdue: 1 },
      ],
      consent_deviations: [
        { case_id: 'c5', school_id: 'S2', first_discussion_date: '2024-07-30', consent_date: '2024-09-01' },
        { case_id: 'c2', school_id: 'S1', first_discussion_date: '2024-09-12', consent_date: null },
        { case_id: 'c3', school_id: 'S1', first_discussion_date: '2024-09-12', consent_date: '2024-09-13' },
      ],
      meetings_missing_agenda_or_minutes: [
        { meeting_id: 's2-0902', school_id: 'S2', date: '2024-09-02', agenda_in_advance: false, minutes_written: true },
        { meeting_id: 'a-s2-0912', school_id: 'S2', date: '2024-09-12', agenda_in_advance: false, minutes_written: true },
        { meeting_id: 's1-0912-a', school_id: 'S1', date: '2024-09-12', agenda_in_advance: true, minutes_written: null },
        { meeting_id: 's1-0912-b', school_id: 'S1', date: '2024-09-12', agenda_in_advance: false, minutes_written: true },
        { meeting_id: 's1-1003', school_id: 'S1', date: '2024-10-03', agenda_in_advance: true, minutes_written: false },
      ],
      open_cases_by_age: [
        { case_id: 'o4', school_id: 'G1', kind: 'individual', first_concern_date: '2024-10-01', age_days: 257 },
        { case_id: 'o2', school_id: 'S1', kind: 'anonymous', first_concern_date: '2025-03-16', age_days: 91 },
        { case_id: 'o1', school_id: 'S1', kind: 'individual', first_concern_date: '2025-03-17', age_days: 90 },
        { case_id: 'o7', school_id: 'G1', kind: 'individual', first_concern_date: '2025-03-17', age_days: 90 },
      ],
    });
  });

  it('lists keep to the scope: one school, one municipality, the allowed schools', async () => {
    const g1 = await followUpLists(db.connection, followUpQuery({ school: 'G1' }));
    expect(g1.missed_meetings).toEqual([{ school_id: 'G1', date: '2024-09-06' }, { school_id: 'G1', date: '2025-01-10' }]);
    expect(g1.overdue_evaluations.map((r) => r.measure_id)).toEqual(['e6']);
    expect(g1.consent_deviations).toEqual([]);
    expect(g1.meetings_missing_agenda_or_minutes).toEqual([]);
    expect(g1.open_cases_by_age.map((r) => r.case_id)).toEqual(['o4', 'o7']);
    const sandnes = await followUpLists(db.connection, followUpQuery({ municipality: 'Sandnes', allowedSchools: ['S2', 'G1'] }));
    expect(sandnes.missed_meetings).toEqual([]);
    expect(sandnes.consent_deviations.map((r) => r.case_id)).toEqual(['c5']);
    expect(sandnes.meetings_missing_agenda_or_minutes.map((r) => r.meeting_id)).toEqual(['s2-0902', 'a-s2-0912']);
  });

  it('with a second connection, the lists are read there beside the figures, with the same values', async () => {
    const side = await db.instance.connect();
    try {
      const { figures, lists } = await followUp(db.connection, followUpQuery(), side);
      expect(figures).toMatchObject({ planned_meetings: 9, planned_meetings_held: 4, evaluations_overdue: 4, open_cases_over_90_days: 2 });
      expect(lists.open_cases_by_age.map((r) => [r.case_id, r.age_days])).toEqual([['o4', 257], ['o2', 91], ['o1', 90], ['o7', 90]]);
      expect(lists.missed_meetings).toHaveLength(5);
    } finally {
      side.closeSync();
    }
    // A closed side connection fails the call: the lists do not quietly run on the first one.
    const closed = await db.instance.connect();
    closed.closeSync();
    await expect(followUp(db.connection, followUpQuery(), closed)).rejects.toThrow();
  });

  it('no list row carries student_ref', async () => {
    const lists = await followUpLists(db.connection, followUpQuery());
    for (const rows of Object.values(lists)) for (const row of rows) expect(Object.keys(row)).not.toContain('student_ref');
  });
});
