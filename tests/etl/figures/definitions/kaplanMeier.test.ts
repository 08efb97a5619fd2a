import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../etl/db/openDatabase.ts';
import { computeFigures } from '../../../../etl/figures/computeFigures.ts';
import { caseRow, fixtureDatabase, insert, query, schools, type Row } from '../figureFixture.ts';

/*
 * Expected medians are worked out by hand the way R's survival package does it:
 * quantile(survfit(Surv(t, ended) ~ 1), 0.5). n(t) counts cases with time >= t, so a case
 * censored at t is at risk at t.
 */

const asOf = '2025-06-01';

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A case that ended t days after a first concern on 2024-09-01. */
const ended = (id: string, t: number): Row =>
  caseRow(id, { first_concern_date: '2024-09-01', closed_date: addDays('2024-09-01', t), outcome: 'resolved' });
/** A case still open on the as-of date, t days after its first concern. */
const censored = (id: string, t: number): Row => caseRow(id, { first_concern_date: addDays(asOf, -t) });

describe('km_median_days', () => {
  let db: Database | undefined;
  afterEach(() => db?.close());

  async function kmMedian(cases: Row[], q = query({ asOf })): Promise<number | null> {
    db = await fixtureDatabase();
    await insert(db.connection, 'schools', schools);
    await insert(db.connection, 'cases', cases);
    return (await computeFigures(db.connection, q)).km_median_days;
  }

  it('km_median_days is the first event time with S(t) <= 0.5', async () => {
    // events at 3, 4, 8: S = 2/3, 1/3, 0 → 4
    expect(await kmMedian([ended('a', 3), ended('b', 4), ended('c', 8)])).toBe(4);
  });

  it('km_median_days keeps a case censored at t at risk at t (ties with events)', async () => {
    // times 5, 10, 10+, 20: t=5 n=4 d=1 S=3/4; t=10 n=3 d=1 S=3/4·2/3=1/2 exactly; next event 20 → (10+20)/2 = 15.
    // (Had the censored case left before the event at 10: n=2, S=3/8 and the median would be 10.)
    expect(await kmMedian([ended('a', 5), ended('b', 10), censored('c', 10), ended('d', 20)])).toBe(15);
  });

  it('km_median_days takes the midpoint when S(t) is exactly 0.5 and an event follows', async () => {
    // times 10, 20, 30, 40 all events: S(20) = 2/4 = 0.5 → (20 + 30) / 2 = 25
    expect(await kmMedian([ended('a', 10), ended('b', 20), ended('c', 30), ended('d', 40)])).toBe(25);
  });

  it('km_median_days takes the midpoint with the largest observed time when no event follows S(t) = 0.5', async () => {
    // times 5, 10, 15+, 25+: S(5)=3/4, S(10)=3/4·2/3=1/2, no later event; largest time 25 → (10+25)/2 = 17.5
    expect(await kmMedian([ended('a', 5), ended('b', 10), censored('c', 15), censored('d', 25)])).toBe(17.5);
  });

  it('km_median_days treats S(t) within 1e-9 of 0.5 as 0.5 (11/12 · 6/11 is 0.49999999999999994 in floating point)', async () => {
    // 12 cases: t=5 one event (n=12, S=11/12); t=10 five events (n=11, S=11/12·6/11=1/2);
    // t=30 one event; five censored at 40. In doubles (11/12)·(6/11) = 0.49999999999999994,
    // so only the tolerance keeps the midpoint rule: (10 + 30) / 2 = 20, not 10.
    expect(0.9166666666666666 * 0.5454545454545454).toBeLessThan(0.5); // the floating-point premise
    const cases = [
      ended('a', 5),
      ...['b', 'c', 'd', 'e', 'f'].map((id) => ended(id, 10)),
      ended('g', 30),
      ...['h', 'i', 'j', 'k', 'l'].map((id) => censored(id, 40)),
    ];
    expect(await kmMedian(cases)).toBe(20);
  });

  it('km_median_days is null when S stays above 0.5', async () => {
    // times 5, 10+, 20+: S(5) = 2/3 and no further event
    expect(await kmMedian([ended('a', 5), censored('b', 10), censored('c', 20)])).toBeNull();
  });

  it('km_median_days is null for an empty cohort', async () => {
    expect(await kmMedian([])).toBeNull();
  });

  it('km_median_days censors at the as-of date and leaves out cases raised after it or outside the period', async () => {
    const cases = [
      caseRow('k1', { first_concern_date: '2024-09-01', closed_date: '2024-09-11', outcome: 'resolved' }),
      caseRow('k2', { first_concern_date: '2024-09-01', closed_date: '2024-12-01', outcome: 'referred_ppt' }),
      caseRow('k3', { first_concern_date: '2024-08-22' }),
      caseRow('k4', { first_concern_date: '2024-10-05' }),
      caseRow('k5', { first_concern_date: '2024-07-01', closed_date: '2024-07-05', outcome: 'resolved' }), // before the period
      caseRow('s1', { kind: 'system', first_concern_date: '2024-09-01', closed_date: '2024-09-02', outcome: 'resolved' }),
    ];
    // as of 2024-10-01: k1 (10, ended); k2 closes after the as-of date → censored at 30; k3 censored at 40;
    // k4 raised after the as-of date: left out. S(10) = 2/3 and no later event → null.
    expect(await kmMedian(cases, query({ asOf: '2024-10-01' }))).toBeNull();
    expect((await computeFigures(db!.connection, query({ asOf: '2024-10-01' }))).n.km_cases).toBe(3);
    db!.close();
    // as of 2025-01-01: k1 (10, ended); k4 censored at 88 (Oct 5 → Jan 1); k2 (91, ended: Sep 1 → Dec 1);
    // k3 censored at 132 (Aug 22 → Jan 1). S(10) = 3/4; t=91: n=2, S = 3/4 · 1/2 = 3/8 → 91
    expect(await kmMedian(cases, query({ asOf: '2025-01-01' }))).toBe(91);
    expect((await computeFigures(db!.connection, query({ asOf: '2025-01-01' }))).n.km_cases).toBe(4);
  });
});
