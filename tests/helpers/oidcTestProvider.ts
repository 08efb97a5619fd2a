/**
 * A real OpenID provider for the tests: oidc-provider on localhost, with one confidential
 * client (the product) and accounts whose claims the test chooses. The login and consent
 * screens are answered by the test itself: whoever the test set as `nextLogin` is signed in
 * and consents (no form to fill in, but every redirect, cookie, code and token is the real
 * provider's). Keys are generated at start, so nothing is shared between runs.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

export interface TestAccount {
  readonly sub: string;
  readonly name?: string;
  readonly org?: string;
  readonly groups?: readonly string[];
  /**
   * Entra ID's groups overage: the ID token names a claim source (`_claim_names.groups`,
   * `_claim_sources`) instead of carrying `groups`, as Entra does past 200 groups.
   */
  readonly overage?: boolean;
}

export interface OidcTestProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** A resource server's credentials for the introspection endpoint (a stand-in API checks access tokens there). */
  readonly introspection: { readonly url: string; readonly clientId: string; readonly clientSecret: string };
  /** The account the next login screen signs in. */
  nextLogin: string;
  close(): Promise<void>;
}

export interface OidcTestProviderOptions {
  readonly accounts: readonly TestAccount[];
  readonly redirectUris: readonly string[];
  readonly postLogoutRedirectUris?: readonly string[];
}

/** A port that was free a moment ago (the app needs its redirect URL before it listens). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startOidcTestProvider(options: OidcTestProviderOptions): Promise<OidcTestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://localhost:${port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'test-key' };
  const accounts = new Map(options.accounts.map((a) => [a.sub, a]));
  const clientId = 'ressursteam-tall';
  const clientSecret = 'test-secret-for-the-oidc-provider-in-tests';
  const resourceClientId = 'groups-api';
  const resourceClientSecret = 'test-secret-of-the-groups-api-in-tests';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [...options.redirectUris],
        post_logout_redirect_uris: [...(options.postLogoutRedirectUris ?? [])],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
      // A resource server (the stand-in groups API): it signs in to introspect, nothing else.
      { client_id: resourceClientId, client_secret: resourceClientSecret, redirect_uris: [], response_types: [], grant_types: [], token_endpoint_auth_method: 'client_secret_post' },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ['cookie-key-for-tests-only'] },
    scopes: ['openid', 'profile', 'rt'],
    claims: { openid: ['sub'], profile: ['name'], rt: ['org', 'groups'] },
    // Only the resource server may introspect (the product's own client has no use for it).
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true },
      introspection: { enabled: true, allowedPolicy: (_ctx, caller) => Promise.resolve(caller.clientId === resourceClientId) },
    },
    // The claims in the ID token itself, as Entra ID puts groups there (not only at userinfo).
    conformIdTokenClaims: false,
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      const groups = account.overage
        ? { _claim_names: { groups: 'src1' }, _claim_sources: { src1: { endpoint: `https://graph.windows.net/tenant/users/${id}/getMemberObjects` } } }
        : { groups: account.groups ? [...account.groups] : undefined };
      return { accountId: id, claims: () => ({ sub: id, name: account.name, org: account.org, ...groups }) };
    },
  });
  const handle = provider.callback();
  const result: OidcTestProvider = {
    issuer,
    clientId,
    clientSecret,
    introspection: { url: `${issuer}/token/introspection`, clientId: resourceClientId, clientSecret: resourceClientSecret },
    nextLogin: options.accounts[0]?.sub ?? '',
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  server.on('request', (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return void handle(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'login') {
        await provider.interactionFinished(req, res, { login: { accountId: result.nextLogin } }, { mergeWithLastSubmission: false });
        return;
      }
      const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params.client_id) });
      const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    })().catch(() => {
      res.statusCode = 500;
      res.end('interaction failed');
    });
  });
  return result;
}
