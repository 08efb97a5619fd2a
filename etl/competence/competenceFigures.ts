/**
 * The four outputs of contract 4c for one period and scope, as the CLI and the server give
 * them. One query after another on the caller's connection (DuckDB runs each on every core).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { FigureQuery } from '../figures/figureQuery.ts';
import { competenceChallenges, type ChallengeRow } from './competenceChallenges.ts';
import { competenceDemand, type DemandRow } from './competenceDemand.ts';
import { competenceEffortSummaries, type EffortRow } from './competenceEffortSummaries.ts';
import { competenceReach, type ReachRow } from './competenceReach.ts';

export interface CompetenceFigures {
  readonly efforts: EffortRow[];
  readonly reach: ReachRow[];
  readonly demand: DemandRow[];
  readonly challenges: ChallengeRow[];
}

export async function competenceFigures(conn: DuckDBConnection, q: FigureQuery): Promise<CompetenceFigures> {
  const efforts = await competenceEffortSummaries(conn, q);
  const reach = await competenceReach(conn, q);
  const demand = await competenceDemand(conn, q);
  const challenges = await competenceChallenges(conn, q);
  return { efforts, reach, demand, challenges };
}
