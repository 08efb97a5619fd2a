/**
 * The user's groups from Microsoft Graph, for an Entra ID token with the groups "overage"
 * (past 200 groups the token names a claim source, `_claim_names.groups`, instead of the
 * groups): `POST {graph}/v1.0/me/getMemberObjects {"securityEnabledOnly": false}` with the
 * access token, which answers the ids of every group (and directory role) the user is a
 * member of, transitively. Pages are followed through `@odata.nextLink` (a GET, as Graph
 * pages), but only on the configured Graph origin: the token goes nowhere else. The
 * endpoint the token's `_claim_sources` names is not used for the same reason (it is the
 * retired graph.windows.net, and a configured URL is what tests can point at localhost).
 */
import * as z from 'zod';
import { fetchBearerJson, type GroupsFailure } from './fetchBearerJson.ts';
import { groupLimits, type FetchedGroups } from './groupLimits.ts';

const MemberObjects = z.looseObject({
  value: z.array(z.string().min(1).max(groupLimits.maxIdLength)),
  '@odata.nextLink': z.url().optional(),
});

export const defaultGraphUrl = 'https://graph.microsoft.com';

export async function graphMemberGroups(graphUrl: string, accessToken: string, timeoutMs: number): Promise<FetchedGroups | { failure: GroupsFailure }> {
  const base = new URL(graphUrl.endsWith('/') ? graphUrl : `${graphUrl}/`);
  let url: URL | null = new URL('v1.0/me/getMemberObjects', base);
  let body: unknown = { securityEnabledOnly: false };
  const groups: string[] = [];
  for (let page = 0; url; page++) {
    if (page >= groupLimits.maxPages) return { failure: 'too_many_pages' };
    const answer = await fetchBearerJson({ url, accessToken, timeoutMs, maxBytes: groupLimits.maxBytes, body });
    if (!answer.ok) return { failure: answer.failure };
    const parsed = MemberObjects.safeParse(answer.json);
    if (!parsed.success) return { failure: 'invalid' };
    groups.push(...parsed.data.value);
    if (groups.length > groupLimits.maxGroups) return { failure: 'too_many' };
    const next = parsed.data['@odata.nextLink'];
    url = next === undefined ? null : new URL(next);
    if (url && url.origin !== base.origin) return { failure: 'invalid' };
    body = undefined;
  }
  return { groups, organisations: [] };
}
