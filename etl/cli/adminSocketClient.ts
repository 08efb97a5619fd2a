/**
 * The command line's side of the admin socket (server/adminSocket.ts): sends one request as a
 * line of JSON and reads one answer. "No server here" — no socket file, or a file left by a
 * server that was killed (nobody accepts) — is `{ answered: false }`, and the caller opens the
 * database file itself. Any other failure is an error: opening the file would only meet the
 * server's lock.
 */
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { AccountError } from '../accounts/userStore.ts';
import { UserAdminAnswer, type UserAdminRequest } from '../accounts/userAdminRequest.ts';

export type SocketReply = { readonly answered: false } | { readonly answered: true; readonly result: unknown };

const answerTimeoutMs = 60_000;
const maxAnswerBytes = 16 * 1024 * 1024;

export function askRunningServer(socketPath: string | null, request: UserAdminRequest): Promise<SocketReply> {
  if (socketPath === null || !existsSync(socketPath)) return Promise.resolve({ answered: false });
  return new Promise((resolve, reject) => {
    const socket = connect(socketPath);
    let received = '';
    let connected = false;
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new AccountError('serveren svarte ikke på administrasjonskontakten innen 60 sekunder'));
    }, answerTimeoutMs);
    const finish = (outcome: () => void) => {
      clearTimeout(timer);
      socket.destroy();
      outcome();
    };
    socket.setEncoding('utf8');
    socket.on('connect', () => {
      connected = true;
      socket.write(JSON.stringify(request) + '\n');
    });
    socket.on('data', (chunk: string) => {
      received += chunk;
      if (received.length > maxAnswerBytes) return finish(() => reject(new AccountError('for stort svar fra serveren')));
      const end = received.indexOf('\n');
      if (end < 0) return;
      let line: unknown;
      try {
        line = JSON.parse(received.slice(0, end));
      } catch {
        line = null;
      }
      const parsed = UserAdminAnswer.safeParse(line);
      if (!parsed.success) return finish(() => reject(new AccountError('uforståelig svar fra serveren')));
      const answer = parsed.data;
      finish(() => (answer.ok ? resolve({ answered: true, result: answer.result }) : reject(new AccountError(answer.error))));
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // A socket file nobody listens on: a server that was killed. The database is free.
      if (!connected && (error.code === 'ECONNREFUSED' || error.code === 'ENOENT')) return finish(() => resolve({ answered: false }));
      if (error.code === 'EACCES') return finish(() => reject(new AccountError(`ingen tilgang til ${socketPath}: kjør kommandoen som serverens bruker`)));
      finish(() => reject(error));
    });
    socket.on('end', () => finish(() => reject(new AccountError('serveren lukket administrasjonskontakten uten svar'))));
  });
}
