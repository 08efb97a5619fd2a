/**
 * Sign-in and sign-out.
 * POST   /api/session  {username, password} → sets the session cookie, answers the user (CSRF + rate limit)
 * GET    /api/session  the signed-in user, or 401
 * DELETE /api/session  signs out: 204, or 200 {logout_url} for an account of an OpenID provider with RP-initiated logout
 * A new session gets a new CSRF token (the `rt_csrf` cookie changes at sign-in and sign-out).
 */
import { Router, type Request, type Response } from 'express';
import * as z from 'zod';
import { maxPasswordLength, verifyAgainstNothing, verifyPassword } from '../../etl/accounts/passwordHash.ts';
import { Username, type UserAccount } from '../../etl/accounts/userAccount.ts';
import { identityProviderOf } from '../../etl/accounts/oidcAccounts.ts';
import { findAccount, findCredentials } from '../../etl/accounts/userStore.ts';
import { auditRequest } from '../auth/auditRequest.ts';
import { clearSessionCookie, newToken, setCsrfCookie, setSessionCookie } from '../auth/cookies.ts';
import { loginRateLimits } from '../auth/loginRateLimit.ts';
import { providerLogoutUrl } from '../auth/oidc/providerLogoutUrl.ts';
import { createSession, deleteSession, type Session } from '../auth/sessionStore.ts';
import { viewerOf, type Viewer } from '../auth/viewer.ts';
import type { AppContext } from '../appContext.ts';
import { HttpError } from '../http/HttpError.ts';
import { validateQuery } from '../http/validateQuery.ts';
import { withConnection } from '../withConnection.ts';

const NoParameters = z.object({}).strict();
const SignIn = z.object({ username: z.string().max(200), password: z.string().max(10_000) }).strict();

function viewerOfAccount(account: UserAccount): Viewer {
  return { userId: account.user_id, username: account.username, role: account.role, municipality: account.municipality, schoolId: account.school_id };
}

/** What GET /api/session and a sign-in answer (the dashboard reads this type). */
export interface SessionUser {
  readonly username: string;
  readonly role: Viewer['role'];
  readonly municipality: string | null;
  readonly school_id: string | null;
  readonly school_name: string | null;
}

async function describeViewer(deps: AppContext, viewer: Viewer): Promise<SessionUser> {
  const account = viewer.userId === 0 ? null : await withConnection(deps.instance, (conn) => findAccount(conn, viewer.username));
  return {
    username: viewer.username,
    role: viewer.role,
    municipality: viewer.municipality,
    school_id: viewer.schoolId,
    school_name: account?.school_name ?? null,
  };
}

/** The session routes that need no session: sign-in. */
export function signInRoutes(deps: AppContext): Router {
  const router = Router();
  router.post('/api/session', ...loginRateLimits(deps), async (req: Request, res: Response) => {
    const body = SignIn.safeParse(req.body);
    if (!body.success) throw new HttpError(400, 'invalid_body');
    const settings = deps.settings;
    const username = Username.safeParse(body.data.username);
    const password = body.data.password;
    const credentials =
      username.success && password.length <= maxPasswordLength
        ? await withConnection(deps.instance, (conn) => findCredentials(conn, username.data))
        : null;
    const valid = credentials ? await verifyPassword(password, credentials.password_hash) : await verifyAgainstNothing(password);
    if (!credentials || !valid || credentials.disabled) {
      const reason = !credentials ? 'unknown_user' : !valid ? 'wrong_password' : 'disabled';
      const known = credentials && username.success ? username.data : null;
      await auditRequest(deps, req, null, { action: 'sign_in_failed', username: known, target: known, details: { reason } });
      throw new HttpError(401, 'invalid_credentials');
    }
    const account = await withConnection(deps.instance, (conn) => findAccount(conn, username.success ? username.data : ''));
    if (!account) throw new Error('the account signing in vanished');
    const previous = res.locals.session as Session | null;
    const tokens = await withConnection(deps.instance, async (conn) => {
      if (previous) await deleteSession(conn, previous.tokenHash);
      return createSession(conn, account.user_id, settings.now(), settings);
    });
    setSessionCookie(req, res, tokens.token, settings.absoluteTimeoutMs);
    setCsrfCookie(req, res, tokens.csrfToken);
    const viewer = viewerOfAccount(account);
    await auditRequest(deps, req, viewer, { action: 'sign_in', target: viewer.username });
    res.json(await describeViewer(deps, viewer));
  });
  return router;
}

/** The session routes for a signed-in viewer: who am I, sign out. */
export function sessionRoutes(deps: AppContext): Router {
  const router = Router();
  router.get('/api/session', async (req, res) => {
    const viewer = viewerOf(res);
    validateQuery(NoParameters, req);
    res.json(await describeViewer(deps, viewer));
  });
  router.delete('/api/session', async (req, res) => {
    const viewer = viewerOf(res);
    const session = res.locals.session as Session | null;
    let provider: string | null = null;
    if (session) {
      provider = await withConnection(deps.instance, async (conn) => {
        await deleteSession(conn, session.tokenHash);
        return identityProviderOf(conn, viewer.userId);
      });
      await auditRequest(deps, req, viewer, { action: 'sign_out', target: viewer.username, details: provider ? { provider } : undefined });
    }
    clearSessionCookie(req, res);
    setCsrfCookie(req, res, newToken());
    // Signed in through a provider that ends its own session too: the dashboard goes there next.
    const logoutUrl = await providerLogoutUrl(deps, provider);
    if (logoutUrl) res.json({ logout_url: logoutUrl });
    else res.status(204).end();
  });
  return router;
}
