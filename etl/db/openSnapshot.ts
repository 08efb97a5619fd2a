/**
 * Opens a read-only snapshot of the database for a second (third, …) server process: the
 * snapshot file is attached `READ_ONLY` (any number of processes may do that at once), and
 * a small database of the process's own (`localPath`) holds what a server must write — the
 * sessions and the audit log — with a view onto the snapshot for every other table, so the
 * figures, the accounts and the schools read the snapshot by their usual names.
 * See the README, "Several server processes".
 */
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { accountsDdl } from './accountsSchema.ts';
import type { Database } from './openDatabase.ts';
import { writerInstanceOptions } from './writerInstanceOptions.ts';

/** The tables a server writes while it serves; they stay in the process's own database. */
const writtenWhileServing = ['sessions', 'audit_log'];

const sqlText = (text: string) => `'${text.replaceAll("'", "''")}'`;

export async function openSnapshot(snapshotPath: string, localPath: string): Promise<Database> {
  process.umask(process.umask() | 0o077);
  mkdirSync(dirname(localPath), { recursive: true, mode: 0o700 });
  if (!existsSync(snapshotPath)) throw new Error(`fant ikke øyeblikksbildet ${snapshotPath}`);
  const instance = await DuckDBInstance.create(localPath, writerInstanceOptions());
  const connection = await instance.connect();
  await connection.run(`ATTACH ${sqlText(snapshotPath)} AS snapshot (READ_ONLY)`);
  for (const ddl of accountsDdl) if (writtenWhileServing.some((t) => ddl.includes(`EXISTS ${t} `)) || ddl.includes('audit_id_seq START')) await connection.run(ddl);
  const tables = await connection.runAndReadAll(`SELECT table_name FROM duckdb_tables() WHERE database_name = 'snapshot' AND schema_name = 'main'`);
  for (const [name] of tables.getRows() as [string][]) {
    if (writtenWhileServing.includes(name)) continue;
    const quoted = `"${name.replaceAll('"', '""')}"`;
    // rowid too: the figure facts number cases by it, and a view has none of its own.
    await connection.run(`CREATE OR REPLACE VIEW main.${quoted} AS SELECT *, rowid AS rowid FROM snapshot.main.${quoted}`);
  }
  chmodSync(localPath, 0o600);
  return {
    path: localPath,
    instance,
    connection,
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
