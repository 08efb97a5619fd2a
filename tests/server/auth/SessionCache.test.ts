/**
 * The sessions kept for a moment (server/auth/SessionCache.ts): a kept session is used
 * within its time to live and only then; a change to accounts forgets every kept session
 * and keeps nothing from a lookup that was under way; a session's own timeouts still end it
 * while it is kept.
 */
import { describe, expect, it } from 'vitest';
import { SessionCache } from '../../../server/auth/SessionCache.ts';
import type { Session, SessionLookup } from '../../../server/auth/sessionStore.ts';

const session = (username: string): Session => ({
  tokenHash: 'h',
  csrfHash: 'c',
  viewer: { userId: 1, username, role: 'admin', municipality: null, schoolId: null },
});

/** A lookup that counts its calls and answers what `answer` holds at the time. */
function counted(answer: { current: SessionLookup }) {
  const calls = { n: 0 };
  return {
    calls,
    lookup: async () => {
      calls.n++;
      return answer.current;
    },
  };
}

const at = (ms: number) => new Date(Date.UTC(2026, 10, 23, 8, 0, 0) + ms);

describe('SessionCache', () => {
  it('reads a session once within its time to live, again after it', async () => {
    const cache = new SessionCache(2_000);
    const answer = { current: { session: session('a'), endsAt: Infinity } };
    const { calls, lookup } = counted(answer);
    expect((await cache.session('h', at(0), lookup))?.viewer.username).toBe('a');
    expect((await cache.session('h', at(1_999), lookup))?.viewer.username).toBe('a');
    expect(calls.n).toBe(1);
    answer.current = { session: session('b'), endsAt: Infinity };
    expect((await cache.session('h', at(2_000), lookup))?.viewer.username).toBe('b');
    expect(calls.n).toBe(2);
  });

  it('forgets every kept session when accounts change', async () => {
    const cache = new SessionCache(60_000);
    const answer = { current: { session: session('a'), endsAt: Infinity } as SessionLookup };
    const { calls, lookup } = counted(answer);
    await cache.session('h', at(0), lookup);
    answer.current = { session: null, endsAt: Infinity };
    cache.changed();
    expect(await cache.session('h', at(10), lookup)).toBeNull();
    expect(calls.n).toBe(2);
  });

  it('keeps nothing from a lookup that a change overtook', async () => {
    const cache = new SessionCache(60_000);
    let release!: () => void;
    const slow = () =>
      new Promise<SessionLookup>((resolve) => {
        release = () => resolve({ session: session('before the change'), endsAt: Infinity });
      });
    const pending = cache.session('h', at(0), slow);
    cache.changed();
    release();
    expect((await pending)?.viewer.username).toBe('before the change');
    const answer = { current: { session: null, endsAt: Infinity } as SessionLookup };
    const { calls, lookup } = counted(answer);
    expect(await cache.session('h', at(5), lookup)).toBeNull();
    expect(calls.n).toBe(1);
  });

  it("ends a kept session at its own timeout, within the time to live", async () => {
    const cache = new SessionCache(60_000);
    const { lookup } = counted({ current: { session: session('a'), endsAt: at(1_000).getTime() } });
    expect(await cache.session('h', at(0), lookup)).not.toBeNull();
    expect(await cache.session('h', at(999), lookup)).not.toBeNull();
    expect(await cache.session('h', at(1_000), lookup)).toBeNull();
  });

  it('keeps nothing with a time to live of 0, and reads again for a clock gone back', async () => {
    const none = new SessionCache(0);
    const first = counted({ current: { session: session('a'), endsAt: Infinity } });
    await none.session('h', at(0), first.lookup);
    await none.session('h', at(0), first.lookup);
    expect(first.calls.n).toBe(2);
    const cache = new SessionCache(2_000);
    const second = counted({ current: { session: session('a'), endsAt: Infinity } });
    await cache.session('h', at(1_000), second.lookup);
    await cache.session('h', at(0), second.lookup);
    expect(second.calls.n).toBe(2);
  });
});
