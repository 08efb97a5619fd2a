/**
 * The user's groups from Feide's Groups API (`GET https://groups-api.feide.no/groups/me/groups`
 * with the access token; Feide puts no groups in the ID token). The answer is a list of group
 * objects; only `id` and `type` are read (`displayName`, membership details and the rest are
 * names and roles of people and places, not needed to find a mapping). Groups of type
 * `fc:org` (`fc:org:fjordvik.kommune.no`) are the user's organisations; every other group
 * (`fc:gogroup:…`, `fc:grep:…`, `fc:orgunit:…`, ad hoc groups) is a group.
 */
import * as z from 'zod';
import { fetchBearerJson, type GroupsFailure } from './fetchBearerJson.ts';
import { groupLimits, type FetchedGroups } from './groupLimits.ts';

const FeideGroup = z.looseObject({ id: z.string().min(1), type: z.string().optional() });
const FeideGroups = z.array(FeideGroup);

export async function feideGroups(url: string, accessToken: string, timeoutMs: number): Promise<FetchedGroups | { failure: GroupsFailure }> {
  const answer = await fetchBearerJson({ url: new URL(url), accessToken, timeoutMs, maxBytes: groupLimits.maxBytes });
  if (!answer.ok) return { failure: answer.failure };
  const parsed = FeideGroups.safeParse(answer.json);
  if (!parsed.success) return { failure: 'invalid' };
  if (parsed.data.length > groupLimits.maxGroups) return { failure: 'too_many' };
  // An id longer than any mapping value can match nothing; leaving it out changes no answer.
  const usable = parsed.data.filter((g) => g.id.length <= groupLimits.maxIdLength);
  return {
    groups: usable.filter((g) => g.type !== 'fc:org').map((g) => g.id),
    organisations: usable.filter((g) => g.type === 'fc:org').map((g) => g.id),
  };
}
