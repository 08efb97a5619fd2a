/**
 * Times a command as a person runs it from a shell: spawned from this small Node process,
 * not from the benchmark's own. Why: the benchmark process holds gigabytes by the time it
 * times the command line (the national import, the load test), and spawning a child from a
 * process that size copies its page tables first: 60–100 ms per call from a 4 GB process
 * against about 5 ms from a small one (measured for issue 9), a cost no administrator's shell has.
 *
 *   node bench/timeCommand.mjs <runs> <command> [args...]
 * Runs the command once as a warm-up, then <runs> times; prints the seconds of each run as a
 * JSON array. A run that fails ends this process with its stderr and a non-zero exit.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import process from 'node:process';

const [runsArg, command, ...args] = process.argv.slice(2);
const runs = Number(runsArg);
if (!command || !Number.isInteger(runs) || runs < 1) {
  process.stderr.write('usage: node bench/timeCommand.mjs <runs> <command> [args...]\n');
  process.exit(2);
}

function once() {
  const started = performance.now();
  const run = spawnSync(command, args, { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) {
    process.stderr.write(run.stderr || `${command} failed (${run.error?.message ?? `exit ${run.status}`})\n`);
    process.exit(1);
  }
  return seconds;
}

once();
process.stdout.write(JSON.stringify(Array.from({ length: runs }, once)) + '\n');
