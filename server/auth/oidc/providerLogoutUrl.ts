/**
 * RP-initiated logout: the provider's end-session URL for an account that signed in through
 * it, or null (a local account, a provider without `end_session_endpoint`, or one that cannot
 * be reached). The ID token is not kept (it carries the name), so the URL names the client
 * (`client_id`) instead of giving an `id_token_hint`; OpenID Connect RP-Initiated Logout 1.0
 * allows that, and the provider then asks the user to confirm.
 */
import * as client from 'openid-client';
import type { AppContext } from '../../appContext.ts';
import type { OidcProviderConfig } from './oidcProviderConfig.ts';

export async function providerLogoutUrl(deps: AppContext, providerId: string | null): Promise<string | null> {
  const provider: OidcProviderConfig | undefined = deps.settings.oidcProviders.find((p) => p.id === providerId);
  if (!provider) return null;
  try {
    const config = await deps.oidc.clients.get(provider);
    if (!config.serverMetadata().end_session_endpoint) return null;
    const parameters: Record<string, string> = { client_id: provider.clientId };
    if (provider.postLogoutUrl) parameters.post_logout_redirect_uri = provider.postLogoutUrl;
    return client.buildEndSessionUrl(config, parameters).href;
  } catch {
    return null;
  }
}
