/**
 * Imports one file into a fresh database (a school 980000001 exists) and prints one JSON
 * line: seconds, peak resident memory (MB, from the kernel's own count), outcome. Run as a
 * child process of measureHostile.ts so each measurement has a process of its own.
 *
 *   node --import tsx scripts/hostile/measureImport.ts <db> <file>
 */
import { resourceUsage } from 'node:process';
import { openDatabase } from '../../etl/db/openDatabase.ts';
import { importBatch } from '../../etl/load/importBatch.ts';
import { pseudonymKey } from '../../etl/load/pseudonymKey.ts';

const [dbPath, file] = process.argv.slice(2);
const db = await openDatabase(dbPath!);
await db.connection.run(`INSERT INTO schools (school_id, school_name, municipality) VALUES ('980000001', 'Lyngheia skole', 'Fjellbygd')`);
const started = performance.now();
let outcome: string;
try {
  const report = await importBatch(db.connection, [file!], { key: pseudonymKey(Buffer.alloc(32, 1)) });
  const f = report.files[0]!;
  outcome = `read ${f.read}, inserted ${f.inserted}, rejected ${f.rejected}, ${report.rejections.length} rejections in the report`;
} catch (error) {
  outcome = `refused: ${(error as Error).message.slice(0, 200)}`;
}
const seconds = (performance.now() - started) / 1000;
const quarantined = Number((await db.connection.runAndReadAll('SELECT count(*) FROM quarantine')).getRows()[0]![0]);
process.stdout.write(JSON.stringify({ seconds: Math.round(seconds * 10) / 10, peakRssMb: Math.round(resourceUsage().maxRSS / 1024), quarantined, outcome }) + '\n');
db.close();
