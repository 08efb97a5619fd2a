import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../etl/db/openDatabase.ts';
import { computeFigures } from '../../../etl/figures/computeFigures.ts';
import { survivalCurves } from '../../../etl/figures/survivalCurves.ts';
import { caseRow, fixtureDatabase, insert, query, schools } from './figureFixture.ts';

/*
 * Six cases raised in the period, as of 2025-06-01:
 *   t=5 resolved, t=10 referred_ppt, t=10 censored, t=20 referred_other, t=30 resolved, t=40 censored.
 * By hand, S(s−) the survival just before s:
 *   t=5:  n=6 d=1  S = 5/6             CIF_resolved += 1·1/6          = 1/6
 *   t=10: n=5 d=1  S = 5/6·4/5 = 2/3   CIF_ppt      += 5/6·1/5        = 1/6
 *   t=20: n=3 d=1  S = 2/3·2/3 = 4/9   CIF_other    += 2/3·1/3        = 2/9
 *   t=30: n=2 d=1  S = 4/9·1/2 = 2/9   CIF_resolved += 4/9·1/2 = 2/9  → 1/6 + 2/9 = 7/18
 *   t=40: n=1 c=1  S = 2/9
 * At t=40: 2/9 + 7/18 + 1/6 + 2/9 = (4 + 7 + 3 + 4)/18 = 1.
 */
describe('survivalCurves', () => {
  let db: Database;
  const q = query({ asOf: '2025-06-01' });
  beforeAll(async () => {
    db = await fixtureDatabase();
    await insert(db.connection, 'schools', schools);
    const fc = '2024-09-01';
    await insert(db.connection, 'cases', [
      caseRow('r5', { first_concern_date: fc, closed_date: '2024-09-06', outcome: 'resolved' }),
      caseRow('p10', { first_concern_date: fc, closed_date: '2024-09-11', outcome: 'referred_ppt' }),
      caseRow('c10', { first_concern_date: '2025-05-22' }), // open: censored at 2025-06-01, 10 days
      caseRow('o20', { kind: 'anonymous', first_concern_date: fc, closed_date: '2024-09-21', outcome: 'referred_other' }),
      caseRow('r30', { first_concern_date: fc, closed_date: '2024-10-01', outcome: 'resolved' }),
      caseRow('c40', { first_concern_date: '2025-04-22' }), // censored at 40 days (8 + 31 + 1)
      caseRow('g1', { school_id: 'G1', first_concern_date: fc, closed_date: '2024-09-03', outcome: 'resolved' }),
    ]);
  });
  afterAll(() => db.close());

  it('survivalCurves gives Kaplan–Meier points with at-risk, events and censorings per time', async () => {
    const points = await survivalCurves(db.connection, { ...q, municipality: 'Sandnes' });
    expect(points.map((p) => [p.t, p.at_risk, p.events, p.censored])).toEqual([
      [5, 6, 1, 0],
      [10, 5, 1, 1],
      [20, 3, 1, 0],
      [30, 2, 1, 0],
      [40, 1, 0, 1],
    ]);
    const expected = [5 / 6, 2 / 3, 4 / 9, 2 / 9, 2 / 9];
    points.forEach((p, i) => expect(p.survival).toBeCloseTo(expected[i]!, 12));
  });

  it('survivalCurves gives the Aalen–Johansen cumulative incidence of each outcome', async () => {
    const points = await survivalCurves(db.connection, { ...q, municipality: 'Sandnes' });
    const at = (t: number) => points.find((p) => p.t === t)!;
    expect(at(5).cif_resolved).toBeCloseTo(1 / 6, 12);
    expect(at(10).cif_referred_ppt).toBeCloseTo(1 / 6, 12);
    expect(at(20).cif_referred_other).toBeCloseTo(2 / 9, 12);
    expect(at(30).cif_resolved).toBeCloseTo(7 / 18, 12);
    expect(at(40).cif_referred).toBeCloseTo(1 / 6 + 2 / 9, 12);
  });

  it('survival and the cumulative incidences of all outcomes sum to 1 at every time', async () => {
    const points = await survivalCurves(db.connection, { ...q, municipality: 'Sandnes' });
    for (const p of points) expect(p.survival + p.cif_resolved + p.cif_referred_ppt + p.cif_referred_other).toBeCloseTo(1, 12);
  });

  it('survivalCurves covers the cohort of km_median_days', async () => {
    const f = await computeFigures(db.connection, { ...q, municipality: 'Sandnes' });
    expect(f.km_median_days).toBe(20); // first event time with S <= 0.5: S(20) = 4/9
    expect(f.n.km_cases).toBe(6);
  });

  it("survivalCurves(by 'school') gives each school its own curve", async () => {
    const points = await survivalCurves(db.connection, q, 'school');
    expect(points.map((p) => [p.school_id, p.t, p.survival])).toEqual([
      ['S1', 5, 5 / 6],
      ['S1', 10, expect.closeTo(2 / 3, 12)],
      ['S1', 20, expect.closeTo(4 / 9, 12)],
      ['S1', 30, expect.closeTo(2 / 9, 12)],
      ['S1', 40, expect.closeTo(2 / 9, 12)],
      ['G1', 2, 0], // Ålgård sorts last
    ]);
  });
});
