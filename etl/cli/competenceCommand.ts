/**
 * `competence --from --to [--school | --municipality] [--level] --json`: the figures of
 * contract section 4c as section 5 prints them, `{"efforts", "reach", "demand",
 * "challenges"}`, each row with the fields of 4c and nothing else (the efforts' partner and
 * dates are the dashboard's, not the contract's). Like `figures`, an administrator's tool:
 * it reads every school (no viewer scope, no suppression). The as-of date plays no part in 4c.
 */
import { competenceFigures } from '../competence/competenceFigures.ts';
import { openDatabase } from '../db/openDatabase.ts';
import { cliFigureQuery, type ScopeOptions } from './cliFigureQuery.ts';

export interface CompetenceCommandOptions extends Omit<ScopeOptions, 'asOf' | 'by'> {
  db: string;
  json?: boolean;
}

export async function competenceCommand(options: CompetenceCommandOptions): Promise<void> {
  const q = cliFigureQuery(options);
  const db = await openDatabase(options.db);
  try {
    const figures = await competenceFigures(db.connection, q);
    const result = {
      efforts: figures.efforts.map((e) => ({
        effort_id: e.effort_id,
        name: e.name,
        theme: e.theme,
        tier: e.tier,
        schools_reached: e.schools_reached,
        schools_in_scope: e.schools_in_scope,
        staff_reached: e.staff_reached,
        staff_reach_share: e.staff_reach_share,
      })),
      reach: figures.reach,
      demand: figures.demand,
      challenges: figures.challenges,
    };
    process.stdout.write(options.json ? JSON.stringify(result) + '\n' : JSON.stringify(result, null, 2) + '\n');
  } finally {
    db.close();
  }
}
