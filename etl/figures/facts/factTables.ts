/**
 * The figure facts: a compact copy of the contract tables, built for the figures and kept
 * in the database file itself, in the schema `figure_facts` (see ensureFigureFacts.ts for
 * when they are built, and where they go when the file is read-only). The contract tables
 * are keyed by text ids in import order, so every figure query would otherwise scan and hash
 * millions of strings. Here schools are numbered in municipality order, every fact carries
 * its school_no and an integer case_no, and rows are sorted by school_no (then date): a
 * scope of one school or one municipality is a narrow range that DuckDB finds from its zone
 * maps without reading the other row groups.
 *
 * The facts also settle what a row means once for all figures: a meeting without status is
 * held, only discussions at held meetings are kept, an individual-part case is individual or
 * anonymous, a planned meeting is held when a held meeting is near it, and a few per-case
 * facts that do not depend on the period are precomputed.
 *
 * The follow-up lists (etl/followup/followUpLists.ts) name rows by their text ids, so the
 * meetings, measures and cases keep their ids here too: a list then reads only its school's
 * row groups, as the figures do, instead of the national contract tables (columns a query
 * does not select are never read, so the figures do not pay for them).
 */
import { caseKind, measureLevel, outcome, roles, yearwheelActivity } from '../../contract/vocabularies.ts';
import { planWindowDays } from '../followUpRules.ts';
import { asVocabularyEnum as asEnum } from '../../db/vocabularyEnum.ts';

/** How the figure SQL names the facts: the schema in the database file. */
export const FACTS = 'figure_facts';

/**
 * The version of the facts' layout. A file whose facts were built by another version is
 * rebuilt (or, read-only, served from facts built in memory): bump it with every change to
 * the statements below.
 */
export const FACTS_VERSION = 7;

// Codes are cast to their vocabulary's ENUM (etl/db/vocabularyEnum.ts) even though the
// contract tables hold ENUMs: a read-only file from before them still holds text, and its
// facts are then built in memory (ensureFigureFacts.ts) with the same types as everyone's.
const held = `coalesce(m.status, 'held') = 'held'`;

/** The build's scratch tables (temporary: see below). */
const caseKeys = 'rt_facts_case_keys';
const heldMeetingKeys = 'rt_facts_held_meeting_keys';

/**
 * Statements that (re)build every fact table from the contract tables, in order, into
 * `target` (FACTS, or an attached in-memory database when the file is read-only).
 * Rows are inserted in ORDER BY order only with preserve_insertion_order on (the default).
 */
