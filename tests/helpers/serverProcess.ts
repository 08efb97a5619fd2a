/**
 * A server script in a process of its own: server/main.ts as `npm start` runs it
 * (startServerProcess), or another entry such as the dashboard bench's server
 * (startScriptProcess); `url` resolves once it prints that it listens, and rejects if it
 * stops first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../etl/db/defaultPaths.ts';

export interface ScriptProcessOptions {
  /** The TypeScript entry, run through tsx. */
  readonly script: string;
  readonly args?: readonly string[];
  /** On top of this process's environment. */
  readonly env?: Record<string, string>;
  /** Matches the line that says it listens; its first group is the port. */
  readonly listening: RegExp;
  /** For the error when it stops before listening. */
  readonly name: string;
}

export function startScriptProcess(o: ScriptProcessOptions): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', o.script, ...(o.args ?? [])], {
    cwd: projectRoot,
    env: { ...process.env, ...o.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = new Promise<string>((resolve, reject) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const port = o.listening.exec(output);
      if (port) resolve(`http://127.0.0.1:${port[1]}`);
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`${o.name} stopped (${code}): ${output}`)));
  });
  return { child, url };
}

/** server/main.ts with the given environment on top of the test's (PORT=0: a free port). */
export function startServerProcess(env: Record<string, string>, name = 'the server'): { child: ChildProcess; url: Promise<string> } {
  return startScriptProcess({
    script: join(projectRoot, 'server', 'main.ts'),
    env: { PORT: '0', TZ: 'UTC', ...env },
    listening: /http:\/\/localhost:(\d+)\//,
    name,
  });
}
