/**
 * The command line's `user` commands while the server runs (server/adminSocket.ts): the real
 * server process (`server/main.ts`) holds the database, and the real CLI (`npm run etl --
 * user …`) reaches it through the owner-only Unix socket beside the database. Changes take
 * effect in the running server at once (a new admin signs in over HTTP, a disabled one's
 * session ends), the rules are the CLI's (an unknown school is refused with the same
 * message), every change is audited with the OS user as actor, and with no server (stopped,
 * or killed and its socket file left behind) the CLI opens the file itself.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDataDir } from '../../server/loadSampleData.ts';
import { runEtl } from '../helpers/runEtl.ts';
import { startServerProcess } from '../helpers/serverProcess.ts';
import { makeTempDir, removeTempDirs } from '../helpers/tempDir.ts';
import { AuthClient } from './auth/authClient.ts';

const dir = makeTempDir('rt-sock-');
const dbPath = join(dir, 'ressursteam.duckdb');
const socketPath = `${dbPath}.admin.sock`;
let server: ChildProcess;
let baseUrl: string;

const user = (...args: string[]) => runEtl(['user', ...args, '--db', dbPath]);

/** Starts server/main.ts on the database and resolves with its URL once it listens. */
function startServer(): Promise<string> {
  // Sessions kept for ten minutes: a change through the socket must forget them, not their age.
  const started = startServerProcess({ RT_DB: dbPath, RT_SECRET_FILE: join(dir, 'pseudonym.key'), RT_SNAPSHOT: '', RT_SESSION_CACHE_MS: '600000' });
  server = started.child;
  return started.url;
}

function stopServer(signal: NodeJS.Signals): Promise<unknown> {
  if (!server || server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  const stopped = new Promise((resolve) => server.once('exit', resolve));
  server.kill(signal);
  return stopped;
}

/** One raw request line on the socket, as another program of the same OS user could send it. */
function rawRequest(line: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const socket = connect(socketPath);
    let received = '';
    socket.on('connect', () => socket.write(line + '\n'));
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('end', () => resolve(JSON.parse(received)));
    socket.on('error', reject);
  });
}

let boss: { password: string };

beforeAll(async () => {
  // Before any server: the CLI opens the file itself (the first administrator).
  const imported = await runEtl(['import', join(sampleDataDir, 'schools.csv'), '--db', dbPath, '--json']);
  expect(imported.code, imported.stderr).toBe(0);
  const added = await user('add', 'boss', '--role', 'admin', '--json');
  expect(added.code, added.stderr).toBe(0);
  boss = JSON.parse(added.stdout);
  baseUrl = await startServer();
}, 180_000);

afterAll(async () => {
  await stopServer('SIGTERM');
  removeTempDirs();
});

async function signedIn(username: string, password: string): Promise<AuthClient> {
  const client = new AuthClient(baseUrl);
  const res = await client.signIn(username, password);
  expect(res.status, `sign-in of ${username}`).toBe(200);
  return client;
}

