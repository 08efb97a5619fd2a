/**
 * A refused batch in the import history (table import_refusals): who, when, the files and
 * the reason, so the school office sees a refused import where it sees the loaded ones, not
 * only in the audit log. The reason is the importer's own text with the file named as the
 * history names it; a database error keeps only «databasefeil, ingenting er lest inn» (the
 * database's words may quote a value), and a reason holding a national identity number is
 * not kept at all. Written after the batch's ROLLBACK, on its own: it never fails the
 * refusal it records.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { basename } from 'node:path';
import { containsNationalIdentityNumber } from './fnrSql.ts';
import { historyFileName } from './historyFileName.ts';
import type { ImportError } from './importReport.ts';
import { containsPersonnummer } from './personnummerSql.ts';

export interface RefusalContext {
  readonly actor?: { readonly username: string; readonly via: 'cli' | 'http' };
  readonly fileName?: (path: string) => string;
}

export const databaseErrorReason = 'databasefeil, ingenting er lest inn';

/** The reason as the history keeps it. */
export function refusalReason(error: ImportError, shown: (path: string) => string): string {
  const reason = error.file
    ? `${historyFileName(shown(error.file))}: ${error.message.slice(error.file.length + 2)}`
    : error.message.startsWith(databaseErrorReason)
      ? databaseErrorReason
      : error.message;
  return containsNationalIdentityNumber(reason) || containsPersonnummer(reason) ? 'importen ble avvist (begrunnelsen inneholdt et fødselsnummer og er ikke lagret)' : reason;
}

export async function recordRefusal(conn: DuckDBConnection, paths: readonly string[], error: ImportError, context: RefusalContext): Promise<void> {
  const shown = (path: string) => context.fileName?.(path) ?? basename(path);
  try {
    await conn.run(`INSERT INTO import_refusals VALUES (current_localtimestamp(), $username, $via, $names::VARCHAR[], $reason)`, {
      username: context.actor?.username ?? null,
      via: context.actor?.via ?? null,
      names: JSON.stringify(paths.map((p) => historyFileName(shown(p)))),
      reason: refusalReason(error, shown),
    });
  } catch {
    // The refusal itself is what the user must hear; a history that cannot be written (a
    // database that is read-only or gone) must not replace it.
  }
}
