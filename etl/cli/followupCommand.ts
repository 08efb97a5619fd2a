/**
 * `followup --from --to [--as-of] [--school | --municipality] --json`: the figures of
 * contract section 4b and the five follow-up lists, as section 5 prints them. Like
 * `figures`, an administrator's tool: it reads every school (no viewer scope).
 */
import { openDatabase } from '../db/openDatabase.ts';
import { followUp } from '../followup/followUp.ts';
import { cliFigureQuery, type ScopeOptions } from './cliFigureQuery.ts';

export interface FollowupCommandOptions extends ScopeOptions {
  db: string;
  json?: boolean;
}

export async function followupCommand(options: FollowupCommandOptions): Promise<void> {
  const q = cliFigureQuery(options);
  const db = await openDatabase(options.db);
  try {
    const side = await db.instance.connect();
    const result = await followUp(db.connection, q, side).finally(() => side.closeSync());
    process.stdout.write(options.json ? JSON.stringify(result) + '\n' : JSON.stringify(result, null, 2) + '\n');
  } finally {
    db.close();
  }
}
