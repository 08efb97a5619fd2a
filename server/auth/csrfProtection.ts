/**
 * CSRF protection for every state-changing request (POST, PUT, PATCH, DELETE), sign-in
 * included (login CSRF): the `X-CSRF-Token` header must equal the `rt_csrf` cookie (a page
 * on another site can neither read the cookie nor set the header), and with a session it
 * must also be the token issued with that session, so a cookie planted from a sibling
 * domain is not enough. `Sec-Fetch-Site` and `Origin`, when the browser sends them, must
 * say same-origin. Refusals are 403 and audited.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { AppContext } from '../appContext.ts';
import { HttpError } from '../http/HttpError.ts';
import { auditRequest } from './auditRequest.ts';
import { csrfCookie, csrfHeader, requestCookies, wellFormedToken } from './cookies.ts';
import { sha256, type Session } from './sessionStore.ts';
import type { Viewer } from './viewer.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Why the request fails the check, or null when it passes. */
function csrfProblem(req: Request, session: Session | null, allowedOrigins: readonly string[]): string | null {
  const site = req.get('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return 'cross_site';
  const origin = req.get('origin');
  if (origin !== undefined && origin !== `${req.protocol}://${req.host}` && !allowedOrigins.includes(origin)) return 'origin';
  const cookie = wellFormedToken(requestCookies(req)[csrfCookie]);
  const header = wellFormedToken(req.get(csrfHeader));
  if (!cookie || !header) return 'missing_token';
  if (!sameText(cookie, header)) return 'token_mismatch';
  if (session && !sameText(sha256(header), session.csrfHash)) return 'not_session_token';
  return null;
}

export function csrfProtection(deps: AppContext): RequestHandler {
  return async (req, res, next) => {
    if (safeMethods.has(req.method)) return next();
    const session = (res.locals.session as Session | null | undefined) ?? null;
    const problem = csrfProblem(req, session, deps.settings.allowedOrigins);
    if (!problem) return next();
    const viewer = (res.locals.viewer as Viewer | null | undefined) ?? null;
    await auditRequest(deps, req, viewer, { action: 'csrf_rejected', target: req.path.slice(0, 100), details: { reason: problem, method: req.method } });
    throw new HttpError(403, 'csrf_failed', { reason: problem });
  };
}
