/**
 * Sign-in through OpenID Connect providers (Authorization Code with PKCE, `state` and `nonce`;
 * openid-client checks the ID token's signature against the provider's keys, its issuer,
 * audience, expiry and nonce):
 *   GET /api/session/providers          the providers, for the sign-in page's buttons (no session needed)
 *   GET /auth/oidc/:provider/start      → 303 to the provider, with a fresh sign-in under way (`rt_oidc` cookie)
 *   GET /auth/oidc/:provider/callback   the provider's answer → 303 to the dashboard, signed in;
 *                                       or to `/auth/no-access` (no mapping; `&reason=groups_unavailable` when
 *                                       the provider's groups could not be fetched) or `/?signin=failed`
 *   GET /auth/no-access                 "ingen tilgang ennå": the dashboard's page (dashboard/components/noAccessPage.ts),
 *                                       served as every client-side route; whom to ask comes with the providers
 * Every outcome of a callback is audited: `sign_in` (with the provider), `sign_in_failed`
 * (the reason as a short code), `sign_in_no_access` (the account reference to map; or
 * `groups_unavailable` with the source and a short failure code).
 */
import { Router, type Request, type Response } from 'express';
import * as client from 'openid-client';
import { resolveMapping } from '../../etl/accounts/idpMappings.ts';
import { accountForIdentity, oidcUsername } from '../../etl/accounts/oidcAccounts.ts';
import type { AppContext } from '../appContext.ts';
import { auditRequest } from '../auth/auditRequest.ts';
import { requestCookies, setCsrfCookie, setSessionCookie, wellFormedToken } from '../auth/cookies.ts';
import { identityClaims } from '../auth/oidc/identityClaims.ts';
import { identityGroups } from '../auth/oidc/identityGroups.ts';
import type { OidcProviderConfig } from '../auth/oidc/oidcProviderConfig.ts';
import { subjectRef } from '../auth/oidc/subjectRef.ts';
import { createSession } from '../auth/sessionStore.ts';
import { HttpError } from '../http/HttpError.ts';
import { withConnection } from '../withConnection.ts';

export const pendingCookie = 'rt_oidc';

function providerOf(deps: AppContext, id: unknown): OidcProviderConfig {
  const provider = deps.settings.oidcProviders.find((p) => p.id === id);
  if (!provider) throw new HttpError(404, 'unknown_provider');
  return provider;
}

function setPendingCookie(req: Request, res: Response, id: string, provider: string): void {
  res.cookie(pendingCookie, id, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: `/auth/oidc/${provider}/`, maxAge: 10 * 60_000 });
}

/** A short code for the audit log: openid-client's error code or the OAuth error, never free text. */
function failureCode(error: unknown): string {
  const e = error as { code?: unknown; error?: unknown };
  const code = typeof e?.error === 'string' ? e.error : typeof e?.code === 'string' ? e.code : 'error';
  return /^[A-Za-z0-9_.-]{1,60}$/.test(code) ? code : 'error';
}

/**
 * What exactly failed, when openid-client says: the claim that did not match (`iss`, `aud`,
 * `nonce`...), or `signature` / `state` from its message. A fixed shape, never the message.
 */
function failureDetail(error: unknown): string | undefined {
  // openid-client wraps oauth4webapi's error: look down the chain of causes.
  let e = error as { message?: unknown; cause?: unknown; claim?: unknown } | undefined;
  for (let depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    if (typeof e.claim === 'string' && /^[a-z_]{1,20}$/.test(e.claim)) return e.claim;
    const message = typeof e.message === 'string' ? e.message : '';
    if (/signature verification failed/i.test(message)) return 'signature';
    if (/"state"/.test(message)) return 'state';
    e = e.cause as typeof e;
  }
  return undefined;
}

/** The callback URL as the provider sent it: the configured redirect URL (not the Host header) and the query. */
function callbackUrl(provider: OidcProviderConfig, req: Request): URL {
  const url = new URL(provider.redirectUrl);
  const query = req.originalUrl.indexOf('?');
  url.search = query >= 0 ? req.originalUrl.slice(query) : '';
  return url;
}

