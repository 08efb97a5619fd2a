/**
 * Runs the command line as an administrator would, from the project root: by default what
 * `npm run --silent etl -- <args>` runs (package.json's `etl` script, `node etl/launchCli.mjs`),
 * started directly. Why not through npm every time: npm's own start about doubles
 * the CPU of a short call (0.45 against 0.22 s for `--help`), and the suite makes dozens of
 * calls on a 2-core CI machine.
 * `{ viaNpm: true }` goes through npm itself; tests/etl/cli/npmScript.test.ts does, so the
 * script and the direct start cannot drift apart unnoticed.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../etl/db/defaultPaths.ts';

/** package.json's `etl` script (`node <file>`) with this Node in place of `node`: nothing to keep in step by hand. */
const directStart: readonly string[] = (() => {
  const script = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: { etl: string } }).scripts.etl;
  const [program, ...rest] = script.split(' ');
  if (program !== 'node') throw new Error(`package.json's etl script no longer starts with node: ${script}`);
  return rest;
})();

export interface EtlRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface EtlOptions {
  readonly timeoutMs?: number;
  /** Text written to the command's standard input (for `--password-stdin`). */
  readonly input?: string;
  /** Start through `npm run --silent etl --` instead of node directly. */
  readonly viaNpm?: boolean;
}

/** The command and arguments for one run, as a shell would start it. */
function commandLine(args: readonly string[], viaNpm: boolean): [string, string[]] {
  return viaNpm ? ['npm', ['run', '--silent', 'etl', '--', ...args]] : [process.execPath, [...directStart, ...args]];
}

export function runEtl(args: readonly string[], { timeoutMs = 60_000, input, viaNpm = false }: EtlOptions = {}): Promise<EtlRun> {
  const env = { ...process.env };
  delete env.RT_DB;
  delete env.RT_SECRET_FILE;
  const [command, commandArgs] = commandLine(args, viaNpm);
  // Standard input is a pipe ended at once (like /dev/null) unless there is input to give.
  const child = spawn(command, commandArgs, { cwd: projectRoot, env, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(input ?? '');
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`etl ${args.join(' ')} did not finish in ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}
