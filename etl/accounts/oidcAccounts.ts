/**
 * The account an OpenID identity signs in as. Made at its first mapped sign-in, named
 * `<provider>-<first 12 hex of its subject_ref>` (never the person's name), with a password
 * hash that never verifies ('!'), so it cannot sign in with a password. Its role and scope
 * are copied from the mapping at every sign-in, so a changed mapping applies at the next one.
 * An administrator may disable it like any account; it then cannot sign in through the
 * provider either.
 */
import { INTEGER, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import type { IdpMapping } from './idpMappings.ts';
import { TIMESTAMP, timestampOf } from './sqlTimestamp.ts';

export const unusablePasswordHash = '!';

export function oidcUsername(provider: string, subjectRef: string): string {
  return `${provider}-${subjectRef.slice(0, 12)}`;
}

/** The account's id and whether it is disabled, after copying the mapping's role and scope onto it. */
export async function accountForIdentity(
  conn: DuckDBConnection,
  provider: string,
  subjectRef: string,
  mapping: IdpMapping,
  now: Date,
): Promise<{ user_id: number; username: string; disabled: boolean }> {
  const grant = {
    role: mapping.role,
    municipality: mapping.role === 'rector' || mapping.role === 'admin' ? null : mapping.municipality,
    school: mapping.school_id,
  };
  const found = await conn.runAndReadAll(
    `SELECT u.user_id, u.username, u.disabled FROM oidc_identities i JOIN users u USING (user_id) WHERE i.provider = $p AND i.subject_ref = $s`,
    { p: provider, s: subjectRef },
  );
  const row = found.getRowObjectsJS()[0] as Record<string, unknown> | undefined;
  if (row) {
    const userId = Number(row.user_id);
    await conn.run(
      `UPDATE users SET role = $role, municipality = $municipality, school_id = $school WHERE user_id = $id`,
      { ...grant, id: userId },
      { role: VARCHAR, municipality: VARCHAR, school: VARCHAR, id: INTEGER },
    );
    await conn.run(`UPDATE oidc_identities SET mapping_id = $m WHERE user_id = $id`, { m: mapping.mapping_id, id: userId }, { m: INTEGER, id: INTEGER });
    return { user_id: userId, username: String(row.username), disabled: row.disabled === true };
  }
  const username = oidcUsername(provider, subjectRef);
  const inserted = await conn.runAndReadAll(
    `INSERT INTO users (username, password_hash, role, municipality, school_id, created_at)
     VALUES ($username, $hash, $role, $municipality, $school, $now) RETURNING user_id`,
    { username, hash: unusablePasswordHash, ...grant, now: timestampOf(now) },
    { username: VARCHAR, hash: VARCHAR, role: VARCHAR, municipality: VARCHAR, school: VARCHAR, now: TIMESTAMP },
  );
  const userId = Number(inserted.getRows()[0]![0]);
  await conn.run(
    `INSERT INTO oidc_identities (user_id, provider, subject_ref, mapping_id) VALUES ($id, $p, $s, $m)`,
    { id: userId, p: provider, s: subjectRef, m: mapping.mapping_id },
    { id: INTEGER, p: VARCHAR, s: VARCHAR, m: INTEGER },
  );
  return { user_id: userId, username, disabled: false };
}

/** The provider an account signs in through, or null for a local account. */
export async function identityProviderOf(conn: DuckDBConnection, userId: number): Promise<string | null> {
  const reader = await conn.runAndReadAll(`SELECT provider FROM oidc_identities WHERE user_id = $id`, { id: userId }, { id: INTEGER });
  const row = reader.getRows()[0];
  return row ? String(row[0]) : null;
}
