/**
 * `backup <folder> [--db path]` and `restore <folder> --db <new path>`.
 *
 * A backup is DuckDB's own `EXPORT DATABASE … (FORMAT parquet)` of every table (the schema
 * as SQL, one Parquet file per table) in `<folder>/database`, and a copy of the pseudonym key
 * as `<folder>/pseudonym.key`, to be moved elsewhere: whoever holds both can tell which
 * pseudonyms belong to which student_ref. A restore builds a new database file from the
 * export (never over an existing one) and puts the key beside it.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { openDatabase } from '../db/openDatabase.ts';
import { secretPathFor } from '../db/defaultPaths.ts';
import { sqlString } from '../load/sqlExpressions.ts';
import { UserFacingError } from '../log/userFacingError.ts';

const exportFolder = (folder: string) => join(resolve(folder), 'database');
const keyCopy = (folder: string) => join(resolve(folder), 'pseudonym.key');

export async function backupCommand(folder: string, options: { db: string }): Promise<void> {
  if (!existsSync(options.db)) throw new UserFacingError(`fant ingen database i ${options.db}`);
  if (existsSync(folder) && readdirSync(folder).length > 0) throw new UserFacingError(`mappen ${folder} er ikke tom; velg en ny mappe for sikkerhetskopien`);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const db = await openDatabase(options.db);
  try {
    await db.connection.run(`EXPORT DATABASE ${sqlString(exportFolder(folder))} (FORMAT parquet)`);
  } finally {
    db.close();
  }
  const key = secretPathFor(options.db);
  if (existsSync(key)) {
    copyFileSync(key, keyCopy(folder));
    process.stderr.write(
      `ADVARSEL: pseudonymnøkkelen er kopiert til ${keyCopy(folder)}.\n` +
        'Flytt den bort fra databasekopien (til et passordhvelv eller en annen lagringsplass med tilgangskontroll):\n' +
        'den som har både kopien og nøkkelen, kan finne ut hvilke pseudonymer som hører til hvilken elevreferanse.\n' +
        'Uten nøkkelen kan en gjenopprettet database ikke kjenne igjen elevene i nye importer.\n',
    );
  } else {
    process.stderr.write(`ADVARSEL: fant ingen pseudonymnøkkel i ${key}; sikkerhetskopien har bare databasen.\n`);
  }
  process.stdout.write(`Sikkerhetskopi skrevet til ${exportFolder(folder)}\n`);
}

export async function restoreCommand(folder: string, options: { db: string; key?: string }): Promise<void> {
  const source = exportFolder(folder);
  if (!existsSync(join(source, 'schema.sql'))) throw new UserFacingError(`fant ingen sikkerhetskopi i ${folder} (mangler database/schema.sql)`);
  if (existsSync(options.db)) throw new UserFacingError(`${options.db} finnes allerede; gjenopprett til en ny databasefil`);
  const keyFrom = options.key ?? keyCopy(folder);
  const keyTo = secretPathFor(options.db);
  if (!existsSync(keyFrom)) throw new UserFacingError(`fant ikke pseudonymnøkkelen ${keyFrom}; oppgi den med --key <fil>`);
  if (existsSync(keyTo)) throw new UserFacingError(`det ligger alt en pseudonymnøkkel i ${keyTo}; flytt den før du gjenoppretter`);
  mkdirSync(dirname(resolve(options.db)), { recursive: true, mode: 0o700 });
  process.umask(process.umask() | 0o077);
  // Without the schema first: IMPORT DATABASE creates every table itself.
  const instance = await DuckDBInstance.create(options.db);
  try {
    const conn = await instance.connect();
    try {
      await conn.run(`IMPORT DATABASE ${sqlString(source)}`);
    } finally {
      conn.closeSync();
    }
  } finally {
    instance.closeSync();
  }
  copyFileSync(keyFrom, keyTo);
  chmodSync(keyTo, 0o600);
  // Opening it as every command does: the file made private, the schema brought up to date.
  (await openDatabase(options.db)).close();
  process.stdout.write(`Database gjenopprettet i ${options.db}, pseudonymnøkkelen i ${keyTo}\n`);
}
