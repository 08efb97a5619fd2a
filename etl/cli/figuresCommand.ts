/**
 * `figures --from --to [--as-of] [--school | --municipality] [--level] [--by] --json`:
 * every key of contract sections 4 and 4b, for the scope or per group. The CLI is an administrator's
 * tool, so it reads every school (no viewer scope).
 */
import { computeFigures, computeFiguresBy, contractFigures } from '../figures/index.ts';
import { cliFigureQuery, type ScopeOptions } from './cliFigureQuery.ts';
import { openForFigures } from './openForFigures.ts';

export interface FiguresCommandOptions extends ScopeOptions {
  db: string;
  json?: boolean;
}

export async function figuresCommand(options: FiguresCommandOptions): Promise<void> {
  const q = cliFigureQuery(options);
  const db = await openForFigures(options.db, q);
  try {
    const result = q.by
      ? (await computeFiguresBy(db.connection, q, q.by)).map(contractFigures)
      : contractFigures(await computeFigures(db.connection, q));
    process.stdout.write(options.json ? JSON.stringify(result) + '\n' : JSON.stringify(result, null, 2) + '\n');
  } finally {
    db.close();
  }
}
