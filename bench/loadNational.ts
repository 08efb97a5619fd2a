/**
 * The load benchmark alone, on a private copy of the national database (data/bench/national.duckdb,
 * made by `npm run bench`): `npx tsx bench/loadNational.ts [--seconds 30] [--connections 100] [--no-import]`.
 * For comparing a change before and after without the whole bench. The import during the
 * second run writes into the copy, so every run starts from a fresh copy in a private
 * temporary folder, removed afterwards. Prints the load averages beside the numbers: on a
 * shared machine they say how much the numbers mean.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../etl/db/defaultPaths.ts';
import { openDatabase } from '../etl/db/openDatabase.ts';
import { nationalFiles } from './nationalData.ts';
import { timeLoad } from './timeLoad.ts';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '30' }, connections: { type: 'string', default: '100' }, 'no-import': { type: 'boolean', default: false } },
});
const source = join(projectRoot, 'data', 'bench', 'national.duckdb');
if (!existsSync(source)) throw new Error(`${source} is missing: run \`npm run bench\` once to make it`);
const dir = mkdtempSync(join(tmpdir(), 'rt-load-national-'));
const copy = join(dir, 'national.duckdb');
copyFileSync(source, copy);
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');
const db = await openDatabase(copy);
try {
  const files = await nationalFiles(console.log);
  const before = load();
  const result = await timeLoad(db.instance, files, { connections: Number(values.connections), seconds: Number(values.seconds), duringImport: !values['no-import'] }, console.log);
  console.log(JSON.stringify({ ...result, loadavg_before: before, loadavg_after: load() }));
} finally {
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
