/**
 * `cli_figures_s`: one command-line `figures` call at national scale as an administrator runs
 * it, `npm run --silent etl -- figures ... --school ID --json`, process start included
 * (npm, Node, the CLI bundle, opening DuckDB, the query). Median of five after a warm-up
 * (which also rebuilds the CLI bundle if a source changed), timed from a small process of
 * its own as from a shell (timeCommand.mjs says why). Target ≤ 1 s.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { projectRoot } from '../etl/db/defaultPaths.ts';
import { benchYear } from './timeFigures.ts';

async function firstSchool(dbPath: string): Promise<string> {
  const instance = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  try {
    return String((await conn.runAndReadAll('SELECT min(school_id) FROM schools')).getRows()[0]![0]);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

export async function timeCliFigures(dbPath: string): Promise<{ cli_figures_s: number }> {
  const school = await firstSchool(dbPath);
  const npmArgs = ['run', '--silent', 'etl', '--', 'figures', '--db', dbPath, '--from', benchYear.from, '--to', benchYear.to, '--as-of', benchYear.asOf, '--school', school, '--json'];
  const timer = spawnSync(process.execPath, [join(projectRoot, 'bench', 'timeCommand.mjs'), '5', 'npm', ...npmArgs], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  if (timer.status !== 0) throw new Error(`etl figures failed: ${timer.stderr}`);
  const times = (JSON.parse(timer.stdout) as number[]).sort((a, b) => a - b);
  return { cli_figures_s: times[2]! };
}
