/**
 * The tables behind sign-in and the audit trail: user accounts (password hashes only),
 * server-side sessions (a hash of the token only, so a copy of the database cannot be used
 * to take over a session) and the append-only audit log. `IF NOT EXISTS` throughout, so a
 * database file from before these tables existed is upgraded on open.
 */

export const roles = ['admin', 'municipality', 'rector', 'ppt'] as const;

/** What an identity-provider mapping matches on (etl/accounts/idpMappings.ts). */
export const mappingKinds = ['subject', 'group', 'organisation'] as const;

export const accountsDdl: readonly string[] = [
  `CREATE SEQUENCE IF NOT EXISTS user_id_seq START 1`,
  // A rector's municipality is read from their school, so it is stored only for municipality and ppt.
  `CREATE TABLE IF NOT EXISTS users (
     user_id INTEGER PRIMARY KEY DEFAULT nextval('user_id_seq'),
     username VARCHAR NOT NULL UNIQUE,
     password_hash VARCHAR NOT NULL,
     role VARCHAR NOT NULL CHECK (role IN (${roles.map((r) => `'${r}'`).join(', ')})),
     municipality VARCHAR,
     school_id VARCHAR,
     created_at TIMESTAMP NOT NULL,
     disabled BOOLEAN NOT NULL DEFAULT false
   )`,
  `CREATE TABLE IF NOT EXISTS sessions (
     token_hash VARCHAR PRIMARY KEY,
     user_id INTEGER NOT NULL,
     csrf_hash VARCHAR NOT NULL,
     created_at TIMESTAMP NOT NULL,
     last_seen_at TIMESTAMP NOT NULL
   )`,
  // Sign-in through an OpenID provider (server/auth/oidc/): the provider's subject is stored
  // only pseudonymised (subject_ref, an HMAC with the pseudonym key), never a name.
  `CREATE SEQUENCE IF NOT EXISTS mapping_id_seq START 1`,
  `CREATE TABLE IF NOT EXISTS idp_mappings (
     mapping_id INTEGER PRIMARY KEY DEFAULT nextval('mapping_id_seq'),
     provider VARCHAR NOT NULL,
     kind VARCHAR NOT NULL CHECK (kind IN (${mappingKinds.map((k) => `'${k}'`).join(', ')})),
     value VARCHAR NOT NULL,
     role VARCHAR NOT NULL CHECK (role IN (${roles.map((r) => `'${r}'`).join(', ')})),
     municipality VARCHAR,
     school_id VARCHAR,
     created_at TIMESTAMP NOT NULL,
     UNIQUE (provider, kind, value)
   )`,
  // The account an OpenID identity signs in as: made at its first mapped sign-in, its role and
  // scope copied from the mapping at every sign-in (a password_hash of '!' never verifies).
  `CREATE TABLE IF NOT EXISTS oidc_identities (
     user_id INTEGER PRIMARY KEY,
     provider VARCHAR NOT NULL,
     subject_ref VARCHAR NOT NULL,
     mapping_id INTEGER,
     UNIQUE (provider, subject_ref)
   )`,
  `CREATE SEQUENCE IF NOT EXISTS audit_id_seq START 1`,
  // Append-only: the code has an INSERT and a SELECT for it, nothing else.
  `CREATE TABLE IF NOT EXISTS audit_log (
     audit_id BIGINT NOT NULL DEFAULT nextval('audit_id_seq'),
     logged_at TIMESTAMP NOT NULL,
     username VARCHAR,
     role VARCHAR,
     via VARCHAR NOT NULL,
     action VARCHAR NOT NULL,
     target VARCHAR,
     ip VARCHAR,
     details VARCHAR
   )`,
];
