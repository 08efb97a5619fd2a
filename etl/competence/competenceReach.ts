/**
 * Contract 4c `reach`: per effort and school in scope with at least one session in the
 * period, the sessions, their participants summed and at most, the school's staff, and the
 * share reached. The same staff usually attend every session, so the largest session is the
 * estimate of the staff reached; the share is not capped (a session open to staff of other
 * schools can exceed 1) and is null when staff is unknown or 0.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { FigureQuery } from '../figures/figureQuery.ts';
import { numberOrNull, runFigureSql, text } from '../figures/runFigureSql.ts';
import { competenceScopeCtes } from './competenceScopeSql.ts';

export interface ReachRow {
  readonly effort_id: string;
  readonly school_id: string;
  readonly sessions: number;
  readonly participants_total: number;
  readonly participants_max: number;
  readonly staff: number | null;
  readonly reach_share: number | null;
}

const sql = `WITH ${competenceScopeCtes}
SELECT p.effort_id, p.school_id,
       count(*)::BIGINT AS sessions,
       sum(p.participants_count)::BIGINT AS participants_total,
       max(p.participants_count)::BIGINT AS participants_max,
       any_value(st.staff)::BIGINT AS staff,
       CASE WHEN any_value(st.staff) > 0 THEN max(p.participants_count)::DOUBLE / any_value(st.staff) END AS reach_share
FROM competence_participation p
JOIN scope_staff st USING (school_id)
WHERE p.date BETWEEN $from AND $to
GROUP BY p.effort_id, p.school_id, st.municipality, st.school_name
ORDER BY p.effort_id, st.municipality, st.school_name, p.school_id`;

export async function competenceReach(conn: DuckDBConnection, q: FigureQuery): Promise<ReachRow[]> {
  const rows = await runFigureSql(conn, sql, q);
  return rows.map((r) => ({
    effort_id: text(r, 'effort_id'),
    school_id: text(r, 'school_id'),
    sessions: numberOrNull(r, 'sessions') ?? 0,
    participants_total: numberOrNull(r, 'participants_total') ?? 0,
    participants_max: numberOrNull(r, 'participants_max') ?? 0,
    staff: numberOrNull(r, 'staff'),
    reach_share: numberOrNull(r, 'reach_share'),
  }));
}
