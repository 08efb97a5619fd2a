/**
 * The scripted mutation pass (npm run mutation). For each mutation of mutations.ts: check
 * its search text occurs exactly once (else "stale"), apply it in a throwaway copy of the
 * tree under the system temp folder, run only the test files it names, and call it killed
 * when vitest fails (a timeout counts as killed, as in Stryker), survived when the tests
 * pass. The working tree is only read: other people work in it while the pass runs.
 *
 *   npm run mutation                       every mutation
 *   npm run mutation -- --only id1,id2     some of them
 *   npm run mutation -- --area figures     one area
 *   npm run mutation -- --no-fail          exit 0 even with survivors or stale ones
 *   npm run mutation -- --keep             leave the copy in place (its path is printed)
 *   npm run mutation -- --skip-baseline    do not first check the listed tests pass unmutated
 *
 * Exit code: 0 when every mutation was killed, 1 when one survived or is stale, 2 when the
 * pass could not run (the listed tests fail without any mutation, or bad options).
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { mutations, type Mutation } from './mutations.ts';

type Status = 'killed' | 'timeout' | 'survived' | 'stale';

interface Outcome {
  readonly mutation: Mutation;
  readonly status: Status;
  readonly seconds: number;
  /** The first failing test (or why it is stale). */
  readonly detail: string;
}

interface VitestRun {
  readonly exitCode: number | null;
  readonly timedOut: boolean;
  readonly seconds: number;
  readonly failed: string[];
  readonly output: string;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function options() {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      area: { type: 'string' },
      'no-fail': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      'skip-baseline': { type: 'boolean', default: false },
      timeout: { type: 'string', default: '300' },
    },
  });
  return { ...values, timeoutMs: Number(values.timeout) * 1000 };
}

function selected(only: string | undefined, area: string | undefined): Mutation[] {
  const ids = only?.split(',').map((s) => s.trim());
  const unknown = ids?.filter((id) => !mutations.some((m) => m.id === id)) ?? [];
  if (unknown.length > 0) throw new Error(`unknown mutation id: ${unknown.join(', ')}`);
  return mutations.filter((m) => (!ids || ids.includes(m.id)) && (!area || m.area === area));
}

function occurrences(text: string, search: string): number {
  return text.split(search).length - 1;
}

/** Why the mutation cannot be applied to the tree as it is, or null. */
function staleness(m: Mutation): string | null {
  const path = join(root, m.file);
  if (!existsSync(path)) return `${m.file} does not exist`;
  const count = occurrences(readFileSync(path, 'utf8'), m.search);
  if (count !== 1) return `search text found ${count} times in ${m.file}`;
  const missing = m.tests.filter((t) => !existsSync(join(root, t)));
  return missing.length > 0 ? `test file missing: ${missing.join(', ')}` : null;
}

/** Copies the tracked and untracked-but-not-ignored files (uncommitted edits included). */
function copyTree(): string {
  const dest = mkdtempSync(join(tmpdir(), 'rt-mutation-'));
  const listing = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  for (const file of new Set(listing.split('\0'))) {
    if (!file || file === 'node_modules' || file.startsWith('node_modules/')) continue;
    const from = join(root, file);
    if (!existsSync(from) || !statSync(from).isFile()) continue; // deleted in the working tree
    mkdirSync(dirname(join(dest, file)), { recursive: true });
    copyFileSync(from, join(dest, file));
  }
  symlinkSync(realpathSync(join(root, 'node_modules')), join(dest, 'node_modules'));
  return dest;
}

let running: ReturnType<typeof spawn> | null = null;

function runVitest(dir: string, files: readonly string[], timeoutMs: number): Promise<VitestRun> {
  // The project's vitest config names the JSON report's file (its reporter options win over
  // --outputFile), so read that one.
  const report = join(dir, 'test-output', 'vitest.json');
  rmSync(report, { force: true });
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(join(dir, 'node_modules', '.bin', 'vitest'), ['run', ...files, '--reporter=json'], {
      cwd: dir,
      detached: true, // its own process group, so a timeout stops vitest's workers too
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    running = child;
    let output = '';
    child.stdout?.on('data', () => {}); // the JSON goes to the file; stdout is not needed
    child.stderr?.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      stopGroup(child);
    }, timeoutMs);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      running = null;
      done({ exitCode, timedOut, seconds: (Date.now() - started) / 1000, failed: failedTests(report), output });
    });
  });
}

function stopGroup(child: ReturnType<typeof spawn>): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

interface VitestJson {
  testResults?: Array<{ name: string; status: string; message?: string; assertionResults?: Array<{ fullName: string; status: string }> }>;
}

/** "file › test" for each failed test, or the file when it failed to load. */
function failedTests(report: string): string[] {
  if (!existsSync(report)) return [];
  const json = JSON.parse(readFileSync(report, 'utf8')) as VitestJson;
  return (json.testResults ?? []).flatMap((file) => {
    const name = file.name.includes('/tests/') ? file.name.slice(file.name.indexOf('/tests/') + 1) : file.name;
    const failed = (file.assertionResults ?? []).filter((a) => a.status === 'failed').map((a) => `${name} › ${a.fullName}`);
    return failed.length > 0 || file.status !== 'failed' ? failed : [`${name} (did not run: ${(file.message ?? '').split('\n')[0]})`];
  });
}

