/**
 * What the year wheel draws for a scope and period: every planned item of the yearwheel with
 * its status, and every meeting (held or cancelled, with TGL present or not). The status is
 * settled here, in SQL, by the rule of the 4b figures (etl/figures/followUpRules.ts), so the
 * page never re-implements it:
 * - `upcoming`: planned after the as-of date (not counted by the figures yet);
 * - `done`: the school has a held meeting at most 3 days from the planned date (at any date,
 *   as `plan_held` in the facts) — for a TGL visit, a held meeting with TGL present; a survey
 *   review, annual review, system theme or other item is done at a held meeting too (the
 *   guides put them on the team's agenda);
 * - `missed`: otherwise.
 * `matched_meeting_date` is the nearest such meeting (the earlier of two equally near).
 * Meetings and plans only: no case, pupil or free text (the yearwheel's `title` is left out).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { ensureFigureFacts } from '../figures/facts/ensureFigureFacts.ts';
import { FACTS } from '../figures/facts/factTables.ts';
import type { FigureQuery } from '../figures/figureQuery.ts';
import { planWindowDays } from '../figures/followUpRules.ts';
import { runFigureSql } from '../figures/runFigureSql.ts';
import { scopeCte } from '../figures/scopeSql.ts';

export type PlanStatus = 'done' | 'missed' | 'upcoming';

export interface PlanItem {
  readonly school_id: string;
  readonly date: string;
  readonly activity: string;
  readonly topic: string | null;
  readonly status: PlanStatus;
  readonly matched_meeting_date: string | null;
}

export interface WheelMeeting {
  readonly meeting_id: string;
  readonly school_id: string;
  readonly date: string;
  readonly status: 'held' | 'cancelled';
  readonly tgl_present: boolean;
}

export interface YearWheelItems {
  readonly plan: readonly PlanItem[];
  readonly meetings: readonly WheelMeeting[];
}

const iso = (column: string) => `strftime(${column}, '%Y-%m-%d')`;

// Read from the figure facts (sorted by school_no), so one school's wheel reads its own row
// groups only; the facts' `held` and `tgl_present` are the rules this SQL used on the contract
// tables (tests/etl/followup/yearWheelFromFacts.test.ts compares the two).
const planSql = `
, held AS (
  SELECT m.school_no, m.date, m.tgl_present
  FROM ${FACTS}.meetings m JOIN scope sc USING (school_no)
  WHERE m.held
), candidates AS (
  SELECT sc.school_id, y.date, y.activity, y.topic, h.date AS meeting_date,
         row_number() OVER (PARTITION BY y.school_no, y.date, y.activity ORDER BY abs(h.date - y.date), h.date) AS nearest
  FROM ${FACTS}.wheel_plans y JOIN scope sc USING (school_no)
  LEFT JOIN held h ON h.school_no = y.school_no
    AND h.date BETWEEN y.date - ${planWindowDays} AND y.date + ${planWindowDays}
    AND (y.activity <> 'tgl_visit' OR h.tgl_present)
  WHERE y.date BETWEEN $from AND $to
)
SELECT school_id, ${iso('date')} AS date, activity, topic,
       CASE WHEN date > $as_of THEN 'upcoming' WHEN meeting_date IS NOT NULL THEN 'done' ELSE 'missed' END AS status,
       ${iso('meeting_date')} AS matched_meeting_date
FROM candidates WHERE nearest = 1
ORDER BY date, school_id, activity`;

const meetingSql = `
SELECT m.meeting_id, sc.school_id, ${iso('m.date')} AS date,
       CASE WHEN m.held THEN 'held' ELSE 'cancelled' END AS status,
       m.tgl_present
FROM ${FACTS}.meetings m JOIN scope sc USING (school_no)
WHERE m.date BETWEEN $from AND $to
ORDER BY m.date, sc.school_id, m.meeting_id`;

const withScope = (sql: string) => `WITH ${scopeCte('all')}\n${sql.trimStart()}`;

/** The plan and the meetings of the query's scope and period (its `by` is ignored). */
export async function yearWheelItems(conn: DuckDBConnection, q: FigureQuery): Promise<YearWheelItems> {
  const at = await ensureFigureFacts(conn);
  const plan = (await runFigureSql(conn, withScope(planSql), q, at)) as unknown as PlanItem[];
  const meetings = (await runFigureSql(conn, withScope(meetingSql), q, at)) as unknown as WheelMeeting[];
  return { plan, meetings };
}
