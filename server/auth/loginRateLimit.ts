/**
 * Limits failed sign-ins (default 5 per 15 minutes) per client IP address and per username,
 * so neither one address guessing many passwords nor many addresses guessing one account
 * get far. Successful sign-ins do not count. A refused attempt is 429 and audited. Uses
 * express-rate-limit (in-memory, per app): it keys IPv6 clients by subnet and sends the
 * standard RateLimit headers.
 */
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { Username } from '../../etl/accounts/userAccount.ts';
import { findCredentials } from '../../etl/accounts/userStore.ts';
import type { AppDeps } from '../createApp.ts';
import { withConnection } from '../withConnection.ts';
import { auditRequest } from './auditRequest.ts';
import { authSettings } from './authSettings.ts';

/** The username a sign-in names, normalised as accounts are; '' when there is none. */
export function attemptedUsername(req: Request): string {
  const body: unknown = req.body;
  const raw = typeof body === 'object' && body !== null ? (body as { username?: unknown }).username : undefined;
  const parsed = Username.safeParse(raw);
  return parsed.success ? parsed.data : '';
}

/** The account a request names, if it exists: unknown names (maybe a mistyped password) are never logged. */
export async function knownUsername(deps: AppDeps, username: string): Promise<string | null> {
  if (!username) return null;
  const found = await withConnection(deps.instance, (conn) => findCredentials(conn, username));
  return found ? username : null;
}

export function loginRateLimits(deps: AppDeps): RequestHandler[] {
  const settings = authSettings(deps);
  const limiter = (by: 'ip' | 'username', keyGenerator: (req: Request) => string) =>
    rateLimit({
      windowMs: settings.loginWindowMs,
      limit: settings.loginAttempts,
      skipSuccessfulRequests: true,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      keyGenerator,
      handler: async (req, res, next) => {
        try {
          const username = await knownUsername(deps, attemptedUsername(req));
          await auditRequest(deps, req, null, { action: 'rate_limited', username, target: username, details: { by } });
          res.status(429).json({ error: 'too_many_attempts' });
        } catch (error) {
          next(error);
        }
      },
    });
  return [limiter('ip', (req) => ipKeyGenerator(req.ip ?? 'unknown')), limiter('username', (req) => `user:${attemptedUsername(req)}`)];
}
