/**
 * The limits of the group sources (server/auth/oidc/feideGroups.ts, graphMemberGroups.ts,
 * identityGroups.ts) against a plain HTTP server on localhost that answers what the test
 * sets: the paths the sign-in tests (oidcGroups.test.ts) do not reach.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feideGroups } from '../../../../server/auth/oidc/feideGroups.ts';
import { graphMemberGroups } from '../../../../server/auth/oidc/graphMemberGroups.ts';
import { identityClaims } from '../../../../server/auth/oidc/identityClaims.ts';
import { identityGroups } from '../../../../server/auth/oidc/identityGroups.ts';
import type { OidcProviderConfig } from '../../../../server/auth/oidc/oidcProviderConfig.ts';

let base: string;
let answer: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
const seen: Array<{ path: string; auth: string | undefined }> = [];
const server = createServer((req, res) => {
  seen.push({ path: req.url ?? '', auth: req.headers.authorization });
  answer(req, res);
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const json = (body: unknown) => (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

describe('Microsoft Graph', () => {
  it('an endless chain of next pages stops after 20', async () => {
    seen.length = 0;
    answer = (req, res) => json({ value: ['g'], '@odata.nextLink': `${base}/v1.0/me/getMemberObjects?$skiptoken=${seen.length}` })(req, res);
    expect(await graphMemberGroups(base, 'tok', 2000)).toEqual({ failure: 'too_many_pages' });
    expect(seen.length).toBe(20);
    expect(seen.every((s) => s.auth === 'Bearer tok')).toBe(true);
  });

  it('more than 10,000 groups is a failure, not a shortened list', async () => {
    answer = json({ value: Array.from({ length: 10_001 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`) });
    expect(await graphMemberGroups(base, 'tok', 2000)).toEqual({ failure: 'too_many' });
    answer = json({ value: Array.from({ length: 10_000 }, (_, i) => `id-${i}`) });
    const ok = await graphMemberGroups(base, 'tok', 2000);
    expect('groups' in ok && ok.groups.length).toBe(10_000);
  });

  it('a body that is not JSON', async () => {
    answer = (_req, res) => res.end('<html>Service unavailable</html>');
    expect(await graphMemberGroups(base, 'tok', 2000)).toEqual({ failure: 'not_json' });
  });

  it('a redirect is not followed (the token would go with it)', async () => {
    seen.length = 0;
    answer = (req, res) => {
      if (req.url?.startsWith('/elsewhere')) return json({ value: ['g'] })(req, res);
      res.writeHead(307, { location: `${base}/elsewhere` });
      res.end();
    };
    expect(await graphMemberGroups(base, 'tok', 2000)).toEqual({ failure: 'http_307' });
    expect(seen.map((s) => s.path)).toEqual(['/v1.0/me/getMemberObjects']);
  });

  it('a base URL with a path keeps it (a national cloud behind a prefix)', async () => {
    seen.length = 0;
    answer = json({ value: ['a', 'b'] });
    expect(await graphMemberGroups(`${base}/prefix`, 'tok', 2000)).toEqual({ groups: ['a', 'b'], organisations: [] });
    expect(seen[0]!.path).toBe('/prefix/v1.0/me/getMemberObjects');
  });
});

describe('Feide’s Groups API', () => {
  it('fc:org groups are organisations, the rest groups; an id too long to be mapped is left out', async () => {
    answer = json([
      { id: 'fc:org:fjordvik.kommune.no', type: 'fc:org', displayName: 'Fjordvik' },
      { id: 'fc:gogroup:fjordvik.kommune.no:b:NO990010014:5a', type: 'fc:gogroup', displayName: '5A', membership: { basic: 'member' } },
      { id: `fc:adhoc:${'x'.repeat(300)}`, type: 'voot:ad-hoc' },
    ]);
    expect(await feideGroups(`${base}/groups/me/groups`, 'tok', 2000)).toEqual({
      groups: ['fc:gogroup:fjordvik.kommune.no:b:NO990010014:5a'],
      organisations: ['fc:org:fjordvik.kommune.no'],
    });
  });

  it('a group without an id makes the whole answer invalid', async () => {
    answer = json([{ type: 'fc:org' }]);
    expect(await feideGroups(`${base}/groups/me/groups`, 'tok', 2000)).toEqual({ failure: 'invalid' });
  });
});

describe('identityGroups', () => {
  const provider: OidcProviderConfig = {
    id: 'feide', label: 'Feide', issuer: 'http://localhost:1', clientId: 'c', clientSecret: 's', redirectUrl: 'http://localhost:2/auth/oidc/feide/callback',
    scopes: 'openid', claimId: 'sub', groupsUrl: '', groupsTimeoutMs: 2000,
  };
  const identity = { subject: 's', organisations: ['from-token'], groups: ['g-token'], groupsOverage: false };

  it('no access token: a failure, nothing asked', async () => {
    seen.length = 0;
    expect(await identityGroups({ ...provider, groupsUrl: `${base}/groups/me/groups` }, identity, undefined)).toEqual({ ok: false, source: 'groups_api', failure: 'no_access_token' });
    expect(seen).toEqual([]);
  });

  it('the fetched groups are added to the token’s, once each', async () => {
    answer = json([{ id: 'g-token', type: 'fc:gogroup' }, { id: 'g-api', type: 'fc:gogroup' }, { id: 'fc:org:x', type: 'fc:org' }]);
    expect(await identityGroups({ ...provider, groupsUrl: `${base}/groups/me/groups` }, identity, 'tok')).toEqual({
      ok: true,
      identity: { ...identity, groups: ['g-token', 'g-api'], organisations: ['from-token', 'fc:org:x'] },
      sources: ['token', 'groups_api'],
    });
  });

  it('a token with more than 10,000 groups is a failure, not a shortened list; 10,000 are all kept', async () => {
    seen.length = 0;
    const many = (n: number) => Array.from({ length: n }, (_, i) => `g-${i}`);
    const over = { ...identity, groups: many(10_001) };
    expect(await identityGroups({ ...provider, groupsUrl: `${base}/groups/me/groups` }, over, 'tok')).toEqual({ ok: false, source: 'token', failure: 'too_many' });
    expect(seen).toEqual([]);
    const atLimit = identityClaims({ ...provider, claimGroups: 'groups' }, { sub: 's', groups: many(10_000) })!;
    // The mapping that wins may be the last group named: none is dropped.
    expect(atLimit.groups).toHaveLength(10_000);
    expect(atLimit.groups.at(-1)).toBe('g-9999');
    expect(await identityGroups({ ...provider, groupsUrl: undefined }, atLimit, 'tok')).toMatchObject({ ok: true, sources: ['token'] });
  });

  it('without a groups URL and without the overage nothing is asked', async () => {
    seen.length = 0;
    expect(await identityGroups({ ...provider, groupsUrl: undefined }, identity, 'tok')).toEqual({ ok: true, identity, sources: ['token'] });
    expect(seen).toEqual([]);
  });
});
