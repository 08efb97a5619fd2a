/**
 * The curves behind km_median_days, over the same cohort: the Kaplan–Meier survival S(t)
 * (share of cases not yet ended t days after first concern) and the Aalen–Johansen
 * cumulative incidence of each way a case ends. With competing outcomes 1 − KM of one
 * outcome overstates it; CIF_k(t) = Σ_{s≤t} S(s−)·d_k(s)/n(s) does not, and
 * S(t) + Σ_k CIF_k(t) = 1 at every t.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { kaplanMeierCtes } from './definitions/kaplanMeier.ts';
import { caseFactsCte } from './definitions/sharedFacts.ts';
import type { Breakdown, FigureQuery } from './figureQuery.ts';
import { compareGroups } from './groupOrder.ts';
import { groupingOf, runGrouped, type GroupIdentity } from './groupedRows.ts';
import { periodsCte } from './periodsSql.ts';
import { numberOrNull, type PlainRow } from './runFigureSql.ts';
import { groupsCte, identityColumns, scopeCte, type Grouping } from './scopeSql.ts';

export type SurvivalPoint = GroupIdentity & {
  /** Days since first concern. */
  readonly t: number;
  /** Cases whose time is t or more (a case censored at t is still at risk at t). */
  readonly at_risk: number;
  readonly events: number;
  readonly censored: number;
  /** Kaplan–Meier S(t), just after the events at t. */
  readonly survival: number;
  readonly events_resolved: number;
  readonly events_referred_ppt: number;
  readonly events_referred_other: number;
  /** Aalen–Johansen cumulative incidence of each outcome by t. */
  readonly cif_resolved: number;
  readonly cif_referred_ppt: number;
  readonly cif_referred_other: number;
  /** Referred anywhere: referred_ppt + referred_other. */
  readonly cif_referred: number;
};

const outcomes = ['resolved', 'referred_ppt', 'referred_other'] as const;

function survivalSql(grouping: Grouping): string {
  const identity = identityColumns(grouping).map((c) => `groups.${c}, `).join('');
  // S(s−) is S at the previous time point (1 before the first); windows cannot nest, hence two steps.
  const withPrevious = `km_previous AS (
  SELECT *, coalesce(lag(survival) OVER (PARTITION BY g, period ORDER BY t), 1.0) AS survival_before
  FROM km_curve
)`;
  const cif = (events: string, name: string) =>
    `sum(survival_before * (${events}) / at_risk) OVER (PARTITION BY g, period ORDER BY t) AS ${name}`;
  const cifs = [
    ...outcomes.map((o) => cif(`events_${o}`, `cif_${o}`)),
    cif('events_referred_ppt + events_referred_other', 'cif_referred'),
  ];
  const ctes = [scopeCte(grouping), groupsCte(grouping), periodsCte('whole'), caseFactsCte, ...kaplanMeierCtes, withPrevious];
  return `WITH ${ctes.join(',\n')}
SELECT ${identity}t::DOUBLE AS t, at_risk, events, censored, survival,
       ${outcomes.map((o) => `events_${o}`).join(', ')},
       ${cifs.join(',\n       ')}
FROM km_previous JOIN groups USING (g)
ORDER BY t`;
}

/** Points sorted by group name, then t; one per distinct time (event or censoring). */
export async function survivalCurves(conn: DuckDBConnection, q: FigureQuery, by: Breakdown | undefined = q.by): Promise<SurvivalPoint[]> {
  const grouping = groupingOf(by);
  const rows = await runGrouped(conn, survivalSql(grouping), q, grouping);
  const num = (row: PlainRow, column: string) => numberOrNull(row, column) ?? 0;
  const points: SurvivalPoint[] = rows.map(({ identity, row }) => ({
    ...identity,
    t: num(row, 't'),
    at_risk: num(row, 'at_risk'),
    events: num(row, 'events'),
    censored: num(row, 'censored'),
    survival: num(row, 'survival'),
    events_resolved: num(row, 'events_resolved'),
    events_referred_ppt: num(row, 'events_referred_ppt'),
    events_referred_other: num(row, 'events_referred_other'),
    cif_resolved: num(row, 'cif_resolved'),
    cif_referred_ppt: num(row, 'cif_referred_ppt'),
    cif_referred_other: num(row, 'cif_referred_other'),
    cif_referred: num(row, 'cif_referred'),
  }));
  if (grouping === 'all') return points;
  return points.sort((a, b) => compareGroups(a, b) || a.t - b.t);
}
