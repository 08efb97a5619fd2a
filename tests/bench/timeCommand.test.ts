/**
 * bench/timeCommand.mjs, the small process that times the command line as a shell would:
 * one warm-up and then exactly the asked number of runs, each timed around the whole child
 * process, and a failing command fails the timing with its own message.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../etl/db/defaultPaths.ts';

const timer = join(projectRoot, 'bench', 'timeCommand.mjs');
const dir = mkdtempSync(join(tmpdir(), 'rt-time-command-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function time(...args: string[]) {
  return spawnSync(process.execPath, [timer, ...args], { encoding: 'utf8' });
}

describe('bench/timeCommand.mjs', () => {
  it('runs the command once to warm up and then the asked number of times, timing each whole run', () => {
    const log = join(dir, 'runs.log');
    // Each run appends a line and sleeps 150 ms: every timing must include the sleep.
    const script = `require('node:fs').appendFileSync(${JSON.stringify(log)}, 'x\\n'); setTimeout(() => {}, 150);`;
    const run = time('3', process.execPath, '-e', script);
    expect(run.status, run.stderr).toBe(0);
    const seconds = JSON.parse(run.stdout) as number[];
    expect(seconds).toHaveLength(3);
    for (const s of seconds) {
      expect(s).toBeGreaterThanOrEqual(0.15);
      expect(s).toBeLessThan(30);
    }
    expect(readFileSync(log, 'utf8')).toBe('x\nx\nx\nx\n');
  });

  it('fails with the command’s own error output when a run fails', () => {
    const run = time('2', process.execPath, '-e', "process.stderr.write('no such school\\n'); process.exit(3)");
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('no such school\n');
    expect(run.stdout).toBe('');
  });

  it('refuses a run count that is not a positive whole number', () => {
    for (const runs of ['0', 'two', '1.5']) {
      const run = time(runs, process.execPath, '-e', '');
      expect(run.status, runs).toBe(2);
      expect(run.stderr).toMatch(/usage/);
    }
  });
});
