/**
 * Contract 4c `efforts`: every effort (reached in the period or not) with the scope schools
 * it reached, the schools in scope, the staff it reached (the largest session per reached
 * school, summed) and the share of the scope's staff reached: reached staff at schools whose
 * staff is known over the staff of every scope school whose staff is known (null when that
 * is 0). Beyond the contract, each row carries the effort's partner, dates and target group
 * for the dashboard's timeline; the CLI prints the contract's fields only.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { FigureQuery } from '../figures/figureQuery.ts';
import { numberOrNull, runFigureSql, text, type PlainRow } from '../figures/runFigureSql.ts';
import { competenceScopeCtes } from './competenceScopeSql.ts';

export interface EffortSummary {
  readonly effort_id: string;
  readonly name: string;
  readonly theme: string | null;
  readonly tier: number | null;
  readonly schools_reached: number;
  readonly schools_in_scope: number;
  readonly staff_reached: number;
  readonly staff_reach_share: number | null;
}

export interface EffortDetails {
  readonly partner: string | null;
  readonly start_date: string | null;
  readonly end_date: string | null;
  readonly target_group: string | null;
}

export type EffortRow = EffortSummary & EffortDetails;

const sql = `WITH ${competenceScopeCtes},
reached AS (
  SELECT p.effort_id, p.school_id, max(p.participants_count) AS participants_max
  FROM competence_participation p JOIN scope_staff USING (school_id)
  WHERE p.date BETWEEN $from AND $to
  GROUP BY ALL
),
per_effort AS (
  SELECT r.effort_id, count(*) AS schools_reached, sum(r.participants_max) AS staff_reached,
         coalesce(sum(r.participants_max) FILTER (WHERE st.staff IS NOT NULL), 0) AS known_staff_reached
  FROM reached r JOIN scope_staff st USING (school_id)
  GROUP BY ALL
),
totals AS (SELECT count(*) AS schools_in_scope, coalesce(sum(staff), 0) AS known_staff FROM scope_staff)
SELECT e.effort_id, e.name, e.theme, e.tier,
       coalesce(pe.schools_reached, 0)::BIGINT AS schools_reached,
       t.schools_in_scope::BIGINT AS schools_in_scope,
       coalesce(pe.staff_reached, 0)::BIGINT AS staff_reached,
       CASE WHEN t.known_staff > 0 THEN coalesce(pe.known_staff_reached, 0)::DOUBLE / t.known_staff END AS staff_reach_share,
       e.partner, strftime(e.start_date, '%Y-%m-%d') AS start_date, strftime(e.end_date, '%Y-%m-%d') AS end_date, e.target_group
FROM competence_efforts e
CROSS JOIN totals t
LEFT JOIN per_effort pe USING (effort_id)
ORDER BY e.effort_id`;

function textOrNull(row: PlainRow, column: string): string | null {
  const value = row[column];
  return value === null || value === undefined ? null : String(value);
}

export async function competenceEffortSummaries(conn: DuckDBConnection, q: FigureQuery): Promise<EffortRow[]> {
  const rows = await runFigureSql(conn, sql, q);
  return rows.map((r) => ({
    effort_id: text(r, 'effort_id'),
    name: text(r, 'name'),
    theme: textOrNull(r, 'theme'),
    tier: numberOrNull(r, 'tier'),
    schools_reached: numberOrNull(r, 'schools_reached') ?? 0,
    schools_in_scope: numberOrNull(r, 'schools_in_scope') ?? 0,
    staff_reached: numberOrNull(r, 'staff_reached') ?? 0,
    staff_reach_share: numberOrNull(r, 'staff_reach_share'),
    partner: textOrNull(r, 'partner'),
    start_date: textOrNull(r, 'start_date'),
    end_date: textOrNull(r, 'end_date'),
    target_group: textOrNull(r, 'target_group'),
  }));
}
