import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../etl/db/openDatabase.ts';
import { computeFigures } from '../../../../etl/figures/computeFigures.ts';
import { fixtureDatabase, insert, query, schools } from '../figureFixture.ts';

describe('meeting figures', () => {
  let db: Database;
  beforeAll(async () => {
    db = await fixtureDatabase();
    await insert(db.connection, 'schools', schools);
    await insert(db.connection, 'meetings', [
      { meeting_id: 'm0', school_id: 'S1', date: '2024-08-01', status: 'held', minutes_written: true }, // first day: in
      { meeting_id: 'm1', school_id: 'S1', date: '2024-09-02', status: 'held', agenda_sent_date: '2024-08-30', minutes_written: true },
      { meeting_id: 'm2', school_id: 'S1', date: '2024-09-09', status: 'held', agenda_sent_date: '2024-09-09', minutes_written: false }, // same day: not in advance
      { meeting_id: 'm3', school_id: 'S1', date: '2024-09-16', status: null }, // no status: held (the default)
      { meeting_id: 'm4', school_id: 'S1', date: '2024-09-23', status: 'cancelled', agenda_sent_date: '2024-09-20', minutes_written: true },
      { meeting_id: 'm5', school_id: 'S1', date: '2025-07-31', status: 'held', agenda_sent_date: '2025-07-30', minutes_written: true }, // last day: in
      { meeting_id: 'm6', school_id: 'S1', date: '2024-07-31', status: 'held', agenda_sent_date: '2024-07-01', minutes_written: true }, // before
      { meeting_id: 'm7', school_id: 'S1', date: '2025-08-01', status: 'cancelled' }, // after
    ]);
  });
  afterAll(() => db.close());

  it('meetings_held counts held meetings in the period, both ends included, a missing status as held', async () => {
    const f = await computeFigures(db.connection, query());
    expect(f.meetings_held).toBe(5); // m0, m1, m2, m3, m5
    expect(f.n.meetings_held).toBe(5);
  });

  it('meetings_cancelled counts cancelled meetings in the period only', async () => {
    const f = await computeFigures(db.connection, query());
    expect(f.meetings_cancelled).toBe(1); // m4; m7 is after the period
  });

  it('agenda_in_advance_rate counts an agenda sent before the meeting day, over held meetings', async () => {
    const f = await computeFigures(db.connection, query());
    expect(f.agenda_in_advance_rate).toBe(2 / 5); // m1, m5 of m0 m1 m2 m3 m5; the cancelled m4 is not held
  });

  it('minutes_rate counts held meetings with minutes_written true', async () => {
    const f = await computeFigures(db.connection, query());
    expect(f.minutes_rate).toBe(3 / 5); // m0, m1, m5; m2 false, m3 unknown
  });

  it('an empty period gives 0 meetings and null rates, not 0', async () => {
    const f = await computeFigures(db.connection, query({ from: '2024-10-01', to: '2024-10-31' }));
    expect(f).toMatchObject({ meetings_held: 0, meetings_cancelled: 0, agenda_in_advance_rate: null, minutes_rate: null });
  });

  it('a period with only cancelled meetings has rates null', async () => {
    const f = await computeFigures(db.connection, query({ from: '2024-09-23', to: '2024-09-23' }));
    expect(f).toMatchObject({ meetings_held: 0, meetings_cancelled: 1, agenda_in_advance_rate: null, minutes_rate: null });
  });
});
