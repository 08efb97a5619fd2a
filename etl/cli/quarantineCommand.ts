/** `quarantine [--db path] [--batch N] [--json]`: lists rejected rows kept from earlier imports. */
import { openDatabase } from '../db/openDatabase.ts';
import { UserFacingError } from '../log/userFacingError.ts';

export async function quarantineCommand(options: { db: string; batch?: string; json?: boolean }): Promise<void> {
  const db = await openDatabase(options.db);
  try {
    const batch = options.batch === undefined ? null : Number(options.batch);
    if (batch !== null && !Number.isInteger(batch)) throw new UserFacingError('--batch må være et heltall');
    const result = await db.connection.runAndReadAll(
      // line as INTEGER: a BIGINT would print as a JSON string, unlike `line` in the import report.
      `SELECT batch_id, file, kind, line::INTEGER AS line, "column", reason FROM quarantine
       WHERE $batch IS NULL OR batch_id = $batch ORDER BY batch_id, file, line`,
      { batch },
    );
    const rows = result.getRowObjectsJson();
    if (options.json) process.stdout.write(JSON.stringify(rows) + '\n');
    else for (const r of rows) process.stdout.write(`${r.batch_id}\t${r.file}:${r.line}\t${r.column ?? '-'}\t${r.reason}\n`);
  } finally {
    db.close();
  }
}
