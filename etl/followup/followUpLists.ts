/**
 * The follow-up lists of contract section 4b: the rows behind the year wheel's figures that
 * a rector acts on, with the school's own case, measure and meeting ids (never student_ref).
 * Same period, as-of date and scope as the figures (the `scope` CTE of the figure SQL), and
 * the same rules (the facts' `plan_held`, the figures' agenda and age rules), so each list has exactly as
 * many rows as the figure beside it. Lists name cases: callers show them only to viewers
 * scoped to every school they cover.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { FACTS } from '../figures/facts/factTables.ts';
import type { FigureQuery } from '../figures/figureQuery.ts';
import { ensureFigureFacts, type FactsLocation } from '../figures/facts/ensureFigureFacts.ts';
import { runFigureSql } from '../figures/runFigureSql.ts';
import { scopeCte } from '../figures/scopeSql.ts';

export interface MissedMeeting {
  readonly school_id: string;
  readonly date: string;
}
export interface OverdueEvaluation {
  readonly measure_id: string;
  readonly case_id: string;
  readonly school_id: string;
  readonly level: string;
  readonly responsible_role: string | null;
  readonly evaluation_due_date: string;
  readonly days_overdue: number;
}
export interface ConsentDeviation {
  readonly case_id: string;
  readonly school_id: string;
  readonly first_discussion_date: string;
  readonly consent_date: string | null;
}
export interface MeetingMissingAgendaOrMinutes {
  readonly meeting_id: string;
  readonly school_id: string;
  readonly date: string;
  readonly agenda_in_advance: boolean;
  readonly minutes_written: boolean | null;
}
export interface OpenCaseByAge {
  readonly case_id: string;
  readonly school_id: string;
  readonly kind: string;
  readonly first_concern_date: string;
  readonly age_days: number;
}

export interface FollowUpLists {
  readonly missed_meetings: readonly MissedMeeting[];
  readonly overdue_evaluations: readonly OverdueEvaluation[];
  readonly consent_deviations: readonly ConsentDeviation[];
  readonly meetings_missing_agenda_or_minutes: readonly MeetingMissingAgendaOrMinutes[];
  readonly open_cases_by_age: readonly OpenCaseByAge[];
}

const iso = (column: string) => `strftime(${column}, '%Y-%m-%d')`;

/**
 * Each list's rows (`select`, after the `scope` and `discussed` CTEs) and their order
 * (`orderBy`, over the selected fields), with the fields and order of section 4b.
 * Every list reads the figure facts, which are sorted by school_no, through `scope`: a
 * school's lists read only its own row groups (the contract tables are in import order, so
 * the same lists read there scanned national data: 1–3 s a school at national scale). The
 * facts settle held, agenda in advance and the first discussion exactly as these lists did
 * on the contract tables (tests/etl/followup/listsFromFacts.test.ts compares the two).
 */
interface ListSql {
  readonly select: string;
  readonly orderBy: string;
}

