/**
 * bench/dashboardServer.ts in a process of its own (it says why), started and stopped by the
 * dashboard benchmark (timeDashboard.ts).
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../etl/db/defaultPaths.ts';
import { startScriptProcess } from '../tests/helpers/serverProcess.ts';

/** The app over `dbPath`, serving `dashboardDir`, its day fixed to `today`; `url` once it listens. */
export async function startDashboardServer(dbPath: string, dashboardDir: string, today: string): Promise<{ child: ChildProcess; url: string }> {
  const { child, url } = startScriptProcess({
    script: join(projectRoot, 'bench', 'dashboardServer.ts'),
    args: [dbPath, dashboardDir, today],
    listening: /listening (\d+)/,
    name: "the dashboard's server",
  });
  return { child, url: `${await url}/` };
}

/** Stops it (SIGTERM: it closes the database) and resolves with its exit code. */
export async function stopDashboardServer(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}
