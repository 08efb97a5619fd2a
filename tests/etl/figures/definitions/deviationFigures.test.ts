/**
 * The deviation figures of contract section 4d on a hand-made table, every expected value
 * worked out by hand in the comments: the school year 2024/25 read on 1 August 2025, so the
 * answer to a deviation dated 2 June 2025 is due exactly 60 days before the as-of date (not
 * overdue yet) and one dated 1 June 2025 61 days before (overdue).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../etl/db/openDatabase.ts';
import { computeFigures, computeFiguresBy } from '../../../../etl/figures/computeFigures.ts';
import { monthlySeries } from '../../../../etl/figures/monthlySeries.ts';
import { fixtureDatabase, insert, query, schools } from '../figureFixture.ts';

interface Deviation {
  id: string;
  school?: string;
  date: string;
  agencies: string;
  principle?: boolean | null;
  escalated?: string;
  answered?: string;
  resolved?: string;
}

async function insertDeviations(conn: DuckDBConnection, rows: readonly Deviation[]): Promise<void> {
  for (const d of rows) {
    await conn.run(
      `INSERT INTO deviations (deviation_id, school_id, date, agencies, principle, escalated_date, answered_date, resolved_date)
       VALUES ($id, $school, $date::DATE, string_split($agencies, '|'), $principle, $escalated::DATE, $answered::DATE, $resolved::DATE)`,
      {
        id: d.id, school: d.school ?? 'S1', date: d.date, agencies: d.agencies, principle: d.principle ?? null,
        escalated: d.escalated ?? null, answered: d.answered ?? null, resolved: d.resolved ?? null,
      },
    );
  }
}

// Period 2024-08-01 – 2025-07-31, as-of 2025-08-01 (the fixture's query()).
const deviations: Deviation[] = [
  // reported, of principle, escalated, answered, resolved in the period after 30 days
  { id: 'd1', date: '2024-09-10', agencies: 'school|child_psychiatry', principle: true, escalated: '2024-09-20', answered: '2024-10-01', resolved: '2024-10-10' },
  // before the period, resolved in it after 5 days: only in the median
  { id: 'd2', date: '2024-07-31', agencies: 'school|social_services', resolved: '2024-08-05' },
  // the last day, BUP named twice (counts once), resolved exactly on `to` after 0 days: not open
  { id: 'd3', date: '2025-07-31', agencies: 'school|child_psychiatry|child_psychiatry', principle: false, resolved: '2025-07-31' },
  // escalated after the as-of date (not escalated yet); resolved the day after `to` (open at `to`),
  // which is the as-of date: not overdue
  { id: 'd4', date: '2025-03-01', agencies: 'school|habilitation', escalated: '2025-08-02', resolved: '2025-08-01' },
  // exactly 60 days before the as-of date, no answer: not overdue yet; open
  { id: 'd5', date: '2025-06-02', agencies: 'ppt|health' },
  // 61 days before, no answer: overdue; open; of principle
  { id: 'd6', date: '2025-06-01', agencies: 'school|other', principle: true },
  // answered in time: not overdue; open; escalated
  { id: 'd7', date: '2025-05-01', agencies: 'school|child_medicine', escalated: '2025-05-02', answered: '2025-06-20' },
  // after the period: nowhere
  { id: 'd8', date: '2025-08-15', agencies: 'school|ppt' },
  // the other municipality's school, resolved in the period after 92 days
  { id: 'd9', school: 'G1', date: '2024-10-01', agencies: 'school|social_services', resolved: '2025-01-01' },
  // long before the period, never answered nor resolved: open and overdue, not reported
  { id: 'd10', date: '2024-01-01', agencies: 'social_services|child_psychiatry' },
  // answered after the as-of date: overdue; open
  { id: 'd11', date: '2025-04-01', agencies: 'school|child_psychiatry', answered: '2025-08-05' },
  // dated and resolved before the period (after 44 days): in no figure, not in the median
  { id: 'd12', date: '2024-06-01', agencies: 'school|health', resolved: '2024-07-15' },
];

let db: Database;
let conn: DuckDBConnection;
beforeAll(async () => {
  db = await fixtureDatabase();
  conn = db.connection;
  await insert(conn, 'schools', schools);
  await insertDeviations(conn, deviations);
});
afterAll(() => db.close());

const deviationFigures = (f: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(f).filter(([k]) => k.startsWith('deviation')));

describe('the deviation figures (4d)', () => {
  it('computeFigures counts reported, of principle, escalated, open and overdue deviations, the median days to resolve, and per agency', async () => {
    const f = await computeFigures(conn, query());
    expect(deviationFigures(f)).toEqual({
      deviations_reported: 8, // d1 d3 d4 d5 d6 d7 d9 d11
      deviations_of_principle: 2, // d1 d6
      deviations_escalated: 2, // d1 d7 (d4 escalated after the as-of date)
      deviations_open: 6, // d4 d5 d6 d7 d10 d11 (d3 resolved on `to`)
      deviations_answer_overdue: 3, // d6 d10 d11 (d5 exactly 60 days; d4 resolved on the as-of date)
      deviation_days_to_resolve_median: 17.5, // d3 0, d2 5, d1 30, d9 92: (5 + 30) / 2
      // d1 d3 d4 d6 d7 d9 d11 name the school; d3 names BUP twice but counts once
      deviations_by_agency: { child_medicine: 1, child_psychiatry: 3, habilitation: 1, health: 1, other: 1, ppt: 1, school: 7, social_services: 1 },
    });
    expect([f.n.deviations_reported, f.n.deviations_open, f.n.deviations_answer_overdue, f.n.deviations_resolved]).toEqual([8, 6, 3, 4]);
  });

  it('computeFigures one day later (as-of 2025-08-02): d4 is escalated, d5 is 61 days old and overdue, d4 is resolved and not', async () => {
    const f = await computeFigures(conn, query({ asOf: '2025-08-02' }));
    expect([f.deviations_escalated, f.deviations_answer_overdue]).toEqual([3, 4]); // d1 d4 d7; d5 d6 d10 d11
  });

  it('computeFigures one day earlier (as-of 2025-07-31): d6 is 60 days old, d4 is unresolved on the as-of date and overdue', async () => {
    const f = await computeFigures(conn, query({ asOf: '2025-07-31' }));
    expect(f.deviations_answer_overdue).toBe(3); // d4 d10 d11
    expect(f.deviations_open).toBe(6); // open does not depend on the as-of date
  });

  it('computeFigures over a period ending the day before d3 was resolved leaves d3 out of the median and the reported', async () => {
    const f = await computeFigures(conn, query({ to: '2025-07-30' }));
    expect(f.deviations_reported).toBe(7);
    expect(f.deviation_days_to_resolve_median).toBe(30); // 5, 30, 92
  });

  it('computeFigures scopes like every figure: one school, one municipality, a level', async () => {
    const g1 = { deviations_reported: 1, deviations_of_principle: 0, deviations_escalated: 0, deviations_open: 0, deviations_answer_overdue: 0, deviation_days_to_resolve_median: 92, deviations_by_agency: { school: 1, social_services: 1 } };
    expect(deviationFigures(await computeFigures(conn, query({ school: 'G1' })))).toEqual(g1);
    expect(deviationFigures(await computeFigures(conn, query({ municipality: 'Gjesdal' })))).toEqual(g1);
    expect(deviationFigures(await computeFigures(conn, query({ level: 'kombinert' })))).toEqual(g1);
    expect(deviationFigures(await computeFigures(conn, query({ school: 'S2' })))).toEqual({
      deviations_reported: 0, deviations_of_principle: 0, deviations_escalated: 0, deviations_open: 0, deviations_answer_overdue: 0,
      deviation_days_to_resolve_median: null, deviations_by_agency: {},
    });
  });

  it('computeFigures reads only the allowed schools', async () => {
    const f = await computeFigures(conn, query({ allowedSchools: ['G1'] }));
    expect(f.deviations_reported).toBe(1);
  });

  it('computeFiguresBy school gives every school its row, with the object per agency', async () => {
    const rows = await computeFiguresBy(conn, query(), 'school');
    expect(rows.map((r) => [r.school_id, r.deviations_reported, r.deviations_open, r.deviation_days_to_resolve_median, r.deviations_by_agency])).toEqual([
      ['S1', 7, 6, 5, { child_medicine: 1, child_psychiatry: 3, habilitation: 1, health: 1, other: 1, ppt: 1, school: 6 }], // 0, 5, 30
      ['S2', 0, 0, null, {}],
      ['G1', 1, 0, 92, { school: 1, social_services: 1 }],
    ]);
  });

  it('computeFiguresBy municipality sums the schools', async () => {
    const rows = await computeFiguresBy(conn, query(), 'municipality');
    expect(rows.map((r) => [r.municipality, r.deviations_reported, r.deviations_answer_overdue])).toEqual([
      ['Gjesdal', 1, 0],
      ['Sandnes', 7, 3],
    ]);
  });

  it('monthlySeries counts each month: July 2025 has d3 reported and resolved, June 2025 d5 and d6', async () => {
    const rows = await monthlySeries(conn, query({ from: '2025-06-01', to: '2025-07-31' }));
    expect(rows.map((r) => [r.month, r.deviations_reported, r.deviations_open, r.deviation_days_to_resolve_median])).toEqual([
      ['2025-06', 2, 6, null], // open at 30 June: d4 d5 d6 d7 d10 d11; none resolved in June
      ['2025-07', 1, 6, 0], // d3 reported and resolved on 31 July: the same six open
    ]);
  });
});
