/**
 * The running server's admin socket: the command line's `user` commands reach the database
 * through it while the server holds DuckDB's single-writer lock on the file. A Unix domain
 * socket beside the database (etl/accounts/adminSocketPath.ts), mode 0600: only the server's
 * operating-system user (and root) can connect, the same people who could open the database
 * file itself when the server is stopped. No network port. Each connection sends one
 * request as a line of JSON and gets one answer line; the request is validated with the same
 * schema as on the command line and run by the same code (etl/accounts/runUserAdminRequest.ts),
 * audited with the OS user the CLI names as actor (via `cli`). After each request,
 * `accountsChanged` (the app's SessionCache) forgets the sessions it keeps, so a disabled
 * user or a new role takes effect at once.
 */
import { chmodSync, existsSync, unlinkSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { DuckDBInstance } from '@duckdb/node-api';
import { runUserAdminRequest } from '../etl/accounts/runUserAdminRequest.ts';
import { UserAdminRequest, type UserAdminAnswer } from '../etl/accounts/userAdminRequest.ts';
import { cliErrorMessage } from '../etl/log/cliErrorMessage.ts';
import { UserFacingError } from '../etl/log/userFacingError.ts';
import { safeErrorLog } from './http/safeErrorLog.ts';
import { withConnection } from './withConnection.ts';

const maxRequestBytes = 64 * 1024;
const requestTimeoutMs = 30_000;

async function answer(instance: DuckDBInstance, line: string, accountsChanged: () => void): Promise<UserAdminAnswer> {
  let body: unknown;
  try {
    body = JSON.parse(line);
  } catch {
    return { ok: false, error: 'forespørselen er ikke JSON' };
  }
  const request = UserAdminRequest.safeParse(body);
  if (!request.success) return { ok: false, error: request.error.issues.map((i) => `${i.path.join('.') || 'forespørsel'}: ${i.message}`).join('; ') };
  try {
    return { ok: true, result: await withConnection(instance, (conn) => runUserAdminRequest(conn, request.data)) };
  } catch (error) {
    // A failed command may have written part of its work (not in one transaction): forget the sessions too.
    if (!(error instanceof UserFacingError)) console.error(safeErrorLog(error));
    return { ok: false, error: cliErrorMessage(error) };
  } finally {
    accountsChanged();
  }
}

function serve(instance: DuckDBInstance, socket: Socket, accountsChanged: () => void): void {
  let received = '';
  socket.setEncoding('utf8');
  socket.setTimeout(requestTimeoutMs, () => socket.destroy());
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk: string) => {
    if (received.includes('\n')) return;
    received += chunk;
    if (received.length > maxRequestBytes) return void socket.destroy();
    const end = received.indexOf('\n');
    if (end < 0) return;
    void answer(instance, received.slice(0, end), accountsChanged).then((reply) => socket.end(JSON.stringify(reply) + '\n'));
  });
}

/** True when something accepts connections on the path (another server): never take it over. */
function someoneListens(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = connect(path);
    probe.on('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.on('error', () => resolve(false));
  });
}

/** Listens on the socket; a file left by a killed server is replaced. Closing the server removes the file. */
export async function listenAdminSocket(instance: DuckDBInstance, path: string, accountsChanged: () => void): Promise<Server> {
  if (existsSync(path)) {
    if (await someoneListens(path)) throw new Error(`another process listens on ${path}`);
    unlinkSync(path);
  }
  const server = createServer((socket) => serve(instance, socket, accountsChanged));
  // Owner-only from the moment it exists (the bind happens inside listen(), synchronously for a path).
  const previous = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(path, () => resolve());
    });
  } finally {
    process.umask(previous);
  }
  chmodSync(path, 0o600);
  return server;
}
