/**
 * Failed sign-ins per username slow further attempts instead of locking the account: a lock
 * would let anyone lock a named user out from one address. After `loginAttempts` failures
 * at one name in the window, every attempt at it waits `loginDelayBaseMs`, doubled per
 * further failure, at most `loginDelayMaxMs`, before the password is looked at; the right
 * password still signs in (after the wait) and clears the count. The name is counted as
 * typed (normalised), whether or not an account has it, so the wait never tells whether a
 * user exists. One address is stopped by the per-address limit (loginRateLimit.ts); many
 * addresses guessing one name get a few slow guesses each.
 */
import type { RequestHandler } from 'express';
import type { AppContext } from '../appContext.ts';
import { attemptedUsername, knownUsername } from './attemptedUsername.ts';
import { auditRequest } from './auditRequest.ts';

interface Failures {
  count: number;
  /** When the window that the first failure opened closes (ms since the epoch, the app's clock). */
  readonly endsAt: number;
}

/** Names tracked at most; beyond it the oldest are forgotten (an attacker cannot grow the map without bound). */
const maxTracked = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The wait before an attempt after `failures` failures at one name. */
export function signInDelayMs(failures: number, free: number, baseMs: number, maxMs: number): number {
  const over = failures - free;
  return over < 0 ? 0 : Math.min(maxMs, baseMs * 2 ** over);
}

export function signInSlowdown(deps: AppContext): RequestHandler {
  const settings = deps.settings;
  const failures = new Map<string, Failures>();

  const current = (name: string, now: number): Failures | undefined => {
    const entry = failures.get(name);
    if (entry && entry.endsAt <= now) failures.delete(name);
    return entry && entry.endsAt > now ? entry : undefined;
  };
  const recordFailure = (name: string) => {
    const now = settings.now().getTime();
    const entry = current(name, now);
    if (entry) entry.count++;
    else {
      if (failures.size >= maxTracked) failures.delete(failures.keys().next().value!);
      failures.set(name, { count: 1, endsAt: now + settings.loginWindowMs });
    }
  };

  return async (req, res, next) => {
    const name = attemptedUsername(req);
    const count = current(name, settings.now().getTime())?.count ?? 0;
    const delay = signInDelayMs(count, settings.loginAttempts, settings.loginDelayBaseMs, settings.loginDelayMaxMs);
    if (delay > 0) {
      if (count === settings.loginAttempts) {
        // Once per window and name: the attempts themselves are logged as sign_in_failed.
        const username = await knownUsername(deps, name);
        await auditRequest(deps, req, null, { action: 'rate_limited', username, target: username, details: { by: 'username' } });
      }
      await sleep(delay);
    }
    res.on('finish', () => {
      if (res.statusCode === 401) recordFailure(name);
      else if (res.statusCode < 400) failures.delete(name);
    });
    next();
  };
}