describe('etl user while the server runs', () => {
  it('the socket is the server OS user’s only (0600) and beside the database', () => {
    expect(statSync(socketPath).isSocket()).toBe(true);
    expect(statSync(socketPath).mode & 0o777).toBe(0o600);
  });

  it('opening the database file directly fails (the lock this is about), so the CLI must go through the server', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    await expect(DuckDBInstance.create(dbPath)).rejects.toThrow(/lock/i);
  });

  it('user add reaches the running server: the new admin signs in at once, and the change is audited with the OS user', async () => {
    const added = await user('add', 'cli-admin', '--role', 'admin', '--json');
    expect(added.code, added.stderr).toBe(0);
    const { user: account, password } = JSON.parse(added.stdout) as { user: Record<string, unknown>; password: string };
    expect(account).toMatchObject({ username: 'cli-admin', role: 'admin', municipality: null, disabled: false });
    const admin = await signedIn('cli-admin', password);
    const audit = (await (await admin.get('/api/audit?action=user_add&limit=10')).json()) as { entries: Array<Record<string, unknown>> };
    const entry = audit.entries.find((e) => e.target === 'cli-admin');
    expect(entry).toMatchObject({ username: userInfo().username, via: 'cli', action: 'user_add' });
  });

  it('user list shows the accounts the server holds', async () => {
    const listed = await user('list', '--json');
    expect(listed.code, listed.stderr).toBe(0);
    const names = (JSON.parse(listed.stdout) as Array<{ username: string }>).map((u) => u.username).sort();
    expect(names).toEqual(['boss', 'cli-admin']);
  });

  it('the rules are the CLI’s: an unknown school and a taken username are refused with their messages, nothing changes', async () => {
    const unknownSchool = await user('add', 'rektor9', '--role', 'rector', '--school', '123456789');
    expect(unknownSchool.code).not.toBe(0);
    expect(unknownSchool.stderr).toMatch(/^feil: .*123456789/);
    const taken = await user('add', 'boss', '--role', 'admin');
    expect(taken.code).not.toBe(0);
    expect(taken.stderr).toMatch(/^feil: .*boss/);
    const listed = JSON.parse((await user('list', '--json')).stdout) as unknown[];
    expect(listed).toHaveLength(2);
  });

  it('user set-password ends the sessions at once and the new password works', async () => {
    const before = await signedIn('boss', boss.password);
    const set = await user('set-password', 'boss');
    expect(set.code, set.stderr).toBe(0);
    const password = /Passord \(vises bare nå\): (\S+)/.exec(set.stdout)![1]!;
    expect((await before.get('/api/session')).status).toBe(401);
    expect((await new AuthClient(baseUrl).signIn('boss', boss.password)).status).toBe(401);
    boss = { password };
    await signedIn('boss', password);
  });

  it('user disable ends the session of the disabled user in the running server', async () => {
    const added = JSON.parse((await user('add', 'kortvarig', '--role', 'admin', '--json')).stdout) as { password: string };
    const client = await signedIn('kortvarig', added.password);
    expect((await client.get('/api/session')).status).toBe(200);
    const disabled = await user('disable', 'kortvarig');
    expect(disabled.code, disabled.stderr).toBe(0);
    expect(disabled.stdout).toBe('Deaktiverte kortvarig\n');
    expect((await client.get('/api/session')).status).toBe(401);
    const audit = (await (await (await signedIn('boss', boss.password)).get('/api/audit?action=user_disable&limit=5')).json()) as { entries: Array<Record<string, unknown>> };
    expect(audit.entries[0]).toMatchObject({ username: userInfo().username, via: 'cli', target: 'kortvarig' });
  });

  it('a request on the socket is validated like one on the command line (a role outside the list, a forged hash)', async () => {
    const badRole = (await rawRequest(JSON.stringify({ command: 'add', actor: 'x', user: { username: 'ny-bruker', role: 'superuser' }, passwordHash: '$scrypt$n=2,r=1,p=1$AA==$AA==' }))) as { ok: boolean; error: string };
    expect(badRole.ok).toBe(false);
    expect(badRole.error).toMatch(/role/);
    const badHash = (await rawRequest(JSON.stringify({ command: 'set-password', actor: 'x', username: 'boss', passwordHash: 'plaintext-password' }))) as { ok: boolean };
    expect(badHash.ok).toBe(false);
    expect((await rawRequest('not json')) as { ok: boolean }).toMatchObject({ ok: false });
    await signedIn('boss', boss.password);
  });
});

describe('etl user without a server', () => {
  it('after a killed server (its socket file left behind) the CLI opens the file itself; a new server replaces the stale socket', async () => {
    await stopServer('SIGKILL');
    expect(existsSync(socketPath)).toBe(true);
    const added = await user('add', 'etter-krasj', '--role', 'admin', '--json');
    expect(added.code, added.stderr).toBe(0);
    const listed = JSON.parse((await user('list', '--json')).stdout) as Array<{ username: string }>;
    expect(listed.map((u) => u.username)).toContain('etter-krasj');
    baseUrl = await startServer();
    expect(statSync(socketPath).mode & 0o777).toBe(0o600);
    await signedIn('etter-krasj', (JSON.parse(added.stdout) as { password: string }).password);
  }, 120_000);

  it('a stopped server removes its socket', async () => {
    await stopServer('SIGTERM');
    expect(existsSync(socketPath)).toBe(false);
    expect((await user('list')).code).toBe(0);
  });
});
