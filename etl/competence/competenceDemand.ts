/**
 * Contract 4c `demand`: per topic and school in scope, over the school's cases with that
 * topic (cases without a topic are left out): the distinct system cases and individual-part
 * cases (`individual` or `anonymous`, contract 4) discussed at a held meeting in the period
 * (a case discussed twice counts once), the system measures on those topics' cases of any
 * kind started in the period, and the staff they reach (unknown counts 0). A pair is listed
 * when any of the four is non-zero.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { FigureQuery } from '../figures/figureQuery.ts';
import { numberOrNull, runFigureSql, text } from '../figures/runFigureSql.ts';
import { competenceScopeCtes, discussedCasesCte } from './competenceScopeSql.ts';

export interface DemandRow {
  readonly topic: string;
  readonly school_id: string;
  readonly system_cases: number;
  readonly individual_part_cases: number;
  readonly system_measures_started: number;
  readonly staff_reached: number;
}

const sql = `WITH ${competenceScopeCtes},
${discussedCasesCte},
topic_cases AS (
  SELECT c.case_id, c.school_id, c.kind, c.topic
  FROM cases c JOIN scope USING (school_id)
  WHERE c.topic IS NOT NULL AND c.topic <> ''
),
case_counts AS (
  SELECT tc.topic, tc.school_id,
         count(*) FILTER (WHERE tc.kind = 'system') AS system_cases,
         count(*) FILTER (WHERE tc.kind IN ('individual', 'anonymous')) AS individual_part_cases
  FROM topic_cases tc JOIN discussed USING (case_id)
  GROUP BY ALL
),
measure_counts AS (
  SELECT tc.topic, tc.school_id, count(*) AS system_measures_started,
         coalesce(sum(me.staff_reached), 0) AS staff_reached
  FROM measures me JOIN topic_cases tc USING (case_id)
  WHERE me.level = 'system' AND me.started_date BETWEEN $from AND $to
  GROUP BY ALL
)
SELECT topic, school_id,
       coalesce(cc.system_cases, 0)::BIGINT AS system_cases,
       coalesce(cc.individual_part_cases, 0)::BIGINT AS individual_part_cases,
       coalesce(mc.system_measures_started, 0)::BIGINT AS system_measures_started,
       coalesce(mc.staff_reached, 0)::BIGINT AS staff_reached
FROM case_counts cc FULL JOIN measure_counts mc USING (topic, school_id)
JOIN scope_staff st USING (school_id)
WHERE coalesce(cc.system_cases, 0) + coalesce(cc.individual_part_cases, 0) + coalesce(mc.system_measures_started, 0) + coalesce(mc.staff_reached, 0) > 0
ORDER BY topic, st.municipality, st.school_name, school_id`;

export async function competenceDemand(conn: DuckDBConnection, q: FigureQuery): Promise<DemandRow[]> {
  const rows = await runFigureSql(conn, sql, q);
  return rows.map((r) => ({
    topic: text(r, 'topic'),
    school_id: text(r, 'school_id'),
    system_cases: numberOrNull(r, 'system_cases') ?? 0,
    individual_part_cases: numberOrNull(r, 'individual_part_cases') ?? 0,
    system_measures_started: numberOrNull(r, 'system_measures_started') ?? 0,
    staff_reached: numberOrNull(r, 'staff_reached') ?? 0,
  }));
}
