/**
 * A hand-rolled OpenID provider for the refusal tests that a well-behaved provider cannot
 * produce: it serves discovery, its keys and a token endpoint, and answers every
 * authorization request at once with a code; the ID token it then issues is built from the
 * `forge` the test set (wrong issuer or audience, expired, another nonce, signed with a key
 * not in its JWKS). With no forge set the token is correct, which the tests use as a control
 * (so a refusal is known to come from the forged part). It checks the PKCE verifier, so a
 * correct client gets through.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';

export interface Forge {
  readonly iss?: string;
  readonly aud?: string;
  /** Seconds from now (negative: in the past). */
  readonly expIn?: number;
  readonly nonce?: string;
  readonly otherKey?: boolean;
}

export interface ForgingProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  forge: Forge;
  /** The subject of the next token. */
  subject: string;
  /** Claims added to the next token. */
  extraClaims: Record<string, unknown>;
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startForgingProvider(): Promise<ForgingProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://localhost:${port}`;
  const good = await generateKeyPair('RS256', { extractable: true });
  const other = await generateKeyPair('RS256', { extractable: true });
  const publicJwk = { ...(await exportJWK(good.publicKey)), alg: 'RS256', use: 'sig', kid: 'k1' };
  const codes = new Map<string, { nonce: string; challenge: string; redirectUri: string }>();
  const p: ForgingProvider = {
    issuer,
    clientId: 'ressursteam-tall',
    clientSecret: 'forging-provider-secret',
    forge: {},
    subject: 'forged-user',
    extraClaims: {},
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const json = (res: import('node:http').ServerResponse, status: number, value: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(value));
  };
  server.on('request', (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', issuer);
      if (url.pathname === '/.well-known/openid-configuration') {
        return json(res, 200, {
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
          token_endpoint_auth_methods_supported: ['client_secret_post'],
        });
      }
      if (url.pathname === '/jwks') return json(res, 200, { keys: [publicJwk] });
      if (url.pathname === '/authorize') {
        const q = url.searchParams;
        const code = `code-${codes.size + 1}-${Date.now()}`;
        codes.set(code, { nonce: q.get('nonce') ?? '', challenge: q.get('code_challenge') ?? '', redirectUri: q.get('redirect_uri') ?? '' });
        const back = new URL(q.get('redirect_uri')!);
        back.searchParams.set('code', code);
        back.searchParams.set('state', q.get('state') ?? '');
        res.writeHead(302, { location: back.href });
        return res.end();
      }
      if (url.pathname === '/token' && req.method === 'POST') {
        const form = await body(req);
        const grant = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        const challenge = createHash('sha256').update(verifier).digest('base64url');
        if (!grant || grant.challenge !== challenge || form.get('client_secret') !== p.clientSecret || grant.redirectUri !== form.get('redirect_uri')) {
          return json(res, 400, { error: 'invalid_grant' });
        }
        const f = p.forge;
        const now = Math.floor(Date.now() / 1000);
        const key: CryptoKey = f.otherKey ? other.privateKey : good.privateKey;
        const idToken = await new SignJWT({ nonce: f.nonce ?? grant.nonce, ...p.extraClaims })
          .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
          .setIssuer(f.iss ?? issuer)
          .setAudience(f.aud ?? p.clientId)
          .setSubject(p.subject)
          .setIssuedAt(now - 5)
          .setExpirationTime(now + (f.expIn ?? 300))
          .sign(key);
        return json(res, 200, { access_token: 'at', token_type: 'Bearer', expires_in: 300, id_token: idToken });
      }
      res.writeHead(404);
      res.end();
    })().catch(() => {
      res.writeHead(500);
      res.end();
    });
  });
  return p;
}
