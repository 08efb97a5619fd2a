/**
 * A stand-in for Feide's Groups API and Microsoft Graph, on localhost: real HTTP, and every
 * bearer token checked at the test provider's introspection endpoint, so an answer with
 * groups proves the product sent the access token oidc-provider issued to it (an unknown,
 * expired or missing token gets 401, as the real APIs answer).
 *
 *   GET  /groups/me/groups                 Feide: a JSON list of group objects
 *   POST /v1.0/me/getMemberObjects         Graph: `{value: [ids]}`, `pageSize` ids a page, with
 *   GET  /v1.0/me/getMemberObjects?$skiptoken=n   `@odata.nextLink` to the next page
 *
 * `mode` makes it fail the ways a real one can: 401, a body that is not what the API
 * answers, one that is too large, no answer at all, a next page on another origin.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OidcTestProvider } from './oidcTestProvider.ts';

export type GroupsServerMode = 'ok' | 'unauthorized' | 'garbage' | 'huge' | 'hang' | 'foreign_next';

export interface FeideGroupObject {
  readonly id: string;
  readonly type: string;
  readonly displayName: string;
}

export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  /** The subject the introspected token belongs to, or null when it was not active. */
  readonly sub: string | null;
  readonly body: string;
}

export interface GroupsTestServer {
  readonly url: string;
  mode: GroupsServerMode;
  readonly seen: SeenRequest[];
  close(): Promise<void>;
}

export interface GroupsTestServerOptions {
  readonly idp: OidcTestProvider;
  /** Feide groups of each subject. */
  readonly feide: Readonly<Record<string, readonly FeideGroupObject[]>>;
  /** Graph group ids of each subject. */
  readonly graph: Readonly<Record<string, readonly string[]>>;
  readonly pageSize: number;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The token's subject if the provider says it is an active access token, else null. */
async function introspect(idp: OidcTestProvider, token: string): Promise<string | null> {
  const res = await fetch(idp.introspection.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token, token_type_hint: 'access_token', client_id: idp.introspection.clientId, client_secret: idp.introspection.clientSecret }),
  });
  const answer = (await res.json()) as { active?: boolean; sub?: string; token_type?: string };
  return answer.active === true && answer.token_type === 'Bearer' && typeof answer.sub === 'string' ? answer.sub : null;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export async function startGroupsTestServer(options: GroupsTestServerOptions): Promise<GroupsTestServer> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const result: GroupsTestServer = {
    url,
    mode: 'ok',
    seen: [],
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const target = new URL(req.url ?? '/', url);
    const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    const sub = bearer ? await introspect(options.idp, bearer) : null;
    result.seen.push({ method: req.method ?? '', path: target.pathname, sub, body });
    if (result.mode === 'hang') return; // never answers; the product's deadline must end it
    if (!sub || result.mode === 'unauthorized') return json(res, 401, { error: { code: 'InvalidAuthenticationToken' } });
    if (result.mode === 'huge') return json(res, 200, { value: Array.from({ length: 40_000 }, (_, i) => `group-${i}-${'x'.repeat(20)}`) });
    if (target.pathname === '/groups/me/groups' && req.method === 'GET') {
      if (result.mode === 'garbage') return json(res, 200, { groups: 'not a list' });
      return json(res, 200, options.feide[sub] ?? []);
    }
    if (target.pathname === '/v1.0/me/getMemberObjects') {
      if (result.mode === 'garbage') return json(res, 200, { value: 'not a list' });
      const first = req.method === 'POST';
      if (first && JSON.stringify(JSON.parse(body || 'null')) !== JSON.stringify({ securityEnabledOnly: false })) return json(res, 400, { error: { code: 'BadRequest' } });
      if (!first && req.method !== 'GET') return json(res, 405, {});
      const skip = first ? 0 : Number(target.searchParams.get('$skiptoken'));
      const all = options.graph[sub] ?? [];
      const page = all.slice(skip, skip + options.pageSize);
      const nextOrigin = result.mode === 'foreign_next' ? 'http://localhost:1' : url;
      const next = skip + options.pageSize < all.length ? `${nextOrigin}/v1.0/me/getMemberObjects?$skiptoken=${skip + options.pageSize}` : undefined;
      return json(res, 200, { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(Edm.String)', value: page, ...(next ? { '@odata.nextLink': next } : {}) });
    }
    json(res, 404, {});
  };
  server.on('request', (req, res) => {
    handle(req, res).catch(() => json(res, 500, {}));
  });
  return result;
}
