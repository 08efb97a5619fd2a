/**
 * Resolves who is asking, once per request: the session of the `rt_session` cookie (kept in
 * `res.locals.session`) and its viewer (`res.locals.viewer`). Hands out an `rt_csrf` cookie
 * to a client without one, so the sign-in form has a token to send. `requireViewer` then
 * answers 401 for every API route that needs a signed-in user.
 */
import type { RequestHandler } from 'express';
import type { AppContext } from '../appContext.ts';
import { HttpError } from '../http/HttpError.ts';
import { withConnection } from '../withConnection.ts';
import { csrfCookie, newToken, requestCookies, sessionCookie, setCsrfCookie, wellFormedToken } from './cookies.ts';
import { findSession, type Session } from './sessionStore.ts';
import { anonymousAdmin, type Viewer } from './viewer.ts';

export function authenticate(deps: AppContext): RequestHandler {
  return async (req, res, next) => {
    const cookies = requestCookies(req);
    if (!wellFormedToken(cookies[csrfCookie])) setCsrfCookie(req, res, newToken());
    if (!req.path.startsWith('/api/')) return next();
    const token = wellFormedToken(cookies[sessionCookie]);
    const settings = deps.settings;
    const session: Session | null = token
      ? await withConnection(deps.instance, (conn) => findSession(conn, token, settings.now(), settings))
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
