/**
 * One demo account per role, made when `npm start` fills an empty database with the sample
 * data: an administrator; a municipality and a PPT user for the sample municipality with
 * the most schools; a rector at its first school. Passwords are generated, handed back once
 * (main.ts prints them) and stored only as scrypt hashes.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { generatePassword, hashPassword } from '../etl/accounts/passwordHash.ts';
import type { NewUser, Role } from '../etl/accounts/userAccount.ts';
import { addUser } from '../etl/accounts/userStore.ts';
import { appendAudit } from '../etl/audit/auditLog.ts';

export interface DemoUser {
  readonly username: string;
  readonly password: string;
  readonly role: Role;
  readonly municipality: string | null;
  readonly school_id: string | null;
  readonly school_name: string | null;
}

/** The municipality with the most schools (ties: by name) and its first school by id. */
async function demoScope(conn: DuckDBConnection): Promise<{ municipality: string; school_id: string; school_name: string }> {
  const reader = await conn.runAndReadAll(
    `WITH biggest AS (SELECT municipality FROM schools GROUP BY municipality ORDER BY count(*) DESC, municipality LIMIT 1)
     SELECT s.municipality, s.school_id, s.school_name FROM schools s JOIN biggest USING (municipality) ORDER BY s.school_id LIMIT 1`,
  );
  const row = reader.getRowObjectsJS()[0];
  if (!row) throw new Error('no schools to make demo users for');
  return { municipality: String(row.municipality), school_id: String(row.school_id), school_name: String(row.school_name) };
}

export async function createDemoUsers(conn: DuckDBConnection, now: Date = new Date()): Promise<DemoUser[]> {
  const scope = await demoScope(conn);
  const wanted: NewUser[] = [
    { username: 'admin', role: 'admin' },
    { username: 'kommune', role: 'municipality', municipality: scope.municipality },
    { username: 'ppt', role: 'ppt', municipality: scope.municipality },
    { username: 'rektor', role: 'rector', school_id: scope.school_id },
  ];
  const users: DemoUser[] = [];
  for (const user of wanted) {
    const password = generatePassword();
    const account = await addUser(conn, user, await hashPassword(password), now);
    await appendAudit(conn, { at: now, username: null, role: null, via: 'system', action: 'user_add', target: account.username, details: { role: account.role, demo: true } });
    users.push({ username: account.username, password, role: account.role, municipality: account.municipality, school_id: account.school_id, school_name: account.school_name });
  }
  return users;
}

/** Each role as the log names it: in bokmål, like the rest of the start log (the dashboard's words). */
export const roleWords: Readonly<Record<Role, string>> = { admin: 'administrator', municipality: 'kommune', ppt: 'PPT', rector: 'rektor' };

/** The lines `npm start` prints once: who can sign in, with which password. */
export function describeDemoUsers(users: readonly DemoUser[]): string {
  const lines = users.map((u) => {
    const scope = u.school_name ? `${u.school_name}, ${u.municipality}` : (u.municipality ?? 'alle skoler');
    return `  ${u.username.padEnd(8)} ${u.password}   (${roleWords[u.role]}: ${scope})`;
  });
  return ['Demobrukere (passordene vises bare denne ene gangen, lagres bare som hash):', ...lines].join('\n');
}
