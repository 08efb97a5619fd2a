/**
 * `user add|list|disable|set-password`: the accounts that may sign in to the dashboard.
 * A password comes from stdin (`--password-stdin`), or is generated and printed once; only
 * its hash leaves this process. Every change is written to the audit log with the
 * operating-system user as the actor.
 *
 * While the server runs it holds DuckDB's lock on the file, so the request goes to the
 * server's admin socket beside the database (server/adminSocket.ts), which runs it through
 * its own connection; with no server listening there, the CLI opens the file itself. Both
 * ways run the same request (etl/accounts/runUserAdminRequest.ts).
 */
import { generatePassword, hashPassword, maxPasswordLength, minPasswordLength } from '../accounts/passwordHash.ts';
import { adminSocketPathFor } from '../accounts/adminSocketPath.ts';
import { runUserAdminRequest } from '../accounts/runUserAdminRequest.ts';
import { NewUser, Username, type UserAccount } from '../accounts/userAccount.ts';
import type { UserAdminRequest } from '../accounts/userAdminRequest.ts';
import { AccountError } from '../accounts/userStore.ts';
import { cliActor } from '../audit/cliActor.ts';
import { openDatabase } from '../db/openDatabase.ts';
import { askRunningServer } from './adminSocketClient.ts';

export interface UserAddOptions {
  db: string;
  role: string;
  municipality?: string;
  school?: string;
  passwordStdin?: boolean;
  json?: boolean;
}

/** Through the running server when one listens on the database's admin socket, else on the file. */
async function perform(path: string, request: UserAdminRequest): Promise<unknown> {
  const reply = await askRunningServer(adminSocketPathFor(path), request);
  if (reply.answered) return reply.result;
  const db = await openDatabase(path);
  try {
    return await runUserAdminRequest(db.connection, request);
  } finally {
    db.close();
  }
}

/** The whole of stdin, less one trailing line break; checked for length. */
async function passwordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  if (password.length < minPasswordLength) throw new AccountError(`passordet må ha minst ${minPasswordLength} tegn`);
  if (password.length > maxPasswordLength) throw new AccountError(`passordet kan ha høyst ${maxPasswordLength} tegn`);
  return password;
}

function parseUsername(value: string): string {
  const parsed = Username.safeParse(value);
  if (!parsed.success) throw new AccountError(parsed.error.issues[0]!.message);
  return parsed.data;
}

function describe(u: UserAccount): string {
  const scope = u.school_id ? `${u.school_name ?? u.school_id}, ${u.municipality ?? '?'}` : (u.municipality ?? 'alle skoler');
  return `${u.username}\t${u.role}\t${scope}${u.disabled ? '\t(deaktivert)' : ''}`;
}

export async function userAddCommand(username: string, options: UserAddOptions): Promise<void> {
  const parsed = NewUser.safeParse({ username, role: options.role, municipality: options.municipality, school_id: options.school });
  if (!parsed.success) {
    throw new AccountError(parsed.error.issues.map((i) => `${i.path.join('.') || 'bruker'}: ${i.message}`).join('; '));
  }
  const generated = options.passwordStdin ? null : generatePassword();
  const password = generated ?? (await passwordFromStdin());
  const hash = await hashPassword(password);
  const account = (await perform(options.db, { command: 'add', actor: cliActor(), user: parsed.data, passwordHash: hash })) as UserAccount;
  if (options.json) {
    process.stdout.write(JSON.stringify(generated ? { user: account, password: generated } : { user: account }) + '\n');
    return;
  }
  process.stdout.write(`La til ${describe(account)}\n`);
  if (generated) process.stdout.write(`Passord (vises bare nå): ${generated}\n`);
}

export async function userListCommand(options: { db: string; json?: boolean }): Promise<void> {
  const users = (await perform(options.db, { command: 'list', actor: cliActor() })) as UserAccount[];
  if (options.json) process.stdout.write(JSON.stringify(users) + '\n');
  else for (const u of users) process.stdout.write(describe(u) + '\n');
}

export async function userDisableCommand(username: string, options: { db: string }): Promise<void> {
  const name = parseUsername(username);
  await perform(options.db, { command: 'disable', actor: cliActor(), username: name });
  process.stdout.write(`Deaktiverte ${name}\n`);
}

export async function userSetPasswordCommand(username: string, options: { db: string; passwordStdin?: boolean }): Promise<void> {
  const name = parseUsername(username);
  const generated = options.passwordStdin ? null : generatePassword();
  const password = generated ?? (await passwordFromStdin());
  const hash = await hashPassword(password);
  await perform(options.db, { command: 'set-password', actor: cliActor(), username: name, passwordHash: hash });
  process.stdout.write(`Nytt passord for ${name}\n`);
  if (generated) process.stdout.write(`Passord (vises bare nå): ${generated}\n`);
}
