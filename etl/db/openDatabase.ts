/**
 * Opens (or creates) a DuckDB database file and makes sure the schema exists. The file holds
 * data about children: like the pseudonym key it is readable by its owner only (0600), and
 * so is everything DuckDB writes beside it (the `.wal` log, which it deletes and re-creates
 * at every checkpoint, and the `.tmp` spill folder). DuckDB has no setting for the mode of
 * the files it creates, so the process's umask is tightened to 077 before it opens one;
 * files made before that (an older database, a leftover WAL) are set to 0600 here.
 */
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { schemaDdl } from './schema.ts';
import { migrateVocabularyColumns } from './vocabularyColumns.ts';
import { writerInstanceOptions } from './writerInstanceOptions.ts';

export interface Database {
  readonly path: string;
  readonly instance: DuckDBInstance;
  readonly connection: DuckDBConnection;
  close(): void;
}

/** From now on this process creates files for its owner only (a worker thread cannot: chmod covers it). */
export function restrictUmask(): void {
  try {
    process.umask(process.umask() | 0o077);
  } catch {
    // process.umask() cannot be set in a worker thread; the chmods below still apply.
  }
}

/** The database file and its write-ahead log, 0600 when they exist. */
function makePrivate(path: string): void {
  for (const file of [path, `${path}.wal`]) if (existsSync(file)) chmodSync(file, 0o600);
}

export async function openDatabase(path: string): Promise<Database> {
  if (path !== ':memory:') {
    restrictUmask();
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  }
  const instance = await DuckDBInstance.create(path, writerInstanceOptions());
  const connection = await instance.connect();
  for (const ddl of schemaDdl()) await connection.run(ddl);
  await migrateVocabularyColumns(connection);
  if (path !== ':memory:') makePrivate(path);
  return {
    path,
    instance,
    connection,
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
