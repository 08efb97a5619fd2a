/**
 * The users table: add, list, find for sign-in, disable, set a new password. Every value is
 * a bound parameter. Disabling a user or changing their password also ends their sessions.
 */
import { VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import { UserFacingError } from '../log/userFacingError.ts';
import type { NewUser, UserAccount } from './userAccount.ts';
import { TIMESTAMP, timestampOf } from './sqlTimestamp.ts';

/** A user change that breaks a rule (unknown school, taken username...): the message says which. */
export class AccountError extends UserFacingError {
  override readonly name = 'AccountError';
}

const accountColumns = `u.user_id, u.username, u.role,
  coalesce(u.municipality, sch.municipality) AS municipality, u.school_id, sch.school_name,
  strftime(u.created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at, u.disabled`;
const accountFrom = `users u LEFT JOIN schools sch ON sch.school_id = u.school_id`;

function accountOf(row: Record<string, unknown>): UserAccount {
  return {
    user_id: Number(row.user_id),
    username: String(row.username),
    role: row.role as UserAccount['role'],
    municipality: (row.municipality as string | null) ?? null,
    school_id: (row.school_id as string | null) ?? null,
    school_name: (row.school_name as string | null) ?? null,
    created_at: String(row.created_at),
    disabled: row.disabled === true,
  };
}

async function one(conn: DuckDBConnection, sql: string, values: Record<string, string>): Promise<Record<string, unknown> | null> {
  const reader = await conn.runAndReadAll(sql, values);
  return (reader.getRowObjectsJS()[0] as Record<string, unknown> | undefined) ?? null;
}

/** Checks a scope against the schools table: the municipality or school must exist. */
export async function checkScope(conn: DuckDBConnection, user: Pick<NewUser, 'municipality' | 'school_id'>): Promise<void> {
  if (user.municipality !== undefined) {
    const found = await one(conn, `SELECT 1 AS found FROM schools WHERE municipality = $m LIMIT 1`, { m: user.municipality });
    if (!found) throw new AccountError(`kommunen «${user.municipality}» finnes ikke blant skolene`);
  }
  if (user.school_id !== undefined) {
    const school = await one(conn, `SELECT municipality FROM schools WHERE school_id = $s`, { s: user.school_id });
    if (!school) throw new AccountError(`skolen «${user.school_id}» finnes ikke`);
    if (user.municipality !== undefined && school.municipality !== user.municipality) {
      throw new AccountError(`skolen «${user.school_id}» ligger ikke i ${user.municipality}`);
    }
  }
}

export async function addUser(conn: DuckDBConnection, user: NewUser, passwordHash: string, now: Date): Promise<UserAccount> {
  await checkScope(conn, user);
  if (await findAccount(conn, user.username)) throw new AccountError(`brukernavnet «${user.username}» er tatt`);
  await conn.run(
    `INSERT INTO users (username, password_hash, role, municipality, school_id, created_at)
     VALUES ($username, $hash, $role, $municipality, $school, $now)`,
    {
      username: user.username,
      hash: passwordHash,
      role: user.role,
      // A rector's municipality follows their school.
      municipality: user.role === 'rector' ? null : (user.municipality ?? null),
      school: user.school_id ?? null,
      now: timestampOf(now),
    },
    { username: VARCHAR, hash: VARCHAR, role: VARCHAR, municipality: VARCHAR, school: VARCHAR, now: TIMESTAMP },
  );
  const added = await findAccount(conn, user.username);
  if (!added) throw new Error(`user ${user.username} was not stored`);
  return added;
}

export async function findAccount(conn: DuckDBConnection, username: string): Promise<UserAccount | null> {
  const row = await one(conn, `SELECT ${accountColumns} FROM ${accountFrom} WHERE u.username = $u`, { u: username });
  return row ? accountOf(row) : null;
}

export async function listUsers(conn: DuckDBConnection): Promise<UserAccount[]> {
  const reader = await conn.runAndReadAll(`SELECT ${accountColumns} FROM ${accountFrom} ORDER BY u.username`);
  return (reader.getRowObjectsJS() as Array<Record<string, unknown>>).map(accountOf);
}

export async function countUsers(conn: DuckDBConnection): Promise<number> {
  const reader = await conn.runAndReadAll(`SELECT count(*)::INTEGER FROM users`);
  return Number(reader.getRows()[0]![0]);
}

/** What sign-in needs: the stored hash and whether the account may sign in. */
export async function findCredentials(
  conn: DuckDBConnection,
  username: string,
): Promise<{ user_id: number; password_hash: string; disabled: boolean } | null> {
  const row = await one(conn, `SELECT user_id, password_hash, disabled FROM users WHERE username = $u`, { u: username });
  if (!row) return null;
  return { user_id: Number(row.user_id), password_hash: String(row.password_hash), disabled: row.disabled === true };
}

async function endSessions(conn: DuckDBConnection, username: string): Promise<void> {
  await conn.run(`DELETE FROM sessions WHERE user_id IN (SELECT user_id FROM users WHERE username = $u)`, { u: username });
}

/** Disables the account and ends its sessions; false when there is no such user. */
export async function disableUser(conn: DuckDBConnection, username: string): Promise<boolean> {
  if (!(await findAccount(conn, username))) return false;
  await conn.run(`UPDATE users SET disabled = true WHERE username = $u`, { u: username });
  await endSessions(conn, username);
  return true;
}

/** Stores a new password hash and ends the user's sessions; false when there is no such user. */
export async function setPasswordHash(conn: DuckDBConnection, username: string, passwordHash: string): Promise<boolean> {
  if (!(await findAccount(conn, username))) return false;
  await conn.run(`UPDATE users SET password_hash = $hash WHERE username = $u`, { hash: passwordHash, u: username });
  await endSessions(conn, username);
  return true;
}
