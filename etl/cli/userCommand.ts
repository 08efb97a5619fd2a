/**
 * `user add|list|disable|set-password`: the accounts that may sign in to the dashboard.
 * A password comes from stdin (`--password-stdin`), or is generated and printed once.
 * Every change is written to the audit log with the operating-system user as the actor.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { generatePassword, hashPassword, maxPasswordLength, minPasswordLength } from '../accounts/passwordHash.ts';
import { NewUser, Username, type UserAccount } from '../accounts/userAccount.ts';
import { AccountError, addUser, disableUser, findAccount, listUsers, setPasswordHash } from '../accounts/userStore.ts';
import { appendAudit, type AuditEntry } from '../audit/auditLog.ts';
import { cliActor } from '../audit/cliActor.ts';
import { openDatabase } from '../db/openDatabase.ts';

export interface UserAddOptions {
  db: string;
  role: string;
  municipality?: string;
  school?: string;
  passwordStdin?: boolean;
  json?: boolean;
}

async function audit(conn: DuckDBConnection, action: AuditEntry['action'], target: string, details?: AuditEntry['details']) {
  await appendAudit(conn, { at: new Date(), username: cliActor(), role: null, via: 'cli', action, target, details });
}

async function withDb<T>(path: string, work: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
  const db = await openDatabase(path);
  try {
    return await work(db.connection);
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
  const account = await withDb(options.db, async (conn) => {
    const added = await addUser(conn, parsed.data, hash, new Date());
    await audit(conn, 'user_add', added.username, { role: added.role, municipality: added.municipality, school_id: added.school_id });
    return added;
  });
  if (options.json) {
    process.stdout.write(JSON.stringify(generated ? { user: account, password: generated } : { user: account }) + '\n');
    return;
  }
  process.stdout.write(`La til ${describe(account)}\n`);
  if (generated) process.stdout.write(`Passord (vises bare nå): ${generated}\n`);
}

export async function userListCommand(options: { db: string; json?: boolean }): Promise<void> {
  const users = await withDb(options.db, listUsers);
  if (options.json) process.stdout.write(JSON.stringify(users) + '\n');
  else for (const u of users) process.stdout.write(describe(u) + '\n');
}

export async function userDisableCommand(username: string, options: { db: string }): Promise<void> {
  const name = parseUsername(username);
  await withDb(options.db, async (conn) => {
    if (!(await disableUser(conn, name))) throw new AccountError(`fant ingen bruker «${name}»`);
    await audit(conn, 'user_disable', name);
  });
  process.stdout.write(`Deaktiverte ${name}\n`);
}

export async function userSetPasswordCommand(username: string, options: { db: string; passwordStdin?: boolean }): Promise<void> {
  const name = parseUsername(username);
  const generated = options.passwordStdin ? null : generatePassword();
  const password = generated ?? (await passwordFromStdin());
  const hash = await hashPassword(password);
  await withDb(options.db, async (conn) => {
    if (!(await findAccount(conn, name))) throw new AccountError(`fant ingen bruker «${name}»`);
    await setPasswordHash(conn, name, hash);
    await audit(conn, 'user_set_password', name);
  });
  process.stdout.write(`Nytt passord for ${name}\n`);
  if (generated) process.stdout.write(`Passord (vises bare nå): ${generated}\n`);
}
