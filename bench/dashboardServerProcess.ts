/**
 * bench/dashboardServer.ts in a process of its own (it says why), started and stopped by the
 * dashboard benchmark (timeDashboard.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../etl/db/defaultPaths.ts';

/** The app over `dbPath`, serving `dashboardDir`, its day fixed to `today`; `url` once it listens. */
export async function startDashboardServer(dbPath: string, dashboardDir: string, today: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'bench', 'dashboardServer.ts'), dbPath, dashboardDir, today], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const port = /listening (\d+)/.exec(output);
      if (port) resolve(`http://127.0.0.1:${port[1]}/`);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`the dashboard's server stopped (${code}): ${output}`)));
  });
  return { child, url };
}

/** Stops it (SIGTERM: it closes the database) and resolves with its exit code. */
export async function stopDashboardServer(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}
