/** The username a sign-in request names, and whether it is an account (for the audit log). */
import type { Request } from 'express';
import { Username } from '../../etl/accounts/userAccount.ts';
import { findCredentials } from '../../etl/accounts/userStore.ts';
import type { AppContext } from '../appContext.ts';
import { withConnection } from '../withConnection.ts';

/** The username a sign-in names, normalised as accounts are; '' when there is none. */
export function attemptedUsername(req: Request): string {
  const body: unknown = req.body;
  const raw = typeof body === 'object' && body !== null ? (body as { username?: unknown }).username : undefined;
  const parsed = Username.safeParse(raw);
  return parsed.success ? parsed.data : '';
}

/** The account a request names, if it exists: unknown names (maybe a mistyped password) are never logged. */
export async function knownUsername(deps: AppContext, username: string): Promise<string | null> {
  if (!username) return null;
  const found = await withConnection(deps.instance, (conn) => findCredentials(conn, username));
  return found ? username : null;
}