export function factTableStatements(target: string): readonly string[] {
  return [
  // Numbered in municipality order so a municipality's schools are one range of school_no.
  `CREATE OR REPLACE TABLE ${target}.schools AS
   SELECT (row_number() OVER (ORDER BY municipality, school_id))::INTEGER AS school_no,
          (dense_rank() OVER (ORDER BY municipality))::INTEGER AS municipality_no,
          school_id, school_name, municipality, level
   FROM schools`,

  // Scratch key tables, dropped at the end: joining millions of rows against these narrow
  // tables is several times faster than against the wide contract tables. A case's number
  // is its rowid in cases, stable within the build's transaction. Temporary (this
  // connection's memory): written to the file they cost compression and blocks for nothing,
  // about 1.4 of 2.2 CPU seconds at national scale.
  `CREATE OR REPLACE TEMP TABLE ${caseKeys} AS
   SELECT c.case_id, c.rowid AS case_no, s.school_no, ${asEnum('c.kind', caseKind)} AS kind,
          c.kind IN ('individual', 'anonymous') AS individual_part, c.closed_date
   FROM cases c JOIN ${target}.schools s USING (school_id)`,
  `CREATE OR REPLACE TEMP TABLE ${heldMeetingKeys} AS
   SELECT m.meeting_id, s.school_no, m.date
   FROM meetings m JOIN ${target}.schools s USING (school_id)
   WHERE ${held}`,

  `CREATE OR REPLACE TABLE ${target}.meetings AS
   WITH m AS MATERIALIZED (
     SELECT school_id, date, meeting_id, status, agenda_sent_date, minutes_written, participants FROM meetings
   )
   SELECT s.school_no, m.date, m.meeting_id,
          ${held} AS held,
          coalesce(m.status = 'cancelled', false) AS cancelled,
          -- "before date": an agenda sent on the meeting day is not in advance
          coalesce(m.agenda_sent_date < m.date, false) AS agenda_in_advance,
          coalesce(m.minutes_written, false) AS minutes_written,
          -- as recorded, unknown kept unknown (the follow-up list shows it)
          m.minutes_written AS minutes_written_recorded,
          coalesce(list_contains(m.participants, 'tgl'), false) AS tgl_present
   FROM m JOIN ${target}.schools s USING (school_id)
   ORDER BY s.school_no, m.date`,

  // The year wheel's planned meetings and TGL visits (the only activities a figure counts).
  // Whether a planned meeting was held does not depend on the period, so it is settled here:
  // some held meeting of the school within the window, at any date (also outside the period).
  // Plans and held meetings are merged into one date line per school, and a window over
  // ±planWindowDays counts the held meetings around each plan: one sort of about 1.8 M rows
  // at national scale. (Marking every day each held meeting serves and joining on the day
  // took a DISTINCT over 6 M rows, about three times the CPU; an ASOF join was cheaper on
  // committed data but took minutes inside the import's transaction, where the facts are built.)
  `CREATE OR REPLACE TABLE ${target}.yearwheel AS
   WITH plans AS (
     SELECT s.school_no, y.date, ${asEnum('y.activity', yearwheelActivity)} AS activity
     FROM yearwheel y JOIN ${target}.schools s USING (school_id)
     WHERE y.activity IN ('meeting', 'tgl_visit')
   ),
   dates AS (
     SELECT school_no, date, activity, NULL::DATE AS held_date FROM plans
     UNION ALL
     SELECT school_no, date, NULL, date FROM ${heldMeetingKeys}
   ),
   near AS (
     SELECT school_no, date, activity,
            count(held_date) OVER (PARTITION BY school_no ORDER BY date
              RANGE BETWEEN INTERVAL ${planWindowDays} DAYS PRECEDING AND INTERVAL ${planWindowDays} DAYS FOLLOWING) AS held_near
     FROM dates
   )
   SELECT school_no, date, activity,
          activity = 'meeting' AND held_near > 0 AS plan_held
   FROM near
   WHERE activity IS NOT NULL
   ORDER BY school_no, date`,

  // Every planned item of the year wheel, for the wheel's page (etl/followup/yearWheelItems.ts):
  // read by school_no, a school's plan is a few row groups, not a scan of the national table
  // in import order. The title is free text and is never shown: left out.
  `CREATE OR REPLACE TABLE ${target}.wheel_plans AS
   WITH y AS MATERIALIZED (SELECT school_id, date, activity, topic FROM yearwheel)
   SELECT s.school_no, y.date, ${asEnum('y.activity', yearwheelActivity)} AS activity, y.topic
   FROM y JOIN ${target}.schools s USING (school_id)
   ORDER BY s.school_no, y.date`,

  // The large facts read their contract table through a MATERIALIZED CTE (the meetings and
  // the wheel's plans above too). DuckDB gives a table scan one thread per committed row
  // group (DataTable::MaxThreads), and a first import's rows are not committed while the
  // facts are built in its transaction: the join and sort above such a scan ran on one
  // thread (measures 7.5 CPU s in 8 s wall at national scale). A materialized CTE is
  // scanned by every thread; the copy costs little (the whole build: 9-12 s wall instead
  // of 13, about the same CPU, at load 3-4).
  // Discussions at cancelled meetings never count, so only held ones are kept, under the
  // meeting's school and date. The case's own school (case_school_no) finds the case's
  // facts within its school's rows, also when it was discussed at another school.
  `CREATE OR REPLACE TABLE ${target}.discussions AS
   WITH d AS MATERIALIZED (SELECT meeting_id, case_id FROM discussions)
   SELECT m.school_no, m.date, k.case_no, k.school_no AS case_school_no, k.kind, k.individual_part
   FROM d
   JOIN ${heldMeetingKeys} m USING (meeting_id)
   JOIN ${caseKeys} k USING (case_id)
   ORDER BY m.school_no, m.date`,

  // Measures under their case's school, with the case's kind.
  `CREATE OR REPLACE TABLE ${target}.measures AS
   WITH me AS MATERIALIZED (
     SELECT case_id, measure_id, level, responsible_role, started_date, evaluation_due_date, evaluated_date, staff_reached FROM measures
   )
   SELECT k.school_no, k.case_no, me.measure_id, ${asEnum('me.level', measureLevel)} AS level,
          ${asEnum('me.responsible_role', roles)} AS responsible_role, k.kind AS case_kind, k.individual_part,
          me.started_date, me.evaluation_due_date, me.evaluated_date,
          -- not evaluated is not on time
          coalesce(me.evaluated_date <= me.evaluation_due_date, false) AS evaluated_on_time,
          coalesce(me.evaluated_date <= k.closed_date, false) AS evaluated_by_case_end,
          me.staff_reached
   FROM me JOIN ${caseKeys} k USING (case_id)
   ORDER BY k.school_no, me.started_date`,

  // Per case, two facts that no period changes: the first discussion at any held meeting
  // (consent is checked against it), and whether any measure was evaluated on or before
  // the case ended (tested before a PPT referral).
  `CREATE OR REPLACE TABLE ${target}.cases AS
   WITH c AS MATERIALIZED (
     SELECT rowid AS case_no, case_id, school_id, kind, first_concern_date, closed_date, outcome, consent_date FROM cases
   ),
   first_discussions AS (
     SELECT case_no, min(date) AS first_discussion_date FROM ${target}.discussions GROUP BY case_no
   ),
   evaluated_before_end AS (
     SELECT DISTINCT case_no FROM ${target}.measures WHERE evaluated_by_case_end
   )
   SELECT c.case_no, c.case_id, s.school_no, ${asEnum('c.kind', caseKind)} AS kind,
          c.kind IN ('individual', 'anonymous') AS individual_part,
          c.first_concern_date, c.closed_date, ${asEnum('c.outcome', outcome)} AS outcome, c.consent_date,
          fd.first_discussion_date,
          e.case_no IS NOT NULL AS evaluated_before_end
   FROM c
   JOIN ${target}.schools s USING (school_id)
   LEFT JOIN first_discussions fd ON fd.case_no = c.case_no
   LEFT JOIN evaluated_before_end e ON e.case_no = c.case_no
   ORDER BY s.school_no, c.first_concern_date`,

  `DROP TABLE ${caseKeys}`,
  `DROP TABLE ${heldMeetingKeys}`,
  ];
}
