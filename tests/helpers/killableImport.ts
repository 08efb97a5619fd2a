/**
 * A child process for the kill test: imports the files into the database and stops at a
 * point inside the batch's transaction, where it prints a marker with the row counts its own
 * connection sees (its uncommitted rows included) and those a second connection to the same
 * database sees (the committed state only). The two differing proves the point is inside
 * the open transaction.
 *
 *   node --import tsx tests/helpers/killableImport.ts <db> loaded:<N> <file>...
 *     after the N-th file is upserted: prints `STAGED <file> <counts>` and waits to be killed.
 *   node --import tsx tests/helpers/killableImport.ts <db> commit <file>...
 *     immediately before COMMIT: prints `COMMITTING <counts>`, lets COMMIT start, and kills
 *     itself (SIGKILL) as soon as COMMIT has written to the write-ahead log, printing
 *     `KILLED with <n> bytes of WAL written` first.
 *
 * `<counts>` is JSON: {"inside": {table: rows}, "outside": {table: rows}}. `FINISHED` is
 * printed only if the import got past its COMMIT alive.
 */
import { existsSync, statSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { openDatabase } from '../../etl/db/openDatabase.ts';
import { importBatch } from '../../etl/load/importBatch.ts';
import { testPseudonymKey } from './testKey.ts';

const [dbPath, stopAt, ...files] = process.argv.slice(2);
const loadedMatch = /^loaded:(\d+)$/.exec(stopAt ?? '');
if (!dbPath || !(loadedMatch || stopAt === 'commit') || files.length === 0) {
  process.stderr.write('usage: killableImport.ts <db> loaded:<N>|commit <file>...\n');
  process.exit(2);
}

// A safety net: never outlive a test that forgot to kill us.
setTimeout(() => process.exit(3), 60_000).unref();

const tables = ['schools', 'meetings', 'cases', 'quarantine', 'import_batches'];

async function rowCounts(conn: DuckDBConnection): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = Number((await conn.runAndReadAll(`SELECT count(*) FROM ${table}`)).getRows()[0]![0]);
  return counts;
}

const db = await openDatabase(dbPath);
const other = await db.instance.connect();
const counts = async () => JSON.stringify({ inside: await rowCounts(db.connection), outside: await rowCounts(other) });

let loaded = 0;
await importBatch(db.connection, files, {
  key: testPseudonymKey(),
  async onFileLoaded(file) {
    loaded++;
    if (!loadedMatch || loaded < Number(loadedMatch[1])) return;
    process.stdout.write(`STAGED ${file} ${await counts()}\n`);
    // Block inside the transaction; the interval keeps the event loop (and the process) alive.
    await new Promise<never>(() => setInterval(() => undefined, 1_000));
  },
  async beforeCommit() {
    if (stopAt !== 'commit') return;
    // Writing to a pipe is synchronous on Linux: the marker is out before we die.
    process.stdout.write(`COMMITTING ${await counts()}\n`);
    // COMMIT runs on a DuckDB worker thread while the event loop keeps turning: watch the
    // write-ahead log and die as soon as COMMIT has started writing it.
    const wal = `${dbPath}.wal`;
    const watch = () => {
      const size = existsSync(wal) ? statSync(wal).size : 0;
      if (size === 0) return void setImmediate(watch);
      process.stdout.write(`KILLED with ${size} bytes of WAL written\n`);
      process.kill(process.pid, 'SIGKILL');
    };
    setImmediate(watch);
  },
});
process.stdout.write('FINISHED\n');
other.closeSync();
db.close();
