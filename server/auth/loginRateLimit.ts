/**
 * Limits failed sign-ins per client IP address (default 5 per 15 minutes, then 429, audited),
 * so one address guessing many passwords does not get far; per username, failures slow
 * further attempts instead of locking the account (signInSlowdown.ts), so one address cannot
 * lock a named user out. Successful sign-ins do not count. Uses express-rate-limit
 * (in-memory, per app): it keys IPv6 clients by subnet and sends the standard RateLimit headers.
 */
import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { AppContext } from '../appContext.ts';
import { attemptedUsername, knownUsername } from './attemptedUsername.ts';
import { auditRequest } from './auditRequest.ts';
import { signInSlowdown } from './signInSlowdown.ts';

export function loginRateLimits(deps: AppContext): RequestHandler[] {
  const settings = deps.settings;
  const perAddress = rateLimit({
    windowMs: settings.loginWindowMs,
    limit: settings.loginAttempts,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? 'unknown'),
    handler: async (req, res, next) => {
      try {
        const username = await knownUsername(deps, attemptedUsername(req));
        await auditRequest(deps, req, null, { action: 'rate_limited', username, target: username, details: { by: 'ip' } });
        res.status(429).json({ error: 'too_many_attempts' });
      } catch (error) {
        next(error);
      }
    },
  });
  return [perAddress, signInSlowdown(deps)];
}
