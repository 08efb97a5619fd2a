/**
 * The follow-up lists read the figure facts (sorted by school, so a school reads only its own
 * rows). Before, they read the contract tables; the reference below is that SQL, kept in the
 * test with its own scope (a list of school ids), and the lists must equal it row for row, in
 * order, for every school, every municipality and the whole country of the sample data, over
 * two periods, and on the hand-made 4b fixture with a case discussed at another school's meeting.
 */
import { DATE, LIST, VARCHAR, dateValue, listValue, type DuckDBConnection } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import type { FigureQuery } from '../../../etl/figures/figureQuery.ts';
import { followUpLists, type FollowUpLists } from '../../../etl/followup/followUpLists.ts';
import { useReadOnlySample } from '../../helpers/readOnlySample.ts';
import { fixtureDatabase, insert } from '../figures/figureFixture.ts';
import { followUpQuery, insertFollowUpFixture } from './followUpFixture.ts';

const iso = (c: string) => `strftime(${c}, '%Y-%m-%d')`;
const held = `coalesce(m.status, 'held') = 'held'`;
const agenda = `coalesce(m.agenda_sent_date < m.date, false)`;
const inScope = (column: string) => `list_contains($schools, ${column})`;

/** The lists as they were computed from the contract tables (text ids, import order). */
const reference: Record<keyof FollowUpLists, string> = {
  missed_meetings: `
WITH held_meetings AS (SELECT school_id, date FROM meetings m WHERE ${held})
SELECT y.school_id, ${iso('y.date')} AS date
FROM yearwheel y
WHERE ${inScope('y.school_id')} AND y.activity = 'meeting' AND y.date BETWEEN $from AND $to AND y.date <= $as_of
  AND NOT EXISTS (SELECT 1 FROM held_meetings h WHERE h.school_id = y.school_id AND abs(h.date - y.date) <= 3)
ORDER BY y.school_id, y.date`,
  overdue_evaluations: `
SELECT me.measure_id, me.case_id, c.school_id, me.level, me.responsible_role,
       ${iso('me.evaluation_due_date')} AS evaluation_due_date, ($as_of - me.evaluation_due_date)::INTEGER AS days_overdue
FROM measures me JOIN cases c USING (case_id)
WHERE ${inScope('c.school_id')} AND me.evaluation_due_date BETWEEN $from AND $to AND me.evaluation_due_date < $as_of
  AND NOT coalesce(me.evaluated_date <= $as_of, false)
ORDER BY days_overdue DESC, me.measure_id`,
  consent_deviations: `
WITH discussed AS (
  SELECT DISTINCT d.case_id FROM discussions d JOIN meetings m USING (meeting_id)
  WHERE ${held} AND ${inScope('m.school_id')} AND m.date BETWEEN $from AND $to
), first_discussions AS (
  SELECT d.case_id, min(m.date) AS first_discussion_date FROM discussions d JOIN meetings m USING (meeting_id)
  WHERE ${held} AND d.case_id IN (SELECT case_id FROM discussed) GROUP BY d.case_id
)
SELECT c.case_id, c.school_id, ${iso('f.first_discussion_date')} AS first_discussion_date, ${iso('c.consent_date')} AS consent_date
FROM cases c JOIN first_discussions f USING (case_id)
WHERE c.kind = 'individual' AND NOT coalesce(c.consent_date <= f.first_discussion_date, false)
ORDER BY f.first_discussion_date, c.case_id`,
  meetings_missing_agenda_or_minutes: `
SELECT m.meeting_id, m.school_id, ${iso('m.date')} AS date, ${agenda} AS agenda_in_advance, m.minutes_written
FROM meetings m
WHERE ${inScope('m.school_id')} AND ${held} AND m.date BETWEEN $from AND $to AND NOT (${agenda} AND coalesce(m.minutes_written, false))
ORDER BY m.date, m.meeting_id`,
  open_cases_by_age: `
SELECT c.case_id, c.school_id, c.kind, ${iso('c.first_concern_date')} AS first_concern_date,
       (least($to, $as_of) - c.first_concern_date)::INTEGER AS age_days
FROM cases c
WHERE ${inScope('c.school_id')} AND c.kind IN ('individual', 'anonymous') AND c.first_concern_date <= $to
  AND NOT coalesce(c.closed_date <= $to, false)
ORDER BY age_days DESC, c.case_id`,
};

