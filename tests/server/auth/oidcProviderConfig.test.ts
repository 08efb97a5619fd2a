/** The OpenID providers from the environment: the variables a municipality's IT fills in (README). */
import { describe, expect, it } from 'vitest';
import { authConfigFromEnv } from '../../../server/auth/authConfig.ts';

const feide = {
  RT_OIDC_PROVIDERS: 'feide',
  RT_OIDC_FEIDE_ISSUER: 'https://auth.dataporten.no',
  RT_OIDC_FEIDE_CLIENT_ID: 'abc',
  RT_OIDC_FEIDE_CLIENT_SECRET: 'secret',
  RT_OIDC_FEIDE_REDIRECT_URL: 'https://tall.fjordvik.example/auth/oidc/feide/callback',
};

describe('oidcProvidersFromEnv', () => {
  it('reads a provider with its defaults', () => {
    expect(authConfigFromEnv({ ...feide, RT_ACCESS_CONTACT: 'IT, it@fjordvik.example' })).toMatchObject({
      accessContact: 'IT, it@fjordvik.example',
      oidcProviders: [
        {
          id: 'feide', label: 'feide', issuer: 'https://auth.dataporten.no', clientId: 'abc', clientSecret: 'secret',
          redirectUrl: 'https://tall.fjordvik.example/auth/oidc/feide/callback', scopes: 'openid', claimId: 'sub',
        },
      ],
    });
  });

  it('reads labels, scopes and claim names, for two providers side by side', () => {
    const config = authConfigFromEnv({
      ...feide,
      RT_OIDC_PROVIDERS: 'feide, entra',
      RT_OIDC_FEIDE_LABEL: 'Feide',
      RT_OIDC_FEIDE_SCOPES: 'openid groups-org',
      RT_OIDC_ENTRA_ISSUER: 'https://login.microsoftonline.com/0000/v2.0',
      RT_OIDC_ENTRA_CLIENT_ID: 'app',
      RT_OIDC_ENTRA_CLIENT_SECRET: 's2',
      RT_OIDC_ENTRA_REDIRECT_URL: 'https://tall.fjordvik.example/auth/oidc/entra/callback',
      RT_OIDC_ENTRA_CLAIM_ID: 'oid',
      RT_OIDC_ENTRA_CLAIM_GROUPS: 'groups',
      RT_OIDC_ENTRA_CLAIM_ORGANISATION: 'tid',
    });
    expect(config.oidcProviders!.map((p) => [p.id, p.label, p.scopes, p.claimId, p.claimGroups, p.claimOrganisation])).toEqual([
      ['feide', 'Feide', 'openid groups-org', 'sub', undefined, undefined],
      ['entra', 'entra', 'openid', 'oid', 'groups', 'tid'],
    ]);
  });

  it.each([
    ['RT_OIDC_FEIDE_ISSUER', 'http://auth.example', /RT_OIDC_FEIDE_ISSUER må bruke https/],
    ['RT_OIDC_FEIDE_REDIRECT_URL', 'https://tall.example/callback', /RT_OIDC_FEIDE_REDIRECT_URL må slutte på \/auth\/oidc\/feide\/callback/],
    ['RT_OIDC_FEIDE_CLIENT_SECRET', '', /RT_OIDC_FEIDE_CLIENT_SECRET mangler/],
    ['RT_OIDC_FEIDE_SCOPES', 'profile', /RT_OIDC_FEIDE_SCOPES må ha med openid/],
    ['RT_OIDC_PROVIDERS', 'Feide!', /små bokstaver og tall/],
    // The groups URLs get the user's access token: https only (or this machine).
    ['RT_OIDC_FEIDE_GROUPS_URL', 'http://groups-api.feide.no/groups/me/groups', /RT_OIDC_FEIDE_GROUPS_URL må være en https-URL/],
    ['RT_OIDC_FEIDE_GRAPH_URL', 'http://graph.microsoft.com', /RT_OIDC_FEIDE_GRAPH_URL må være en https-URL/],
  ])('refuses %s=%s, naming it', (name, value, message) => {
    expect(() => authConfigFromEnv({ ...feide, [name]: value })).toThrow(message);
  });

  it('reads the groups sources: Feide’s Groups API and a Graph base URL', () => {
    const config = authConfigFromEnv({
      ...feide,
      RT_OIDC_FEIDE_GROUPS_URL: 'https://groups-api.feide.no/groups/me/groups',
      RT_OIDC_FEIDE_GRAPH_URL: 'https://graph.microsoft.us',
    });
    expect(config.oidcProviders![0]).toMatchObject({ groupsUrl: 'https://groups-api.feide.no/groups/me/groups', graphUrl: 'https://graph.microsoft.us' });
    expect(authConfigFromEnv(feide).oidcProviders![0]!.groupsUrl).toBeUndefined();
  });

  it('allows plain http only to a provider on this machine', () => {
    expect(() => authConfigFromEnv({ ...feide, RT_OIDC_FEIDE_ISSUER: 'http://localhost:8080' })).not.toThrow();
  });
});
