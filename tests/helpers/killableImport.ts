/**
 * A child process for the kill test: imports the files into the database, and after the
 * N-th file is upserted inside the batch's open transaction prints `STAGED <file>` and
 * waits forever for the test to kill it.
 *
 *   node --import tsx tests/helpers/killableImport.ts <db> <N> <file>...
 */
import { openDatabase } from '../../etl/db/openDatabase.ts';
import { importBatch } from '../../etl/load/importBatch.ts';
import { testPseudonymKey } from './testKey.ts';

const [dbPath, stopAfter, ...files] = process.argv.slice(2);
if (!dbPath || !stopAfter || files.length === 0) {
  process.stderr.write('usage: killableImport.ts <db> <N> <file>...\n');
  process.exit(2);
}

// A safety net: never outlive a test that forgot to kill us.
setTimeout(() => process.exit(3), 60_000).unref();

const db = await openDatabase(dbPath);
let staged = 0;
await importBatch(db.connection, files, {
  key: testPseudonymKey(),
  async onFileLoaded(file) {
    staged++;
    if (staged < Number(stopAfter)) return;
    process.stdout.write(`STAGED ${file}\n`);
    // Block inside the transaction; the interval keeps the event loop (and the process) alive.
    await new Promise<never>(() => setInterval(() => undefined, 1_000));
  },
});
process.stdout.write('FINISHED\n');
db.close();