export function oidcRoutes(deps: AppContext): Router {
  const router = Router();

  router.get('/api/session/providers', (_req, res) => {
    res.json({
      providers: deps.settings.oidcProviders.map((p) => ({ id: p.id, label: p.label, start_url: `/auth/oidc/${p.id}/start` })),
      // For the "ingen tilgang ennå" page (the dashboard at /auth/no-access), which has no session either.
      access_contact: deps.settings.accessContact,
    });
  });

  router.get('/auth/oidc/:provider/start', async (req, res) => {
    const provider = providerOf(deps, req.params.provider);
    const config = await deps.oidc.clients.get(provider).catch(() => {
      throw new HttpError(503, 'provider_unreachable');
    });
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const id = deps.oidc.pending.add({ provider: provider.id, state, nonce, codeVerifier }, deps.settings.now().getTime());
    if (!id) throw new HttpError(503, 'busy');
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: provider.redirectUrl,
      scope: provider.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    setPendingCookie(req, res, id, provider.id);
    res.redirect(303, url.href);
  });

  router.get('/auth/oidc/:provider/callback', async (req, res) => {
    const provider = providerOf(deps, req.params.provider);
    const now = deps.settings.now();
    const cookieId = wellFormedToken(requestCookies(req)[pendingCookie]);
    const pending = cookieId ? deps.oidc.pending.take(cookieId, now.getTime()) : null;
    res.clearCookie(pendingCookie, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: `/auth/oidc/${provider.id}/` });
    const fail = async (reason: string, check?: string) => {
      await auditRequest(deps, req, null, { action: 'sign_in_failed', username: null, details: { provider: provider.id, reason, check } });
      res.redirect(303, '/?signin=failed');
    };
    if (!pending || pending.provider !== provider.id) return fail('no_sign_in_under_way');
    if (!deps.pseudonymKey) return fail('no_pseudonym_key');
    let claims: Record<string, unknown>;
    let accessToken: string | undefined;
    try {
      const config = await deps.oidc.clients.get(provider);
      const tokens = await client.authorizationCodeGrant(config, callbackUrl(provider, req), {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = { ...tokens.claims() };
      accessToken = tokens.access_token;
    } catch (error) {
      return fail(failureCode(error), failureDetail(error));
    }
    const fromToken = identityClaims(provider, claims);
    if (!fromToken) return fail('no_subject_claim');
    const ref = subjectRef(deps.pseudonymKey, provider.issuer, fromToken.subject);
    const target = oidcUsername(provider.id, ref);
    // Outside the connection: a slow groups source must not hold one.
    const completed = await identityGroups(provider, fromToken, accessToken);
    // Without the groups only a subject mapping can be trusted (it wins over any group);
    // the token's organisations are dropped too, since a group mapping might have won over them.
    const identity = completed.ok ? completed.identity : { ...fromToken, groups: [], organisations: [] };
    const groupsDetails = completed.ok
      ? { groups_from: completed.sources.length > 1 ? completed.sources.join(',') : undefined }
      : { groups_source: completed.source, groups_error: completed.failure };
    const signedIn = await withConnection(deps.instance, async (conn) => {
      const resolved = await resolveMapping(conn, { provider: provider.id, subjectRef: ref, groups: identity.groups, organisations: identity.organisations });
      if (resolved.kind !== 'mapped') {
        const reason = completed.ok ? resolved.kind : 'groups_unavailable';
        await auditRequest(deps, req, null, {
          action: 'sign_in_no_access',
          username: null,
          target,
          details: { provider: provider.id, reason, groups: identity.groups.length, groups_overage: identity.groupsOverage || undefined, ...groupsDetails },
        }, conn);
        return reason === 'groups_unavailable' ? ('groups_unavailable' as const) : null;
      }
      const account = await accountForIdentity(conn, provider.id, ref, resolved.mapping, now);
      if (account.disabled) {
        await auditRequest(deps, req, null, { action: 'sign_in_failed', username: account.username, details: { provider: provider.id, reason: 'disabled' } }, conn);
        return 'disabled' as const;
      }
      const tokens = await createSession(conn, account.user_id, now, deps.settings);
      const viewer = { userId: account.user_id, username: account.username, role: resolved.mapping.role, municipality: resolved.mapping.municipality, schoolId: resolved.mapping.school_id };
      await auditRequest(deps, req, viewer, { action: 'sign_in', target: account.username, details: { provider: provider.id, mapping: resolved.mapping.mapping_id, groups_overage: identity.groupsOverage || undefined, ...groupsDetails } }, conn);
      return tokens;
    });
    if (signedIn === 'groups_unavailable') return res.redirect(303, `/auth/no-access?ref=${ref.slice(0, 12)}&reason=groups_unavailable`);
    if (signedIn === null) return res.redirect(303, `/auth/no-access?ref=${ref.slice(0, 12)}`);
    if (signedIn === 'disabled') return res.redirect(303, '/?signin=failed');
    setSessionCookie(req, res, signedIn.token, deps.settings.absoluteTimeoutMs);
    setCsrfCookie(req, res, signedIn.csrfToken);
    res.redirect(303, '/');
  });

  return router;
}
