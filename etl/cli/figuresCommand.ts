/**
 * `figures --from --to [--as-of] [--school | --municipality] [--level] [--by] --json`:
 * every key of contract section 4, for the scope or per group. The CLI is an administrator's
 * tool, so it reads every school (no viewer scope).
 */
import { openDatabase } from '../db/openDatabase.ts';
import { computeFigures, computeFiguresBy, contractFigures, FigureQuery } from '../figures/index.ts';

export interface FiguresCommandOptions {
  db: string;
  from: string;
  to: string;
  asOf?: string;
  school?: string;
  municipality?: string;
  level?: string;
  by?: 'school' | 'municipality';
  json?: boolean;
}

/** Today in Norway, as the default as-of date. */
function today(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
}

export async function figuresCommand(options: FiguresCommandOptions): Promise<void> {
  if (options.school && options.municipality) throw new Error('--school og --municipality kan ikke brukes sammen');
  const parsed = FigureQuery.safeParse({
    from: options.from,
    to: options.to,
    asOf: options.asOf ?? today(),
    school: options.school,
    municipality: options.municipality,
    level: options.level,
    by: options.by,
    allowedSchools: null,
  });
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `--${i.path.join('.') || 'options'}: ${i.message}`).join('; '));
  }
  const q = parsed.data;
  const db = await openDatabase(options.db);
  try {
    const result = q.by
      ? (await computeFiguresBy(db.connection, q, q.by)).map(contractFigures)
      : contractFigures(await computeFigures(db.connection, q));
    process.stdout.write(options.json ? JSON.stringify(result) + '\n' : JSON.stringify(result, null, 2) + '\n');
  } finally {
    db.close();
  }
}
