import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../etl/db/openDatabase.ts';
import { computeFigures } from '../../../etl/figures/computeFigures.ts';
import { monthlySeries } from '../../../etl/figures/monthlySeries.ts';
import { caseRow, fixtureDatabase, insert, query, schools, type Row } from './figureFixture.ts';

/*
 * The monthly Kaplan–Meier median, worked out by hand per month. A month's cohort is the
 * individual-part cases first reported in that month (README, "Choices in the key figures");
 * every case is censored at the as-of date 2024-12-01 if not ended by then. The median is
 * R's quantile(survfit(Surv(t, ended) ~ 1), 0.5): the first event time with S(t) <= 0.5,
 * and where S(t) is exactly 0.5 the midpoint of t and the next event time (or the largest
 * observed time when no event follows). n(t) counts the cases with time >= t.
 *
 * Each month's cases are chosen so that pooling months (a window or join without `period`)
 * gives a different number in some month.
 */

const asOf = '2024-12-01';
const ended = (id: string, first: string, closed: string, fields: Row = {}): Row =>
  caseRow(id, { first_concern_date: first, closed_date: closed, outcome: 'resolved', ...fields });
const open = (id: string, first: string, fields: Row = {}): Row => caseRow(id, { first_concern_date: first, ...fields });

const s1Cases: readonly Row[] = [
  // Before the period: in no month.
  ended('a1', '2024-08-30', '2024-09-03'),
  // A system case: not individual-part, in no cohort.
  ended('x1', '2024-09-02', '2024-09-03', { kind: 'system' }),

  // September: times 10, 20, 30, 40, 50 (events) and 90+ (open: 2 Sep → 1 Dec = 28 + 31 + 30 + 1 = 90).
  //   t=10 n=6 d=1 S=5/6; t=20 n=5 S=5/6·4/5=4/6; t=30 n=4 S=4/6·3/4=1/2 exactly
  //   → midpoint with the next event time 40: (30 + 40) / 2 = 35.
  ended('s1', '2024-09-02', '2024-09-12'), // 10
  ended('s2', '2024-09-05', '2024-09-25'), // 20
  ended('s3', '2024-09-10', '2024-10-10'), // 30 (20 days of September + 10)
  ended('s4', '2024-09-15', '2024-10-25'), // 40 (15 + 25)
  ended('s5', '2024-09-20', '2024-11-09', { outcome: 'referred_ppt' }), // 50 (10 + 31 + 9)
  open('s6', '2024-09-02'), // censored at 90

  // October: o2 closes on 15 Dec, after the as-of date, so it is censored at 1 Oct → 1 Dec = 61
  //   (not an event at 75); o3 is open and censored at 10 Oct → 1 Dec = 21 + 31 = 52.
  //   Times 10, 30, 52+, 61+: t=10 n=4 S=3/4; t=30 n=3 S=3/4·2/3=1/2 exactly, and no event follows
  //   → midpoint with the largest observed time of the month, 61: (30 + 61) / 2 = 45.5.
  //   (Had o2 counted as ended at 75, the median would be (30 + 75) / 2 = 52.5.)
  ended('o1', '2024-10-01', '2024-10-11'), // 10
  ended('o2', '2024-10-01', '2024-12-15'), // censored at 61
  open('o3', '2024-10-10'), // censored at 52
  ended('o4', '2024-10-20', '2024-11-19', { outcome: 'referred_other' }), // 30 (11 + 19)

  // November: times 5, 6+, 7, 20. n2 is censored at 6 (25 Nov → 1 Dec) and leaves the risk set
  //   before 7: t=5 n=4 S=3/4; t=7 n=2 S=3/4·1/2=3/8 → 7.
  ended('n1', '2024-11-04', '2024-11-09'), // 5
  open('n2', '2024-11-25'), // censored at 6
  ended('n3', '2024-11-05', '2024-11-12'), // 7
  ended('n4', '2024-11-01', '2024-11-21'), // 20

  // December: d1 is raised on the as-of date itself (censored at 0); d2 after it, left out.
  //   One case, no event → null.
  open('d1', '2024-12-01'),
  open('d2', '2024-12-10'),
];

// Another school: its September cohort is t=1 and t=3, S(1)=1/2 exactly → (1 + 3) / 2 = 2.
const g1Cases: readonly Row[] = [
  ended('g1', '2024-09-03', '2024-09-04', { school_id: 'G1' }),
  ended('g2', '2024-09-03', '2024-09-06', { school_id: 'G1' }),
];

describe('monthly km_median_days', () => {
  let db: Database;
  const q = query({ from: '2024-09-01', to: '2024-12-31', asOf });
  beforeAll(async () => {
    db = await fixtureDatabase();
    await insert(db.connection, 'schools', schools);
    await insert(db.connection, 'cases', [...s1Cases, ...g1Cases]);
  });
  afterAll(() => db.close());

  it('monthly km_median_days follows each month’s own cohort, censored at the as-of date', async () => {
    const rows = await monthlySeries(db.connection, { ...q, school: 'S1' });
    expect(rows.map((r) => [r.month, r.km_median_days, r.n.km_cases])).toEqual([
      ['2024-09', 35, 6], // S(30) = 0.5 exactly: midpoint with the next event
      ['2024-10', 45.5, 4], // censored at the as-of date; S(30) = 0.5 with no later event
      ['2024-11', 7, 4],
      ['2024-12', null, 1],
    ]);
  });

  it('monthly km_median_days keeps schools apart', async () => {
    const rows = await monthlySeries(db.connection, q, 'school');
    expect(rows.filter((r) => r.month === '2024-09').map((r) => [r.school_id, r.km_median_days, r.n.km_cases])).toEqual([
      ['S1', 35, 6],
      ['S2', null, 0],
      ['G1', 2, 2],
    ]);
  });

  it('the whole-period km_median_days pools every month of the period', async () => {
    // S1's 15 cases (a1, x1 and d2 left out) as one cohort. Times in order:
    //   0+ (d1), 5, 6+, 7, 10, 10, 20, 20, 30, 30, 40, 50, 52+, 61+, 90+.
    //   t=5 n=14 S=13/14; t=7 n=12 S=13/14·11/12=143/168; t=10 n=11 d=2 S=143/168·9/11=117/168;
    //   t=20 n=9 d=2 S=117/168·7/9=91/168; t=30 n=7 d=2 S=91/168·5/7=65/168 <= 0.5 → 30.
    const [whole] = await monthlySeries(db.connection, { ...q, from: '2024-09-01', to: '2024-09-30', school: 'S1' });
    expect(whole?.km_median_days).toBe(35); // a one-month period is that month
    const f = await computeFigures(db.connection, { ...q, school: 'S1' });
    expect(f.n.km_cases).toBe(15);
    expect(f.km_median_days).toBe(30);
  });
});