async function mutate(dir: string, m: Mutation, timeoutMs: number): Promise<Outcome> {
  const path = join(dir, m.file);
  const original = readFileSync(path, 'utf8');
  writeFileSync(path, original.replace(m.search, () => m.replace));
  try {
    const run = await runVitest(dir, m.tests, timeoutMs);
    if (run.timedOut) return { mutation: m, status: 'timeout', seconds: run.seconds, detail: `no answer in ${timeoutMs / 1000} s` };
    if (run.exitCode === 0) return { mutation: m, status: 'survived', seconds: run.seconds, detail: '' };
    const detail = run.failed[0] ?? `vitest exited ${run.exitCode}: ${run.output.trim().split('\n').slice(-1)[0] ?? ''}`;
    const more = run.failed.length > 1 ? ` (+${run.failed.length - 1} more)` : '';
    return { mutation: m, status: 'killed', seconds: run.seconds, detail: detail + more };
  } finally {
    writeFileSync(path, original);
  }
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function table(outcomes: readonly Outcome[]): string {
  const lines = ['| # | mutation | area | result | s | caught by / note |', '|---|---|---|---|---|---|'];
  outcomes.forEach((o, i) => {
    lines.push(`| ${i + 1} | ${o.mutation.id} | ${o.mutation.area} | ${o.status} | ${o.seconds.toFixed(1)} | ${cell(o.detail)} |`);
  });
  return lines.join('\n');
}

function summary(outcomes: readonly Outcome[], totalSeconds: number): string {
  const count = (s: Status) => outcomes.filter((o) => o.status === s).length;
  const detected = count('killed') + count('timeout');
  const judged = detected + count('survived');
  const rate = judged === 0 ? 'n/a' : `${((100 * detected) / judged).toFixed(1)} %`;
  const survivors = outcomes.filter((o) => o.status === 'survived').map((o) => `  survived: ${o.mutation.id} — ${o.mutation.why}`);
  const stale = outcomes.filter((o) => o.status === 'stale').map((o) => `  stale: ${o.mutation.id} — ${o.detail}`);
  return [
    `Kill rate: ${detected}/${judged} = ${rate} (killed ${count('killed')}, timeout ${count('timeout')}, survived ${count('survived')}; stale ${count('stale')} not counted)`,
    `Total time: ${(totalSeconds / 60).toFixed(1)} min`,
    ...survivors,
    ...stale,
  ].join('\n');
}

async function main(): Promise<number> {
  const opts = options();
  const chosen = selected(opts.only, opts.area);
  const started = Date.now();
  const stale = new Map(chosen.map((m) => [m.id, staleness(m)] as const));
  const runnable = chosen.filter((m) => stale.get(m.id) === null);
  const dir = copyTree();
  const cleanUp = () => {
    if (running) stopGroup(running);
    if (!opts.keep) rmSync(dir, { recursive: true, force: true });
  };
  const interrupted = () => {
    cleanUp();
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  console.error(`Mutation pass: ${chosen.length} mutations (${runnable.length} applicable) in ${dir}`);
  try {
    const baselineFiles = [...new Set(runnable.flatMap((m) => m.tests))];
    if (baselineFiles.length > 0 && !opts['skip-baseline']) {
      const baseline = await runVitest(dir, baselineFiles, opts.timeoutMs * 2);
      if (baseline.exitCode !== 0) {
        console.error(`The listed tests fail without any mutation, so no result would mean anything:\n${baseline.failed.join('\n') || baseline.output}`);
        return 2;
      }
      console.error(`Baseline: ${baselineFiles.length} test files pass (${baseline.seconds.toFixed(1)} s)`);
    }
    const outcomes: Outcome[] = [];
    for (const [i, m] of chosen.entries()) {
      const why = stale.get(m.id);
      const outcome = why ? { mutation: m, status: 'stale' as const, seconds: 0, detail: why } : await mutate(dir, m, opts.timeoutMs);
      console.error(`[${i + 1}/${chosen.length}] ${m.id}: ${outcome.status} (${outcome.seconds.toFixed(1)} s)`);
      outcomes.push(outcome);
    }
    const totalSeconds = (Date.now() - started) / 1000;
    console.log(table(outcomes));
    console.log('');
    console.log(summary(outcomes, totalSeconds));
    mkdirSync(join(root, 'test-output'), { recursive: true });
    writeFileSync(
      join(root, 'test-output', 'mutation.json'),
      JSON.stringify(outcomes.map((o) => ({ id: o.mutation.id, area: o.mutation.area, status: o.status, seconds: o.seconds, detail: o.detail })), null, 2),
    );
    const bad = outcomes.some((o) => o.status === 'survived' || o.status === 'stale');
    return bad && !opts['no-fail'] ? 1 : 0;
  } finally {
    cleanUp();
    if (opts.keep) console.error(`The copy is kept in ${dir}`);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
