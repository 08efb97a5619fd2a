/**
 * What the generator promises beyond the contract, as queries that count offending rows
 * (each must count 0) over a folder loaded by `loadFolder`. Dates are checked against the
 * window every scale shares: 1 August 2024 (sample) or earlier, to 31 July 2026.
 */

export interface RealismCheck {
  readonly name: string;
  readonly sql: string;
}

const discussionFacts = `
  SELECT d.*, m.school_id AS meeting_school, m.status, m.date, c.school_id AS case_school, c.kind,
         c.first_concern_date, c.reported_date, c.closed_date
  FROM discussions d JOIN meetings m USING (meeting_id) JOIN cases c USING (case_id)`;

export const realismChecks: readonly RealismCheck[] = [
  { name: 'discussions take place at held meetings only', sql: `SELECT count(*) FROM (${discussionFacts}) WHERE status <> 'held'` },
  { name: 'a case is discussed at meetings of its own school', sql: `SELECT count(*) FROM (${discussionFacts}) WHERE meeting_school <> case_school` },
  {
    name: 'discussions fall between the report (or first concern) and the closure',
    sql: `SELECT count(*) FROM (${discussionFacts})
          WHERE date < coalesce(reported_date, first_concern_date) OR date < first_concern_date OR date > closed_date`,
  },
  { name: 'a case is discussed at most six times', sql: `SELECT count(*) FROM (SELECT case_id FROM discussions GROUP BY 1 HAVING count(*) > 6)` },
  {
    name: 'a closed case was discussed at least once',
    sql: `SELECT count(*) FROM cases c WHERE closed_date IS NOT NULL AND NOT EXISTS (SELECT 1 FROM discussions d WHERE d.case_id = c.case_id)`,
  },
  {
    name: 'the grade fits the school level',
    sql: `SELECT count(*) FROM cases JOIN schools s USING (school_id)
          WHERE (s.level = 'barneskole' AND grade > 7) OR (s.level = 'ungdomsskole' AND grade < 8)`,
  },
  { name: 'the report comes 0–30 days after the first concern', sql: `SELECT count(*) FROM cases WHERE reported_date - first_concern_date NOT BETWEEN 0 AND 30` },
  { name: 'student_ref looks like E-12345', sql: `SELECT count(*) FROM cases WHERE NOT regexp_full_match(student_ref, 'E-\\d{5}')` },
  { name: 'every individual case has a student_ref', sql: `SELECT count(*) FROM cases WHERE kind = 'individual' AND student_ref IS NULL` },
  {
    name: 'measures start on or after the first concern and not after the closure',
    sql: `SELECT count(*) FROM measures JOIN cases c USING (case_id) WHERE started_date < first_concern_date OR started_date > closed_date`,
  },
  {
    name: 'a measure not started has no evaluation dates',
    sql: `SELECT count(*) FROM measures WHERE started_date IS NULL AND (evaluated_date IS NOT NULL OR evaluation_due_date IS NOT NULL)`,
  },
  {
    name: 'evaluation is due 4–8 weeks after the start',
    sql: `SELECT count(*) FROM measures WHERE evaluation_due_date - started_date NOT BETWEEN 28 AND 56`,
  },
  { name: 'staff_reached is 1–40 on system measures only', sql: `SELECT count(*) FROM measures WHERE staff_reached NOT BETWEEN 1 AND 40 OR (staff_reached IS NOT NULL AND level <> 'system')` },
  {
    name: 'measures are only made on cases that were discussed',
    sql: `SELECT count(*) FROM measures m WHERE NOT EXISTS (SELECT 1 FROM discussions d WHERE d.case_id = m.case_id)`,
  },
  { name: 'no meetings in July or at weekends', sql: `SELECT count(*) FROM meetings WHERE month(date) = 7 OR isodow(date) > 5` },
  {
    name: 'no meetings between 17 December and 3 January',
    sql: `SELECT count(*) FROM meetings WHERE (month(date) = 12 AND day(date) >= 17) OR (month(date) = 1 AND day(date) <= 3)`,
  },
  { name: 'held meetings have 15–90 minutes per part', sql: `SELECT count(*) FROM meetings WHERE system_minutes NOT BETWEEN 15 AND 90 OR individual_minutes NOT BETWEEN 15 AND 90` },
  {
    name: 'cancelled meetings have no minutes, participants or written minutes',
    sql: `SELECT count(*) FROM meetings WHERE status = 'cancelled' AND (system_minutes IS NOT NULL OR participants IS NOT NULL OR minutes_written)`,
  },
  { name: 'held meetings list at least two participants', sql: `SELECT count(*) FROM meetings WHERE status = 'held' AND len(participants) < 2` },
  { name: 'the agenda is sent at most five days before', sql: `SELECT count(*) FROM meetings WHERE date - agenda_sent_date > 5` },
  {
    name: 'nothing is dated after 31 July 2026',
    sql: `SELECT count(*) FROM (
            SELECT greatest(first_concern_date, reported_date, consent_date, closed_date) AS d FROM cases
            UNION ALL SELECT greatest(started_date, evaluated_date) FROM measures
            UNION ALL SELECT date FROM meetings UNION ALL SELECT date FROM yearwheel
            UNION ALL SELECT date FROM competence_participation) WHERE d > DATE '2026-07-31'`,
  },
  {
    name: 'participation falls within its effort',
    sql: `SELECT count(*) FROM competence_participation p JOIN competence_efforts e USING (effort_id)
          WHERE p.date NOT BETWEEN e.start_date AND e.end_date OR participants_count < 1`,
  },
  {
    name: 'every logged meeting was planned in the year wheel at most six days away',
    sql: `SELECT count(*) FROM meetings m WHERE NOT EXISTS (
            SELECT 1 FROM yearwheel y WHERE y.school_id = m.school_id AND abs(y.date - m.date) <= 6 AND y.activity = 'meeting')`,
  },
  {
    name: 'a TGL visit is planned at a team meeting, and TGL takes part when that meeting is held',
    sql: `SELECT count(*) FROM yearwheel v WHERE v.activity = 'tgl_visit' AND (
            NOT EXISTS (SELECT 1 FROM yearwheel y WHERE y.school_id = v.school_id AND y.date = v.date AND y.activity = 'meeting')
            OR EXISTS (SELECT 1 FROM meetings m WHERE m.school_id = v.school_id AND m.status = 'held' AND m.date = v.date
                       AND NOT list_contains(m.participants, 'tgl')))`,
  },
  { name: 'school ids are nine digits starting with 99', sql: `SELECT count(*) FROM schools WHERE NOT regexp_full_match(school_id, '99\\d{7}')` },
  { name: 'municipality codes are four digits starting with 9', sql: `SELECT count(*) FROM schools WHERE NOT regexp_full_match(municipality_code, '9\\d{3}')` },
];
