/**
 * The openid-client configuration of each provider: its discovery document, fetched at the
 * first sign-in through it (not at start-up, so a provider that is down does not stop the
 * server) and kept. A failed discovery is not kept: the next sign-in tries again.
 * openid-client checks that the document's `issuer` is the configured one.
 *
 * `enableNonRepudiationChecks`: openid-client does not by default check the signature of an
 * ID token that came straight from the token endpoint (OpenID Connect Core 3.1.3.7 lets a
 * client trust the TLS channel instead). We check it against the provider's JWKS anyway, so a
 * token endpoint reached through a misconfigured proxy or plain http cannot hand out
 * identities: the refusal test with a token signed by another key failed without this.
 */
import * as client from 'openid-client';
import { isLoopbackHttp, type OidcProviderConfig } from './oidcProviderConfig.ts';

export class OidcClients {
  private readonly configs = new Map<string, Promise<client.Configuration>>();

  get(provider: OidcProviderConfig): Promise<client.Configuration> {
    let config = this.configs.get(provider.id);
    if (!config) {
      // Plain http only to a provider on this machine (tests, development): checked in oidcProviderConfig.ts.
      const execute = [client.enableNonRepudiationChecks, ...(isLoopbackHttp(provider.issuer) ? [client.allowInsecureRequests] : [])];
      config = client.discovery(new URL(provider.issuer), provider.clientId, provider.clientSecret, undefined, { execute, timeout: 10 });
      config.catch(() => this.configs.delete(provider.id));
      this.configs.set(provider.id, config);
    }
    return config;
  }
}
