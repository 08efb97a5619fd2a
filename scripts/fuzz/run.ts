/**
 * `npm run fuzz [-- --seed N --files N --http N --summary PATH]`: the seeded fuzz run of issue 13
 * (not part of `npm test`; tests/scripts/fuzzImports.test.ts runs a fixed small subset).
 * Defaults: seed 2026, 10,000 files in-process and 300 over HTTP. Prints the counts and every
 * problem; exits 1 if there was any. With --summary, the counts so far are also written to
 * that file every 50 files (a long run stopped early still says how far it got and what it saw).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fuzzHttp, fuzzInProcess, type FuzzResult } from './fuzzImports.ts';

const { values } = parseArgs({
  options: { seed: { type: 'string', default: '2026' }, files: { type: 'string', default: '10000' }, http: { type: 'string', default: '300' }, summary: { type: 'string' } },
});
const seed = Number(values.seed);

function summary(label: string, r: FuzzResult): string {
  const reasons = Object.entries(r.reasons).sort((a, b) => b[1] - a[1]).map(([k, v]) => `    ${v} × ${k}`).join('\n');
  return `${label}: ${r.files} files, ${r.reports} reports, ${r.refusedWithReason} refused with a reason, ${r.problems.length} problems (slowest ${r.slowestMs} ms)\n${reasons}\n` +
    r.problems.map((p) => `  PROBLEM #${p.n} ${p.source} [${p.applied.join(', ')}]: ${p.problem}`).join('\n');
}

const started = Date.now();
const elapsed = () => Math.round((Date.now() - started) / 1000);
const inProcess = await fuzzInProcess(seed, Number(values.files), (done, r) => {
  if (values.summary && done % 50 === 0) writeFileSync(values.summary, `seed ${seed}, ${elapsed()} s, in progress\n${summary('in-process', r)}\n`);
  if (done % 500 === 0) process.stderr.write(`${done} files, ${r.problems.length} problems, ${elapsed()} s\n`);
});
const inProcessText = summary('in-process', inProcess);
process.stdout.write(inProcessText + '\n');
if (values.summary) writeFileSync(values.summary, `seed ${seed}, ${elapsed()} s, in-process done; HTTP running\n${inProcessText}\n`);
const http = await fuzzHttp(seed + 1, Number(values.http));
const httpText = summary('HTTP', http);
process.stdout.write(httpText + '\n');
process.stdout.write(`total ${elapsed()} s\n`);
if (values.summary) writeFileSync(values.summary, `seed ${seed}, ${elapsed()} s, done\n${inProcessText}\n${httpText}\n`);
if (inProcess.problems.length + http.problems.length > 0) process.exitCode = 1;
