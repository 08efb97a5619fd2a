/**
 * Sign-ins under way: between the redirect to the provider and its answer, the PKCE verifier,
 * `state` and `nonce` of each, kept in memory under a random id that the browser holds in
 * the `rt_oidc` cookie (HttpOnly; SameSite=Lax, because the provider's redirect back is a
 * cross-site navigation). Each is used once (`take` removes it) and lives ten minutes. In
 * memory, not in the database, so a flood of unauthenticated starts writes nothing; the
 * price: behind a load balancer, the callback must reach the process that started the
 * sign-in (sticky sessions), and a restart loses sign-ins under way (the user starts again).
 */
import { newToken } from '../cookies.ts';

export interface PendingLogin {
  readonly provider: string;
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  readonly expiresAt: number;
}

export class PendingLogins {
  private readonly logins = new Map<string, PendingLogin>();

  constructor(
    private readonly lifetimeMs = 10 * 60_000,
    private readonly max = 10_000,
  ) {}

  /** Stores a new sign-in and answers its id, or null when too many are under way. */
  add(login: Omit<PendingLogin, 'expiresAt'>, now: number): string | null {
    for (const [id, l] of this.logins) if (l.expiresAt <= now) this.logins.delete(id);
    if (this.logins.size >= this.max) return null;
    const id = newToken();
    this.logins.set(id, { ...login, expiresAt: now + this.lifetimeMs });
    return id;
  }

  /** The sign-in of this id, removed: a second callback with the same cookie finds nothing. */
  take(id: string, now: number): PendingLogin | null {
    const login = this.logins.get(id);
    this.logins.delete(id);
    return login && login.expiresAt > now ? login : null;
  }
}
