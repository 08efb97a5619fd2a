/** Runs the command line as an administrator would: `npm run --silent etl -- <args>` from the project root. */
import { spawn } from 'node:child_process';
import { projectRoot } from '../../etl/db/defaultPaths.ts';

export interface EtlRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runEtl(args: readonly string[], timeoutMs = 60_000): Promise<EtlRun> {
  const env = { ...process.env };
  delete env.RT_DB;
  delete env.RT_SECRET_FILE;
  const child = spawn('npm', ['run', '--silent', 'etl', '--', ...args], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
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
