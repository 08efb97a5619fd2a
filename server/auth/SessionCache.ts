/**
 * The sessions the server looked up in the last moment, kept in memory by token hash, so a
 * user's burst of requests (the overview's eight at once, a hundred users' every few
 * seconds) reads `sessions` and `users` once, not once per request. At national scale the
 * lookup was most of a cached answer's cost: a DuckDB connection, a statement and a join per
 * request.
 *
 * A kept session is used for at most `ttlMs` (2 s by default) and never after a change to
 * accounts: every write that can end a session or change a viewer's role or scope (sign-in
 * and sign-out, user administration, identity-provider mappings, an OpenID sign-in, the
 * command line's `user` commands through the admin socket) calls `changed()` once it has
 * committed. A lookup that started before such a change is not kept (the generation moved
 * while it ran), so a disabled user never gets back in from a row read before the change.
 * The idle and absolute timeouts are checked on every use, as the lookup checks them.
 */
import type { Session, SessionLookup } from './sessionStore.ts';

interface Kept {
  readonly session: Session | null;
  readonly readAt: number;
  /** The session's own expiry: the earlier of its idle and absolute end, as read. */
  readonly endsAt: number;
}

export class SessionCache {
  private readonly kept = new Map<string, Kept>();
  private generation = 0;

  constructor(
    readonly ttlMs = 2_000,
    readonly maxEntries = 10_000,
  ) {}

  get size(): number {
    return this.kept.size;
  }

  /** The session of `tokenHash` at `now`: kept, or looked up (and kept when nothing changed meanwhile). */
  async session(tokenHash: string, now: Date, lookup: () => Promise<SessionLookup>): Promise<Session | null> {
    const t = now.getTime();
    const kept = this.kept.get(tokenHash);
    if (kept && t - kept.readAt < this.ttlMs && t >= kept.readAt) return t < kept.endsAt ? kept.session : null;
    const started = this.generation;
    const found = await lookup();
    if (this.ttlMs > 0 && started === this.generation) {
      if (this.kept.size >= this.maxEntries) this.kept.clear();
      this.kept.set(tokenHash, { session: found.session, readAt: t, endsAt: found.endsAt });
    }
    return found.session;
  }

  /** Accounts or sessions changed: nothing kept is used again, nor kept from a lookup under way. */
  changed(): void {
    this.generation++;
    this.kept.clear();
  }
}
