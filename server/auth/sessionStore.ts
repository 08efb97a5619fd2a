/**
 * Server-side sessions in the `sessions` table. The client holds a random token; the table
 * holds only its SHA-256 (and that of the session's CSRF token), so reading the database
 * does not give a way in. A session ends after `idleTimeoutMs` without use, or
 * `absoluteTimeoutMs` after sign-in, or when its user is disabled.
 */
import { createHash } from 'node:crypto';
import { INTEGER, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import { TIMESTAMP, timestampOf } from '../../etl/accounts/sqlTimestamp.ts';
import type { ResolvedAuthConfig } from './authConfig.ts';
import { newToken } from './cookies.ts';
import type { Viewer } from './viewer.ts';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export interface Session {
  readonly tokenHash: string;
  readonly csrfHash: string;
  readonly viewer: Viewer;
}

/** A lookup's answer: the session, and when its timeouts end it (Infinity for none). */
export interface SessionLookup {
  readonly session: Session | null;
  readonly endsAt: number;
}

// How often last use is written back: one write a minute per session, not one per request.
const touchEveryMs = 60_000;

type Timing = Pick<ResolvedAuthConfig, 'idleTimeoutMs' | 'absoluteTimeoutMs'>;

async function pruneExpired(conn: DuckDBConnection, now: Date, timing: Timing): Promise<void> {
  try {
    await conn.run(`DELETE FROM sessions WHERE last_seen_at < $idle OR created_at < $absolute`, {
      idle: timestampOf(new Date(now.getTime() - timing.idleTimeoutMs)),
      absolute: timestampOf(new Date(now.getTime() - timing.absoluteTimeoutMs)),
    }, { idle: TIMESTAMP, absolute: TIMESTAMP });
  } catch {
    // A concurrent write to an expired row conflicts; expired rows are refused anyway and go next time.
  }
}

/** A new session for the user: the tokens to hand to the client. Old expired sessions are removed. */
export async function createSession(conn: DuckDBConnection, userId: number, now: Date, timing: Timing): Promise<{ token: string; csrfToken: string }> {
  await pruneExpired(conn, now, timing);
  const token = newToken();
  const csrfToken = newToken();
  await conn.run(
    `INSERT INTO sessions (token_hash, user_id, csrf_hash, created_at, last_seen_at) VALUES ($token, $user, $csrf, $now, $now)`,
    { token: sha256(token), user: userId, csrf: sha256(csrfToken), now: timestampOf(now) },
    { token: VARCHAR, user: INTEGER, csrf: VARCHAR, now: TIMESTAMP },
  );
  return { token, csrfToken };
}

/** The live session of a token, or null (unknown, expired, or its user disabled). */
export async function findSession(conn: DuckDBConnection, token: string, now: Date, timing: Timing): Promise<Session | null> {
  return (await lookupSession(conn, sha256(token), now, timing)).session;
}

/**
 * The live session of a token hash with the moment its timeouts end it (SessionCache.ts
 * keeps both); no session ends at Infinity.
 */
export async function lookupSession(conn: DuckDBConnection, tokenHash: string, now: Date, timing: Timing): Promise<SessionLookup> {
  const none = { session: null, endsAt: Infinity };
  const reader = await conn.runAndReadAll(
    `SELECT s.csrf_hash, epoch_ms(s.created_at) AS created, epoch_ms(s.last_seen_at) AS seen,
            u.user_id, u.username, u.role, coalesce(u.municipality, sch.municipality) AS municipality, u.school_id, u.disabled
     FROM sessions s JOIN users u USING (user_id) LEFT JOIN schools sch ON sch.school_id = u.school_id
     WHERE s.token_hash = $token`,
    { token: tokenHash },
  );
  const row = reader.getRowObjectsJS()[0] as Record<string, unknown> | undefined;
  if (!row || row.disabled === true) return none;
  const t = now.getTime();
  const created = Number(row.created);
  let seen = Number(row.seen);
  if (t - seen > timing.idleTimeoutMs || t - created > timing.absoluteTimeoutMs) {
    await deleteSession(conn, tokenHash);
    return none;
  }
  if (t - seen > touchEveryMs) {
    await touch(conn, tokenHash, now);
    seen = t;
  }
  return {
    endsAt: Math.min(seen + timing.idleTimeoutMs, created + timing.absoluteTimeoutMs) + 1,
    session: {
      tokenHash,
      csrfHash: String(row.csrf_hash),
      viewer: {
        userId: Number(row.user_id),
        username: String(row.username),
        role: row.role as Viewer['role'],
        municipality: (row.municipality as string | null) ?? null,
        schoolId: (row.school_id as string | null) ?? null,
      },
    },
  };
}

async function touch(conn: DuckDBConnection, tokenHash: string, now: Date): Promise<void> {
  try {
    await conn.run(`UPDATE sessions SET last_seen_at = $now WHERE token_hash = $token`, { now: timestampOf(now), token: tokenHash }, { now: TIMESTAMP, token: VARCHAR });
  } catch {
    // Two requests of one session touching at once conflict in DuckDB; one write is enough.
  }
}

export async function deleteSession(conn: DuckDBConnection, tokenHash: string): Promise<void> {
  await conn.run(`DELETE FROM sessions WHERE token_hash = $token`, { token: tokenHash });
}
