/**
 * yearWheelItems on the hand-made 4b fixture (followUpFixture.ts, read on 15 June 2025) plus
 * two plans of S2 that test the TGL rule and a tie. Every status and matched date below is
 * worked out by hand from the fixture's meetings: S1 held 09-05, 09-12 (twice), 10-03 (TGL
 * present) and cancelled 09-24 (TGL listed); S2 held 09-02, 09-06 (TGL), 09-12.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../etl/db/openDatabase.ts';
import { computeFigures } from '../../../etl/figures/computeFigures.ts';
import { yearWheelItems } from '../../../etl/followup/yearWheelItems.ts';
import { fixtureDatabase, insert } from '../figures/figureFixture.ts';
import { followUpQuery, insertFollowUpFixture } from './followUpFixture.ts';

let db: Database;
beforeAll(async () => {
  db = await fixtureDatabase();
  await insertFollowUpFixture(db.connection);
  await insert(db.connection, 'yearwheel', [
    // s2-0902 and s2-0906 are both 2 days away; only s2-0906 had TGL: done, matched 09-06.
    { school_id: 'S2', date: '2024-09-04', activity: 'tgl_visit' },
    // Both 2 days away, both held: the earlier one.
    { school_id: 'S2', date: '2024-09-04', activity: 'survey_review' },
  ]);
});
afterAll(() => db.close());

describe('yearWheelItems', () => {
  it("gives one school's plan in date order with status and matched meeting", async () => {
    const { plan } = await yearWheelItems(db.connection, followUpQuery({ school: 'S1' }));
    expect(plan.map((p) => [p.date, p.activity, p.status, p.matched_meeting_date])).toEqual([
      // 2024-07-31 is before the period: not on the wheel.
      ['2024-09-02', 'meeting', 'done', '2024-09-05'], // 3 days
      ['2024-09-08', 'meeting', 'done', '2024-09-05'], // 3 days before; 09-12 is 4 days after
      ['2024-09-16', 'meeting', 'missed', null], // 09-12 is 4 days
      ['2024-09-24', 'meeting', 'missed', null], // only a cancelled meeting
      ['2024-10-06', 'meeting', 'done', '2024-10-03'],
      ['2024-10-10', 'tgl_visit', 'missed', null], // the TGL meeting 10-03 is 7 days before
      ['2024-12-01', 'survey_review', 'missed', null],
      ['2025-06-15', 'meeting', 'missed', null], // on the as-of date: due
      ['2025-06-15', 'tgl_visit', 'missed', null],
      ['2025-06-16', 'meeting', 'upcoming', null], // after the as-of date
      ['2025-06-20', 'tgl_visit', 'upcoming', null],
    ]);
    expect(plan.every((p) => p.school_id === 'S1')).toBe(true);
  });

  it('a TGL visit is done only at a meeting with TGL; of two equally near meetings the earlier', async () => {
    const { plan } = await yearWheelItems(db.connection, followUpQuery({ school: 'S2' }));
    expect(plan.map((p) => [p.date, p.activity, p.status, p.matched_meeting_date])).toEqual([
      ['2024-08-01', 'meeting', 'done', '2024-07-30'], // a meeting before the period serves it
      ['2024-09-04', 'survey_review', 'done', '2024-09-02'],
      ['2024-09-04', 'tgl_visit', 'done', '2024-09-06'],
    ]);
  });

  it("gives the school's meetings in the period, held and cancelled, with TGL present", async () => {
    const { meetings } = await yearWheelItems(db.connection, followUpQuery({ school: 'S1' }));
    expect(meetings.map((m) => [m.meeting_id, m.date, m.status, m.tgl_present])).toEqual([
      ['s1-0905', '2024-09-05', 'held', false],
      ['s1-0912-a', '2024-09-12', 'held', false],
      ['s1-0912-b', '2024-09-12', 'held', false],
      ['s1-0924', '2024-09-24', 'cancelled', true],
      ['s1-1003', '2024-10-03', 'held', true],
    ]);
  });

  it('its planned meetings done and missed are the figures planned_meetings_held and _missed', async () => {
    for (const school of ['S1', 'S2', 'G1']) {
      const q = followUpQuery({ school });
      const [{ plan }, figures] = await Promise.all([yearWheelItems(db.connection, q), computeFigures(db.connection, q)]);
      const meetings = plan.filter((p) => p.activity === 'meeting');
      expect(meetings.filter((p) => p.status === 'done').length, school).toBe(figures.planned_meetings_held);
      expect(meetings.filter((p) => p.status === 'missed').length, school).toBe(figures.planned_meetings_missed);
    }
  });

  it('reads nothing outside the allowed schools', async () => {
    const { plan, meetings } = await yearWheelItems(db.connection, followUpQuery({ allowedSchools: ['G1'] }));
    expect(new Set([...plan, ...meetings].map((r) => r.school_id))).toEqual(new Set(['G1']));
  });
});
