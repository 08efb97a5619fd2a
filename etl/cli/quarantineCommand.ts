/**
 * `quarantine [--db path] [--batch N] [--all] [--json]`: the rows still in quarantine, i.e.
 * rejected by an earlier import and not loaded validly since. A row that a later import
 * loaded under the same key is fixed: the school office has nothing left to do about it, so
 * it is left out (as in GET /api/imports/<batch>/quarantine); `--all` lists it too, marked
 * «rettet i import N» (JSON: `fixed_by_batch`, null while still in quarantine).
 */
import { openDatabase } from '../db/openDatabase.ts';
import { UserFacingError } from '../log/userFacingError.ts';

export async function quarantineCommand(options: { db: string; batch?: string; all?: boolean; json?: boolean }): Promise<void> {
  const db = await openDatabase(options.db);
  try {
    const batch = options.batch === undefined ? null : Number(options.batch);
    if (batch !== null && !Number.isInteger(batch)) throw new UserFacingError('--batch må være et heltall');
    const result = await db.connection.runAndReadAll(
      // line as INTEGER: a BIGINT would print as a JSON string, unlike `line` in the import report.
      `SELECT batch_id, file, kind, line::INTEGER AS line, "column", reason, resolved_batch AS fixed_by_batch FROM quarantine
       WHERE ($batch IS NULL OR batch_id = $batch) AND ($all OR resolved_batch IS NULL) ORDER BY batch_id, file, line`,
      { batch, all: options.all === true },
    );
    const rows = result.getRowObjectsJson();
    if (options.json) process.stdout.write(JSON.stringify(rows) + '\n');
    else {
      for (const r of rows) {
        const fixed = r.fixed_by_batch === null ? '' : `\trettet i import ${r.fixed_by_batch}`;
        process.stdout.write(`${r.batch_id}\t${r.file}:${r.line}\t${r.column ?? '-'}\t${r.reason}${fixed}\n`);
      }
    }
  } finally {
    db.close();
  }
}
