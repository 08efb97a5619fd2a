/**
 * server/main.ts in a process of its own (as `npm start` runs it), with the given environment
 * on top of the test's; `url` resolves once it listens, and rejects if it stops first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../etl/db/defaultPaths.ts';

export function startServerProcess(env: Record<string, string>, name = 'the server'): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'server', 'main.ts')], {
    cwd: projectRoot,
    env: { ...process.env, PORT: '0', TZ: 'UTC', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = new Promise<string>((resolve, reject) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const port = /http:\/\/localhost:(\d+)\//.exec(output);
      if (port) resolve(`http://127.0.0.1:${port[1]}`);
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`${name} stopped (${code}): ${output}`)));
  });
  return { child, url };
}
