/**
 * Resolves who is asking, once per request: the session of the `rt_session` cookie (kept in
 * `res.locals.session`) and its viewer (`res.locals.viewer`). Hands out an `rt_csrf` cookie
 * to a client without one, so the sign-in form has a token to send. `requireViewer` then
 * answers 401 for every API route that needs a signed-in user.
 *
 * Sessions are looked up through `deps.sessions` (SessionCache.ts): a request that may write
 * accounts or sessions (any method but GET and HEAD, and the OpenID Connect routes, whose
 * callback signs in and may change the user's role) empties it when it starts and when it ends.
 */
import type { RequestHandler } from 'express';
import type { AppContext } from '../appContext.ts';
import { HttpError } from '../http/HttpError.ts';
import { withConnection } from '../withConnection.ts';
import { csrfCookie, newToken, requestCookies, sessionCookie, setCsrfCookie, wellFormedToken } from './cookies.ts';
import { internalViewerOf } from './internalViewer.ts';
import { lookupSession, sha256, type Session } from './sessionStore.ts';
import { anonymousAdmin, type Viewer } from './viewer.ts';

function mayChangeAccounts(method: string, path: string): boolean {
  return (method !== 'GET' && method !== 'HEAD') || path.startsWith('/api/oidc/');
}

export function authenticate(deps: AppContext): RequestHandler {
  return async (req, res, next) => {
    const cookies = requestCookies(req);
    if (!wellFormedToken(cookies[csrfCookie])) setCsrfCookie(req, res, newToken());
    if (!req.path.startsWith('/api/')) return next();
    const internal = internalViewerOf(req);
    if (internal) {
      res.locals.session = null;
      res.locals.viewer = internal;
      return next();
    }
    if (mayChangeAccounts(req.method, req.path)) {
      deps.sessions.changed();
      res.once('close', () => deps.sessions.changed());
    }
    const token = wellFormedToken(cookies[sessionCookie]);
    const settings = deps.settings;
    const now = settings.now();
    const tokenHash = token ? sha256(token) : null;
    const session: Session | null = tokenHash
      ? await deps.sessions.session(tokenHash, now, () => withConnection(deps.instance, (conn) => lookupSession(conn, tokenHash, now, settings)))
      : null;
    const viewer: Viewer | null = session?.viewer ?? (deps.allowAnonymousAdmin === true ? anonymousAdmin : null);
    res.locals.session = session;
    res.locals.viewer = viewer;
    next();
  };
}

/** 401 unless someone is signed in (or the app runs as the implicit test administrator). */
export const requireViewer: RequestHandler = (_req, res, next) => {
  if (!res.locals.viewer) throw new HttpError(401, 'not_signed_in');
  next();
};
