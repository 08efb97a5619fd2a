/**
 * The load benchmark alone, on the sample data in a temporary database: a quick check that
 * it works (`npx tsx bench/load.ts --seconds 3 --connections 10`), not a measurement — the
 * numbers that count come from `npm run bench` on the national database on a quiet machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../etl/db/openDatabase.ts';
import { importBatch } from '../etl/load/importBatch.ts';
import { pseudonymKey } from '../etl/load/pseudonymKey.ts';
import { sampleDataDir } from '../server/loadSampleData.ts';
import { timeLoad } from './timeLoad.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '5' }, connections: { type: 'string', default: '10' } } });
const dir = mkdtempSync(join(tmpdir(), 'rt-load-'));
const db = await openDatabase(join(dir, 'load.duckdb'));
try {
  await importBatch(db.connection, [sampleDataDir], { key: pseudonymKey(Buffer.alloc(32, 1)) });
  const result = await timeLoad(db.instance, [sampleDataDir], { connections: Number(values.connections), seconds: Number(values.seconds) }, console.log);
  console.log(JSON.stringify(result));
} finally {
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
