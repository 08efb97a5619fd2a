/**
 * The groups and organisations of an identity, completed from outside the ID token when the
 * provider keeps them elsewhere: Feide's Groups API when the provider has a groups URL
 * (RT_OIDC_<ID>_GROUPS_URL), Microsoft Graph when an Entra ID token carries the groups
 * overage instead of the groups. What is fetched is added to what the token said.
 *
 * A failure is an answer, not a guess: without the groups, an organisation mapping might
 * grant a role where a group mapping (which wins over it) would have granted another or
 * none. So the callback (server/routes/oidc.ts) then uses only a subject mapping (which wins
 * over any group); without one the user gets no role, the reason audited and shown on the
 * "ingen tilgang ennå" page.
 */
import type { GroupsFailure } from './fetchBearerJson.ts';
import { feideGroups } from './feideGroups.ts';
import { defaultGraphUrl, graphMemberGroups } from './graphMemberGroups.ts';
import { groupLimits } from './groupLimits.ts';
import type { IdentityClaims } from './identityClaims.ts';
import type { OidcProviderConfig } from './oidcProviderConfig.ts';

/** Where the groups came from, for the audit log. */
export type GroupsSource = 'token' | 'groups_api' | 'graph';

export type IdentityGroups =
  | { readonly ok: true; readonly identity: IdentityClaims; readonly sources: readonly GroupsSource[] }
  | { readonly ok: false; readonly source: GroupsSource; readonly failure: GroupsFailure };

const unique = (values: readonly string[]) => [...new Set(values)];

export async function identityGroups(provider: OidcProviderConfig, identity: IdentityClaims, accessToken: string | undefined): Promise<IdentityGroups> {
  // The token's own lists are held to the fetched groups' limit: a failure, not a cut (a
  // group left out could be the one whose mapping wins).
  if (identity.groups.length > groupLimits.maxGroups || identity.organisations.length > groupLimits.maxGroups) {
    return { ok: false, source: 'token', failure: 'too_many' };
  }
  const timeoutMs = provider.groupsTimeoutMs ?? groupLimits.timeoutMs;
  const fetches: Array<{ source: 'groups_api' | 'graph'; run: (token: string) => ReturnType<typeof feideGroups> }> = [];
  if (provider.groupsUrl) fetches.push({ source: 'groups_api', run: (token) => feideGroups(provider.groupsUrl!, token, timeoutMs) });
  if (identity.groupsOverage) fetches.push({ source: 'graph', run: (token) => graphMemberGroups(provider.graphUrl ?? defaultGraphUrl, token, timeoutMs) });
  let groups = [...identity.groups];
  let organisations = [...identity.organisations];
  for (const { source, run } of fetches) {
    if (!accessToken) return { ok: false, source, failure: 'no_access_token' };
    const fetched = await run(accessToken);
    if ('failure' in fetched) return { ok: false, source, failure: fetched.failure };
    groups = unique([...groups, ...fetched.groups]);
    organisations = unique([...organisations, ...fetched.organisations]);
  }
  return { ok: true, identity: { ...identity, groups, organisations }, sources: ['token', ...fetches.map((f) => f.source)] };
}
