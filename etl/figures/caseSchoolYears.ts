/**
 * The school years individual-part cases begin or end in: the first school year with a
 * first concern and the last with a first concern or an end (a school year named by the
 * calendar year it starts in: 2024 = 1 August 2024 – 31 July 2025), or null without any
 * such case. Outside them no case begins or ends, so the open cases stay what they were
 * (suppressConsecutiveYears.ts plans these years together).
 */
import type { DuckDBConnection } from '@duckdb/node-api';

export interface CaseSchoolYears {
  readonly first: number;
  readonly last: number;
}

// 1 August minus 7 months is 1 January of the same year; 31 July minus 7 months, 31 December of the year before.
const schoolYearOf = (column: string) => `year(${column} - INTERVAL 7 MONTH)`;

export async function caseSchoolYears(conn: DuckDBConnection): Promise<CaseSchoolYears | null> {
  const reader = await conn.runAndReadAll(`
    SELECT min(${schoolYearOf('first_concern_date')}) AS first,
           max(greatest(${schoolYearOf('first_concern_date')}, coalesce(${schoolYearOf('closed_date')}, ${schoolYearOf('first_concern_date')}))) AS last
    FROM cases
    WHERE kind IN ('individual', 'anonymous')`);
  const [first, last] = reader.getRows()[0] ?? [];
  if (first === null || first === undefined || last === null || last === undefined) return null;
  return { first: Number(first), last: Number(last) };
}
