/**
 * One OpenID Connect provider the product signs in through (Feide, Entra ID, Skolfederation,
 * or the test provider), as a municipality's IT fills it in: from the environment
 * (`oidcProvidersFromEnv`) or, in tests, directly in the AuthConfig.
 *
 *   RT_OIDC_PROVIDERS=feide,entra           the providers, each a button on the sign-in page
 *   RT_OIDC_FEIDE_ISSUER=https://auth.dataporten.no
 *   RT_OIDC_FEIDE_CLIENT_ID=…  RT_OIDC_FEIDE_CLIENT_SECRET=…
 *   RT_OIDC_FEIDE_REDIRECT_URL=https://tall.kommune.no/auth/oidc/feide/callback
 *   RT_OIDC_FEIDE_SCOPES="openid groups-org"  (default: openid)
 *   RT_OIDC_FEIDE_LABEL="Feide"               (the button's text; default: the id)
 *   RT_OIDC_FEIDE_CLAIM_ID=sub  _CLAIM_NAME=name  _CLAIM_ORGANISATION=…  _CLAIM_GROUPS=groups
 *   RT_OIDC_FEIDE_POST_LOGOUT_URL=https://tall.kommune.no/   (RP-initiated logout; optional)
 *   RT_OIDC_FEIDE_GROUPS_URL=https://groups-api.feide.no/groups/me/groups   (Feide's Groups API; optional)
 *   RT_OIDC_ENTRA_GRAPH_URL=https://graph.microsoft.com   (for Entra's groups overage; this is the default)
 *   RT_ACCESS_CONTACT="IT-avdelingen, it@kommune.no"   named on the "ingen tilgang ennå" page
 */
import * as z from 'zod';

export interface OidcProviderConfig {
  /** Lower-case letters and digits: part of the URLs and of every mapping. */
  readonly id: string;
  readonly label: string;
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Must be `<origin>/auth/oidc/<id>/callback`, and registered with the provider. */
  readonly redirectUrl: string;
  readonly scopes: string;
  /** Claim names: the user's id (default `sub`), name, organisation and groups (optional). */
  readonly claimId: string;
  readonly claimName?: string;
  readonly claimOrganisation?: string;
  readonly claimGroups?: string;
  /** Where the provider sends the browser after RP-initiated logout (registered with it). */
  readonly postLogoutUrl?: string;
  /** Feide's Groups API: the user's groups are fetched there with the access token after sign-in. */
  readonly groupsUrl?: string;
  /** Microsoft Graph's base URL, asked for the groups when an ID token has the groups overage (default https://graph.microsoft.com). */
  readonly graphUrl?: string;
  /** The deadline of each groups request (default 5 s; tests shorten it). */
  readonly groupsTimeoutMs?: number;
}

export const providerIdPattern = /^[a-z][a-z0-9]{0,19}$/;

/** The path of a provider's callback; the redirect URL's path must be this. */
export function callbackPath(id: string): string {
  return `/auth/oidc/${id}/callback`;
}

/** True for http://localhost and http://127.0.0.1: a provider run on this machine (tests, development). */
export function isLoopbackHttp(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const u = new URL(url);
  return u.protocol === 'http:' && (u.hostname === 'localhost' || u.hostname === '127.0.0.1' || u.hostname === '[::1]');
}

const httpsOrLoopback = (name: string) =>
  z.url({ error: `${name} må være en URL` }).refine((u) => u.startsWith('https://') || isLoopbackHttp(u), `${name} må bruke https (http bare mot localhost)`);

/** Checks one provider's settings; the messages name the variable, never its value. */
export function checkProvider(p: OidcProviderConfig): string[] {
  const problems: string[] = [];
  const prefix = `RT_OIDC_${p.id.toUpperCase()}_`;
  if (!providerIdPattern.test(p.id)) problems.push(`RT_OIDC_PROVIDERS: «${p.id}» må være små bokstaver og tall`);
  for (const [name, url] of [['ISSUER', p.issuer], ['REDIRECT_URL', p.redirectUrl]] as const) {
    const parsed = httpsOrLoopback(prefix + name).safeParse(url);
    if (!parsed.success) problems.push(parsed.error.issues[0]!.message);
  }
  if (problems.length === 0 && new URL(p.redirectUrl).pathname !== callbackPath(p.id)) {
    problems.push(`${prefix}REDIRECT_URL må slutte på ${callbackPath(p.id)}`);
  }
  if (!p.clientId) problems.push(`${prefix}CLIENT_ID mangler`);
  if (!p.clientSecret) problems.push(`${prefix}CLIENT_SECRET mangler`);
  if (!p.scopes.split(/\s+/).includes('openid')) problems.push(`${prefix}SCOPES må ha med openid`);
  for (const [name, url] of [['POST_LOGOUT_URL', p.postLogoutUrl], ['GROUPS_URL', p.groupsUrl], ['GRAPH_URL', p.graphUrl]] as const) {
    // The groups URLs receive the user's access token: never over plain http to another machine.
    if (url !== undefined && !httpsOrLoopback(prefix + name).safeParse(url).success) problems.push(`${prefix}${name} må være en https-URL`);
  }
  return problems;
}

/** The providers named in RT_OIDC_PROVIDERS; a problem stops the server naming the variable. */
export function oidcProvidersFromEnv(env: NodeJS.ProcessEnv): OidcProviderConfig[] {
  const ids = (env.RT_OIDC_PROVIDERS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const providers = ids.map((id): OidcProviderConfig => {
    const v = (name: string) => {
      const value = env[`RT_OIDC_${id.toUpperCase()}_${name}`]?.trim();
      return value === '' ? undefined : value;
    };
    return {
      id,
      label: v('LABEL') ?? id,
      issuer: v('ISSUER') ?? '',
      clientId: v('CLIENT_ID') ?? '',
      clientSecret: v('CLIENT_SECRET') ?? '',
      redirectUrl: v('REDIRECT_URL') ?? '',
      scopes: v('SCOPES') ?? 'openid',
      claimId: v('CLAIM_ID') ?? 'sub',
      claimName: v('CLAIM_NAME'),
      claimOrganisation: v('CLAIM_ORGANISATION'),
      claimGroups: v('CLAIM_GROUPS'),
      postLogoutUrl: v('POST_LOGOUT_URL'),
      groupsUrl: v('GROUPS_URL'),
      graphUrl: v('GRAPH_URL'),
    };
  });
  const problems = providers.flatMap(checkProvider);
  if (new Set(ids).size !== ids.length) problems.push('RT_OIDC_PROVIDERS: en leverandør er nevnt to ganger');
  if (problems.length > 0) throw new Error(problems.join('; '));
  return providers;
}
