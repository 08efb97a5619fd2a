/**
 * The signed-in user: who am I, sign in, sign out, and reporting an export to the audit
 * trail. Every write sends the CSRF header (http.ts `send`).
 */
import { clearCache, getJson, send } from './http.ts';
import type { SessionUser } from './types.ts';

export function getSession(): Promise<SessionUser> {
  return getJson<SessionUser>('/api/session');
}

export async function signIn(username: string, password: string): Promise<SessionUser> {
  const user = await send<SessionUser>('POST', '/api/session', { username, password });
  clearCache();
  return user!;
}

/** Signs out; answers the identity provider's logout URL when the account signed in through one. */
export async function signOut(): Promise<string | null> {
  try {
    const answer = await send<{ logout_url?: string }>('DELETE', '/api/session');
    return answer?.logout_url ?? null;
  } finally {
    clearCache();
  }
}

export interface SignInProvider {
  readonly id: string;
  readonly label: string;
  readonly start_url: string;
}

export async function getProviders(): Promise<SignInProvider[]> {
  return (await getJson<{ providers: SignInProvider[] }>('/api/session/providers')).providers;
}

/** Whom to ask for access (RT_ACCESS_CONTACT), for the "ingen tilgang ennå" page; null when not configured. */
export async function getAccessContact(): Promise<string | null> {
  return (await getJson<{ access_contact?: string | null }>('/api/session/providers')).access_contact ?? null;
}

export type ExportFormat = 'csv' | 'png' | 'svg';

/** Fire-and-forget: tells the audit trail about an export; a failure never stops the download. */
export function reportExport(format: ExportFormat, rows?: number): void {
  const view = `${location.pathname}${location.search}`.slice(0, 500);
  send('POST', '/api/audit/export', { format, view, rows }).catch(() => undefined);
}
