/**
 * The facts of the scope that several figure families share: the in-scope cases and
 * measures, and the in-scope meetings and held-meeting discussions of the period, tagged
 * with their group `g` and period. Joining a fact table to `scope` on school_no lets DuckDB
 * skip every row group outside the scope's schools.
 *
 * Cases and measures are NOT MATERIALIZED: each family filters them on a different date, and
 * rescanning the compact facts with that filter is cheaper than copying every in-scope case
 * (measured at national scale). The period's discussions are used by three families and are
 * few, so they are materialized.
 */
import { FACTS } from '../facts/factTables.ts';

/** CTE `case_facts`: every in-scope case (any date: old cases are discussed and still open). */
export const caseFactsCte = `case_facts AS NOT MATERIALIZED (
  SELECT c.*, sc.g FROM ${FACTS}.cases c JOIN scope sc USING (school_no)
)`;

/** CTE `meeting_facts`: in-scope meetings in the period, with their period. */
export const meetingFactsCte = `meeting_facts AS (
  SELECT sc.g, p.period, m.school_no, m.date, m.held, m.cancelled, m.agenda_in_advance, m.minutes_written, m.tgl_present
  FROM ${FACTS}.meetings m
  JOIN scope sc USING (school_no)
  JOIN periods p ON m.date BETWEEN p.p_from AND p.p_to
  WHERE m.date BETWEEN $from AND $to
)`;

/** CTE `held_discussions`: discussions at held in-scope meetings in the period, by the meeting's school. */
export const heldDiscussionsCte = `held_discussions AS MATERIALIZED (
  SELECT sc.g, p.period, d.date, d.case_no, d.kind, d.individual_part
  FROM ${FACTS}.discussions d
  JOIN scope sc USING (school_no)
  JOIN periods p ON d.date BETWEEN p.p_from AND p.p_to
  WHERE d.date BETWEEN $from AND $to
)`;

/** CTE `measure_facts`: in-scope measures, by the school of the measure's case. */
export const measureFactsCte = `measure_facts AS NOT MATERIALIZED (
  SELECT me.*, sc.g FROM ${FACTS}.measures me JOIN scope sc USING (school_no)
)`;

export const sharedFactCtes: readonly string[] = [caseFactsCte, meetingFactsCte, heldDiscussionsCte, measureFactsCte];
