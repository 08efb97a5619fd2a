import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../etl/db/openDatabase.ts';
import { computeFigures, computeFiguresBy } from '../../../etl/figures/computeFigures.ts';
import { figureBaseKeys, figureKeys, figureObjectKeys, figureSpecs } from '../../../etl/figures/figureKeys.ts';
import { contractFigures } from '../../../etl/figures/figureRows.ts';
import { caseRow, fixtureDatabase, insert, query, schools } from './figureFixture.ts';

/*
 * Three schools: S1 and S2 in Sandnes, G1 in Gjesdal, plus E1 (Sandnes, no data at all).
 * Per school in the period 2024/25: S1 has 2 held meetings and 1 cancelled, 1 ended case;
 * S2 has 1 held meeting; G1 has 3 held meetings and 2 open cases.
 */
describe('computeFigures and computeFiguresBy', () => {
  let db: Database;
  beforeAll(async () => {
    db = await fixtureDatabase();
    await insert(db.connection, 'schools', [
      ...schools,
      { school_id: 'E1', school_name: 'Eikeberg skole', municipality: 'Sandnes', level: 'barneskole' },
    ]);
    await insert(db.connection, 'meetings', [
      { meeting_id: 's1a', school_id: 'S1', date: '2024-09-02', status: 'held', minutes_written: true },
      { meeting_id: 's1b', school_id: 'S1', date: '2024-09-09', status: 'held', minutes_written: false },
      { meeting_id: 's1c', school_id: 'S1', date: '2024-09-16', status: 'cancelled' },
      { meeting_id: 's2a', school_id: 'S2', date: '2024-09-03', status: 'held', minutes_written: true },
      { meeting_id: 'g1a', school_id: 'G1', date: '2024-09-04', status: 'held' },
      { meeting_id: 'g1b', school_id: 'G1', date: '2024-09-11', status: 'held' },
      { meeting_id: 'g1c', school_id: 'G1', date: '2024-09-18', status: 'held' },
    ]);
    await insert(db.connection, 'cases', [
      caseRow('c1', { school_id: 'S1', first_concern_date: '2024-08-20', closed_date: '2024-09-09', outcome: 'resolved' }), // 20 days
      caseRow('c2', { school_id: 'G1', first_concern_date: '2024-08-20' }),
      caseRow('c3', { school_id: 'G1', kind: 'anonymous', first_concern_date: '2024-09-01' }),
    ]);
    await insert(db.connection, 'discussions', [
      { meeting_id: 's1a', case_id: 'c1' },
      { meeting_id: 'g1a', case_id: 'c2' },
      { meeting_id: 'g1b', case_id: 'c3' },
    ]);
  });
  afterAll(() => db.close());

  it('computeFigures returns every key of section 4 as a number or null, and the bases in n', async () => {
    const f = await computeFigures(db.connection, query());
    expect(Object.keys(contractFigures(f))).toEqual([...figureKeys, ...figureObjectKeys]);
    expect(Object.keys(f.n)).toEqual([...figureBaseKeys]);
    for (const key of figureKeys) expect(f[key] === null || typeof f[key] === 'number').toBe(true);
  });

  it('computeFigures totals all schools', async () => {
    const f = await computeFigures(db.connection, query());
    expect(f).toMatchObject({ meetings_held: 6, meetings_cancelled: 1, individual_case_discussions: 3, cases_ended: 1, open_cases: 2 });
    expect(f.minutes_rate).toBe(2 / 6); // s1a, s2a of six held
    expect(f.n.individual_cases).toBe(3); // c1, c2, c3
  });

  it('an empty period gives 0 for every count and null for every rate, mean and median', async () => {
    const f = await computeFigures(db.connection, query({ from: '2023-01-01', to: '2023-01-31' }));
    for (const spec of figureSpecs) {
      expect(f[spec.key], spec.key).toBe(spec.kind === 'count' || spec.kind === 'sum' ? 0 : null);
    }
  });

  it('computeFigures with school reads that school only', async () => {
    const f = await computeFigures(db.connection, query({ school: 'G1' }));
    expect(f).toMatchObject({ meetings_held: 3, open_cases: 2, cases_ended: 0, individual_case_discussions_per_meeting: 2 / 3 });
  });

  it('computeFigures with municipality reads its schools only', async () => {
    const f = await computeFigures(db.connection, query({ municipality: 'Sandnes' }));
    expect(f).toMatchObject({ meetings_held: 3, meetings_cancelled: 1, cases_ended: 1, open_cases: 0, days_to_end_median: 20 });
  });

  it('allowedSchools excludes a school even when its municipality is asked for', async () => {
    const f = await computeFigures(db.connection, query({ municipality: 'Sandnes', allowedSchools: ['S2', 'G1'] }));
    // Sandnes ∩ {S2, G1} = S2: one held meeting, none of S1's figures
    expect(f).toMatchObject({ meetings_held: 1, meetings_cancelled: 0, cases_ended: 0, minutes_rate: 1 });
  });

  it('allowedSchools excludes a school asked for by id', async () => {
    const f = await computeFigures(db.connection, query({ school: 'S1', allowedSchools: ['S2'] }));
    expect(f).toMatchObject({ meetings_held: 0, cases_ended: 0, minutes_rate: null });
  });

  it('an empty allowedSchools list sees nothing; null sees everything', async () => {
    expect((await computeFigures(db.connection, query({ allowedSchools: [] }))).meetings_held).toBe(0);
    expect((await computeFigures(db.connection, query({ allowedSchools: null }))).meetings_held).toBe(6);
  });

  it('level filters on the school level', async () => {
    expect((await computeFigures(db.connection, query({ level: 'kombinert' }))).meetings_held).toBe(3); // G1
    expect((await computeFigures(db.connection, query({ level: 'ungdomsskole' }))).meetings_held).toBe(1); // S2
  });

  it("computeFiguresBy('school') lists every school in scope in Norwegian order, also one without data", async () => {
    const rows = await computeFiguresBy(db.connection, query(), 'school');
    expect(rows.map((r) => r.school_name)).toEqual(['Austrått skole', 'Bogafjell skole', 'Eikeberg skole', 'Ålgård skole']);
    const empty = rows.find((r) => r.school_id === 'E1');
    expect(empty).toMatchObject({ municipality: 'Sandnes', meetings_held: 0, cases_ended: 0, minutes_rate: null, km_median_days: null });
    expect(rows.find((r) => r.school_id === 'S1')).toMatchObject({ meetings_held: 2, meetings_cancelled: 1, minutes_rate: 1 / 2 });
  });

  it("computeFiguresBy('municipality') groups by the school's municipality within the viewer's scope", async () => {
    const rows = await computeFiguresBy(db.connection, query({ allowedSchools: ['S2', 'G1'] }), 'municipality');
    expect(rows.map(contractFigures).map((r) => [r.municipality, r.meetings_held, r.open_cases])).toEqual([
      ['Gjesdal', 3, 2],
      ['Sandnes', 1, 0],
    ]);
    expect(Object.keys(contractFigures(rows[0]!))).toEqual(['municipality', ...figureKeys, ...figureObjectKeys]);
  });

  it('computeFiguresBy keeps a municipality with no data in the period', async () => {
    const rows = await computeFiguresBy(db.connection, query({ from: '2024-09-10', to: '2024-09-12' }), 'municipality');
    expect(rows.map((r) => [r.municipality, r.meetings_held, r.minutes_rate])).toEqual([
      ['Gjesdal', 1, 0], // g1b, minutes unknown
      ['Sandnes', 0, null],
    ]);
  });

  it('a breakdown adds up to the total for counts', async () => {
    const total = await computeFigures(db.connection, query());
    const rows = await computeFiguresBy(db.connection, query(), 'school');
    for (const key of ['meetings_held', 'meetings_cancelled', 'individual_case_discussions', 'open_cases'] as const) {
      expect(rows.reduce((sum, r) => sum + (r[key] ?? 0), 0)).toBe(total[key]);
    }
  });
});
