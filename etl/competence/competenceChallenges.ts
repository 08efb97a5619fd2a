/**
 * Contract 4c `challenges`: per challenge category and school in scope, the distinct
 * `individual` cases with that challenge discussed at a held meeting in the period (a case
 * discussed twice, or naming the challenge twice, counts once). Listed when non-zero.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { FigureQuery } from '../figures/figureQuery.ts';
import { numberOrNull, runFigureSql, text } from '../figures/runFigureSql.ts';
import { competenceScopeCtes, discussedCasesCte } from './competenceScopeSql.ts';

export interface ChallengeRow {
  readonly challenge: string;
  readonly school_id: string;
  readonly individual_cases: number;
}

const sql = `WITH ${competenceScopeCtes},
${discussedCasesCte},
case_challenges AS (
  SELECT c.case_id, c.school_id, unnest(c.challenges) AS challenge
  FROM cases c JOIN scope USING (school_id) JOIN discussed USING (case_id)
  WHERE c.kind = 'individual'
)
SELECT cc.challenge, cc.school_id, count(DISTINCT cc.case_id)::BIGINT AS individual_cases
FROM case_challenges cc JOIN scope_staff st USING (school_id)
WHERE cc.challenge IS NOT NULL
GROUP BY cc.challenge, cc.school_id, st.municipality, st.school_name
ORDER BY cc.challenge, st.municipality, st.school_name, cc.school_id`;

export async function competenceChallenges(conn: DuckDBConnection, q: FigureQuery): Promise<ChallengeRow[]> {
  const rows = await runFigureSql(conn, sql, q);
  return rows.map((r) => ({
    challenge: text(r, 'challenge'),
    school_id: text(r, 'school_id'),
    individual_cases: numberOrNull(r, 'individual_cases') ?? 0,
  }));
}
