/** Where the embedded default database and the pseudonym secret live. */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The default database file shared by the server and the CLI (`RT_DB` overrides). */
export function defaultDatabasePath(): string {
  return process.env.RT_DB ?? join(projectRoot, 'data', 'ressursteam.duckdb');
}

/**
 * The pseudonym secret sits beside the database file but outside it (`RT_SECRET_FILE`
 * overrides), so a copy of the database alone cannot re-identify a student_ref.
 */
export function secretPathFor(databasePath: string): string {
  return process.env.RT_SECRET_FILE ?? join(dirname(resolve(databasePath)), 'pseudonym.key');
}
