/**
 * A fresh database file holding the sample data, as importing sample-data/ into an empty
 * file leaves it: the import runs once per test run and key (seconds of CPU each), and every
 * later caller gets a byte copy of the closed file. The import itself is tested where it is
 * the subject (tests/sample-data/importSample.test.ts and the etl/load tests); here it is
 * only the set-up of server, browser and figure tests, some forty files.
 *
 * The first caller in the run imports into a private name and renames it into place, so a
 * file is either absent or whole; two workers that both find it absent both import, and the
 * later rename replaces an equal file (only its import time differs; a copy already reading
 * the old one keeps reading it). Without the run's folder (tests/setup/
 * sampleDatabaseDir.ts, a globalSetup) each process keeps its own.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { openDatabase } from '../../etl/db/openDatabase.ts';
import { importBatch } from '../../etl/load/importBatch.ts';
import type { PseudonymKey } from '../../etl/load/pseudonymKey.ts';
import { sampleDataDir } from '../../server/loadSampleData.ts';

let ownDir: string | undefined;
function runDir(): string {
  const shared = inject('sampleDatabaseDir');
  if (shared && existsSync(shared)) return shared;
  return (ownDir ??= mkdtempSync(join(tmpdir(), 'rt-sample-own-')));
}

const built = new Map<string, Promise<string>>();

async function build(path: string, key: PseudonymKey): Promise<string> {
  if (existsSync(path)) return path;
  const building = `${path}.${process.pid}.building`;
  const db = await openDatabase(building);
  await importBatch(db.connection, [sampleDataDir], { key });
  // Closing checkpoints: everything is in the one file, no write-ahead log beside it.
  db.close();
  renameSync(building, path);
  return path;
}

/** Writes the sample database imported with `key` to `path` (a new file): one import per key and run. */
export async function copySampleDatabase(path: string, key: PseudonymKey): Promise<void> {
  // Named by a digest of the key, never the key itself.
  const template = join(runDir(), `sample-${createHash('sha256').update(key.key).digest('hex').slice(0, 16)}.duckdb`);
  if (!built.has(template)) built.set(template, build(template, key));
  copyFileSync(await built.get(template)!, path);
}
