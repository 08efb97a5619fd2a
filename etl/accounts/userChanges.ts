/**
 * Changes to an existing account from the browser's user administration: a new role and
 * scope, disabled or enabled again. Disabling ends the user's sessions at once; a new role or
 * scope needs no such step, because every request reads the role and scope from `users`
 * (server/auth/sessionStore.ts) and so sees the change at once.
 */
import { VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import type { Role } from './userAccount.ts';
import { checkScope, disableUser } from './userStore.ts';

export interface Grant {
  readonly role: Role;
  readonly municipality?: string;
  readonly school_id?: string;
}

export async function changeGrant(conn: DuckDBConnection, username: string, grant: Grant): Promise<void> {
  await checkScope(conn, grant);
  await conn.run(
    `UPDATE users SET role = $role, municipality = $municipality, school_id = $school WHERE username = $u`,
    {
      role: grant.role,
      municipality: grant.role === 'rector' || grant.role === 'admin' ? null : (grant.municipality ?? null),
      school: grant.role === 'rector' ? (grant.school_id ?? null) : null,
      u: username,
    },
    { role: VARCHAR, municipality: VARCHAR, school: VARCHAR, u: VARCHAR },
  );
}

export async function setDisabled(conn: DuckDBConnection, username: string, disabled: boolean): Promise<void> {
  if (disabled) await disableUser(conn, username);
  else await conn.run(`UPDATE users SET disabled = false WHERE username = $u`, { u: username });
}

/** The municipality of a school, or null when there is no such school. */
export async function municipalityOfSchool(conn: DuckDBConnection, schoolId: string): Promise<string | null> {
  const reader = await conn.runAndReadAll(`SELECT municipality FROM schools WHERE school_id = $s`, { s: schoolId });
  const row = reader.getRows()[0];
  return row ? String(row[0]) : null;
}

/** Whether the account signs in through an identity provider (it has no password to set). */
export async function isProviderAccount(conn: DuckDBConnection, username: string): Promise<boolean> {
  const reader = await conn.runAndReadAll(`SELECT 1 FROM oidc_identities i JOIN users u USING (user_id) WHERE u.username = $u`, { u: username });
  return reader.getRows().length > 0;
}
