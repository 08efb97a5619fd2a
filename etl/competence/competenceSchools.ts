/**
 * The schools in scope of a competence query with their level and staff: the page lists the
 * schools an effort has not reached by name, and the share of staff reached per tier needs
 * the staff of every school, reached or not. Same scope as the 4c figures.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { FigureQuery } from '../figures/figureQuery.ts';
import { numberOrNull, runFigureSql, text } from '../figures/runFigureSql.ts';
import { competenceScopeCtes } from './competenceScopeSql.ts';

export interface CompetenceSchool {
  readonly school_id: string;
  readonly school_name: string;
  readonly municipality: string;
  readonly level: string | null;
  readonly staff: number | null;
}

const sql = `WITH ${competenceScopeCtes}
SELECT st.school_id, st.school_name, st.municipality, s.level, st.staff::BIGINT AS staff
FROM scope_staff st JOIN schools s USING (school_id)
ORDER BY st.municipality, st.school_name, st.school_id`;

export async function competenceSchools(conn: DuckDBConnection, q: FigureQuery): Promise<CompetenceSchool[]> {
  const rows = await runFigureSql(conn, sql, q);
  return rows.map((r) => ({
    school_id: text(r, 'school_id'),
    school_name: text(r, 'school_name'),
    municipality: text(r, 'municipality'),
    level: r.level === null ? null : text(r, 'level'),
    staff: numberOrNull(r, 'staff'),
  }));
}