function date(text: string) {
  const [year, month, day] = text.split('-').map(Number);
  return dateValue({ year: year!, month: month!, day: day! });
}

async function referenceLists(conn: DuckDBConnection, q: FigureQuery, schools: readonly string[]): Promise<FollowUpLists> {
  const out: Record<string, unknown[]> = {};
  for (const [name, sql] of Object.entries(reference)) {
    const all = { schools: listValue([...schools]), from: date(q.from), to: date(q.to), as_of: date(q.asOf) };
    const allTypes = { schools: LIST(VARCHAR), from: DATE, to: DATE, as_of: DATE };
    // DuckDB refuses values for parameters the SQL does not use.
    const used = (Object.keys(all) as Array<keyof typeof all>).filter((k) => sql.includes(`$${k}`));
    const values = Object.fromEntries(used.map((k) => [k, all[k]]));
    const types = Object.fromEntries(used.map((k) => [k, allTypes[k]]));
    const reader = await conn.runAndReadAll(sql, values, types);
    out[name] = reader.getRowObjectsJson().map((row) => ({ ...row }));
  }
  return out as unknown as FollowUpLists;
}

async function schoolsOf(conn: DuckDBConnection, where = 'true'): Promise<string[]> {
  const reader = await conn.runAndReadAll(`SELECT school_id FROM schools WHERE ${where} ORDER BY school_id`);
  return reader.getRows().map((r) => String(r[0]));
}

const periods: readonly FigureQuery[] = [
  { from: '2024-08-01', to: '2025-07-31', asOf: '2025-08-01' },
  { from: '2025-08-01', to: '2026-07-31', asOf: '2026-03-15' },
];

describe('the lists from the facts equal the lists from the contract tables', () => {
  const sample = useReadOnlySample('rt-lists-', 60_000);

  it('for every school, every municipality and all schools of the sample data', async () => {
    const schools = await schoolsOf(sample.conn);
    const municipalities = (await sample.conn.runAndReadAll('SELECT DISTINCT municipality FROM schools ORDER BY 1')).getRows().map((r) => String(r[0]));
    const rowsSeen: Record<string, number> = {};
    for (const period of periods) {
      const scopes: Array<[Partial<FigureQuery>, string[]]> = [
        [{}, schools],
        ...schools.map((s): [Partial<FigureQuery>, string[]] => [{ school: s }, [s]]),
      ];
      for (const m of municipalities) scopes.push([{ municipality: m }, await schoolsOf(sample.conn, `municipality = '${m.replaceAll("'", "''")}'`)]);
      for (const [scope, ids] of scopes) {
        const lists = await followUpLists(sample.conn, { ...period, ...scope });
        expect(lists, JSON.stringify({ period, scope })).toEqual(await referenceLists(sample.conn, period, ids));
        for (const [name, rows] of Object.entries(lists)) rowsSeen[name] = (rowsSeen[name] ?? 0) + rows.length;
      }
    }
    // The sample data is rich enough that every list is compared on real rows.
    for (const name of Object.keys(reference)) expect(rowsSeen[name], name).toBeGreaterThan(20);
  }, 120_000);

  it('on the 4b fixture, also with a case discussed at another school and an allowed-schools scope', async () => {
    const db = await fixtureDatabase();
    try {
      await insertFollowUpFixture(db.connection);
      // S1's case c2 is also discussed at G1's meeting: G1's consent list names it under S1.
      await insert(db.connection, 'discussions', [{ meeting_id: 'g1-0910', case_id: 'c2' }]);
      const c = db.connection;
      const g1 = await followUpLists(c, followUpQuery({ school: 'G1' }));
      expect(g1.consent_deviations).toEqual([{ case_id: 'c2', school_id: 'S1', first_discussion_date: '2024-09-10', consent_date: null }]);
      for (const [scope, ids] of [
        [{}, ['S1', 'S2', 'G1']],
        [{ school: 'G1' }, ['G1']],
        [{ school: 'S1' }, ['S1']],
        [{ municipality: 'Sandnes', allowedSchools: ['S2', 'G1'] }, ['S2']],
      ] as Array<[Partial<FigureQuery>, string[]]>) {
        expect(await followUpLists(c, followUpQuery(scope))).toEqual(await referenceLists(c, followUpQuery(), ids));
      }
    } finally {
      db.close();
    }
  });
});