const listSql: { readonly [K in keyof FollowUpLists]: ListSql } = {
  // plan_held is settled once in the facts, with the figures' window.
  missed_meetings: {
    select: `
SELECT sc.school_id, ${iso('y.date')} AS date
FROM ${FACTS}.yearwheel y JOIN scope sc USING (school_no)
WHERE y.activity = 'meeting' AND NOT y.plan_held
  AND y.date BETWEEN $from AND $to AND y.date <= $as_of`,
    // ISO dates sort as the dates do.
    orderBy: 'school_id, date',
  },

  // A measure's school is its case's school, so its case is found within the same school.
  overdue_evaluations: {
    select: `
SELECT me.measure_id, c.case_id, sc.school_id, me.level, me.responsible_role,
       ${iso('me.evaluation_due_date')} AS evaluation_due_date,
       ($as_of - me.evaluation_due_date)::INTEGER AS days_overdue
FROM ${FACTS}.measures me
JOIN scope sc USING (school_no)
JOIN ${FACTS}.cases c ON c.school_no = me.school_no AND c.case_no = me.case_no
WHERE me.evaluation_due_date BETWEEN $from AND $to AND me.evaluation_due_date < $as_of
  AND NOT coalesce(me.evaluated_date <= $as_of, false)`,
    orderBy: 'days_overdue DESC, measure_id',
  },

  // The cases of consent_before_discussion_rate's denominator that miss its numerator: cases
  // discussed at a held meeting of the scope in the period (`discussed`), whatever school the
  // case belongs to; the first discussion (the case facts') is over all held meetings, also
  // before the period. Joined on the case's school too, so only those schools' rows of the
  // case facts are read.
  consent_deviations: {
    select: `
SELECT c.case_id, s.school_id, ${iso('c.first_discussion_date')} AS first_discussion_date, ${iso('c.consent_date')} AS consent_date
FROM ${FACTS}.cases c
JOIN discussed ON c.school_no = discussed.case_school_no AND c.case_no = discussed.case_no
JOIN ${FACTS}.schools s USING (school_no)
WHERE c.kind = 'individual' AND NOT coalesce(c.consent_date <= c.first_discussion_date, false)`,
    orderBy: 'first_discussion_date, case_id',
  },

  meetings_missing_agenda_or_minutes: {
    select: `
SELECT m.meeting_id, sc.school_id, ${iso('m.date')} AS date,
       m.agenda_in_advance, m.minutes_written_recorded AS minutes_written
FROM ${FACTS}.meetings m JOIN scope sc USING (school_no)
WHERE m.held AND m.date BETWEEN $from AND $to
  AND NOT (m.agenda_in_advance AND m.minutes_written)`,
    orderBy: 'date, meeting_id',
  },

  // Every case of open_cases, aged at min(to, as-of) as open_cases_over_90_days ages it.
  open_cases_by_age: {
    select: `
SELECT c.case_id, sc.school_id, c.kind, ${iso('c.first_concern_date')} AS first_concern_date,
       (least($to, $as_of) - c.first_concern_date)::INTEGER AS age_days
FROM ${FACTS}.cases c JOIN scope sc USING (school_no)
WHERE c.individual_part AND c.first_concern_date <= $to
  AND NOT coalesce(c.closed_date <= $to, false)`,
    orderBy: 'age_days DESC, case_id',
  },
};

/**
 * The cases discussed at a held meeting of the scope in the period: the facts keep only
 * discussions at held meetings, under the meeting's school.
 */
const discussedCte = `discussed AS (
  SELECT DISTINCT d.case_school_no, d.case_no
  FROM ${FACTS}.discussions d JOIN scope sc USING (school_no)
  WHERE d.date BETWEEN $from AND $to
)`;

const listNames = Object.keys(listSql) as Array<keyof FollowUpLists>;

/** `orderBy` with every field taken from the row `r`. */
const ofRow = (orderBy: string): string =>
  orderBy
    .split(',')
    .map((term) => `r.${term.trim()}`)
    .join(', ');

/**
 * All five lists in one statement, each a JSON array of its rows in its order. DuckDB plans
 * a statement afresh at every execution, and for one school the planning, not the reading,
 * is most of the time: one statement instead of five plans the scope once and saves four
 * round trips (issue 10's 50 ms). JSON keeps every field as the contract has it: text,
 * integers, booleans and null.
 */
export const followUpListsSql = `WITH ${scopeCte('all')},
${discussedCte}
SELECT ${listNames
  .map((name) => `(SELECT to_json(coalesce(list(r ORDER BY ${ofRow(listSql[name].orderBy)}), [])) FROM (${listSql[name].select}) r) AS ${name}`)
  .join(',\n       ')}`;

/**
 * The five lists for the query's period, as-of date and scope (its `by` is ignored); `at`
 * when the caller already knows where the current facts are (else checked once here).
 */
export async function followUpLists(conn: DuckDBConnection, q: FigureQuery, at?: FactsLocation): Promise<FollowUpLists> {
  at ??= await ensureFigureFacts(conn);
  const [row] = await runFigureSql(conn, followUpListsSql, q, at);
  if (!row) throw new Error('follow-up list query returned no row');
  // Each list's SQL selects exactly the fields of its row type, in the contract's order.
  return Object.fromEntries(listNames.map((name) => [name, JSON.parse(String(row[name])) as unknown])) as unknown as FollowUpLists;
}
