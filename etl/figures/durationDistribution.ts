/**
 * The days from first concern to end over cases_ended (the same cases as
 * days_to_end_median), counted per whole day and outcome, for a histogram or a box plot.
 * Only days that occur are listed; the dashboard bins them.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { endedCasesCte } from './definitions/endedCaseFigures.ts';
import { caseFactsCte } from './definitions/sharedFacts.ts';
import type { Breakdown, FigureQuery } from './figureQuery.ts';
import { compareGroups } from './groupOrder.ts';
import { groupingOf, runGrouped, type GroupIdentity } from './groupedRows.ts';
import { periodsCte } from './periodsSql.ts';
import { numberOrNull, text } from './runFigureSql.ts';
import { groupsCte, identityColumns, scopeCte, type Grouping } from './scopeSql.ts';

export type Outcome = 'resolved' | 'referred_ppt' | 'referred_other';

export type DurationCount = GroupIdentity & {
  readonly outcome: Outcome;
  readonly days: number;
  readonly cases: number;
};

function durationSql(grouping: Grouping): string {
  const identity = identityColumns(grouping).map((c) => `groups.${c}, `).join('');
  return `WITH ${[scopeCte(grouping), groupsCte(grouping), periodsCte('whole'), caseFactsCte, endedCasesCte].join(',\n')}
SELECT ${identity}ec.outcome, ec.days, count(*) AS cases
FROM ended_cases ec JOIN groups USING (g)
GROUP BY ALL
ORDER BY ec.outcome, ec.days`;
}

/** Rows sorted by group name, outcome, days. */
export async function durationDistribution(conn: DuckDBConnection, q: FigureQuery, by: Breakdown | undefined = q.by): Promise<DurationCount[]> {
  const grouping = groupingOf(by);
  const rows = await runGrouped(conn, durationSql(grouping), q, grouping);
  const counts = rows.map(({ identity, row }) => ({
    ...identity,
    outcome: text(row, 'outcome') as Outcome,
    days: numberOrNull(row, 'days') ?? 0,
    cases: numberOrNull(row, 'cases') ?? 0,
  }));
  if (grouping === 'all') return counts;
  return counts.sort((a, b) => compareGroups(a, b) || a.outcome.localeCompare(b.outcome) || a.days - b.days);
}
