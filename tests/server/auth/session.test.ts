/**
 * Sign-in, the session cookie and its attributes, who-am-I, sign-out, expiry, and tokens
 * that are malformed or tampered with, against the real app with the demo users.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disableUser } from '../../../etl/accounts/userStore.ts';
import { startAuthSampleApp, type SampleApp } from '../../helpers/sampleApp.ts';
import { AuthClient, signedIn } from './authClient.ts';

let clock = new Date('2026-11-23T09:00:00Z');
let app: SampleApp;
beforeAll(async () => {
  // Many failed sign-ins here on purpose; the rate limit has its own tests.
  app = await startAuthSampleApp({ now: () => clock, idleTimeoutMs: 30 * 60_000, absoluteTimeoutMs: 8 * 3600_000, loginAttempts: 1000 });
});
afterAll(() => app.close());

const password = (role: string) => app.users.find((u) => u.role === role)!.password;

/** The attributes of one Set-Cookie line, lower-cased names. */
function cookieAttributes(res: Response, name: string): Map<string, string> | null {
  const line = res.headers.getSetCookie().find((l) => l.startsWith(`${name}=`));
  if (!line) return null;
  return new Map(line.split(';').slice(1).map((part) => {
    const [k, ...v] = part.trim().split('=');
    return [k!.toLowerCase(), v.join('=')] as [string, string];
  }));
}

describe('POST /api/session', () => {
  it('signs in and sets an HttpOnly, SameSite=Strict session cookie for the whole site (not Secure over plain HTTP)', async () => {
    const client = new AuthClient(app.url);
    const res = await client.signIn('admin', password('admin'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ username: 'admin', role: 'admin', municipality: null, school_id: null, school_name: null });
    const session = cookieAttributes(res, 'rt_session')!;
    expect(session.has('httponly')).toBe(true);
    expect(session.get('samesite')).toBe('Strict');
    expect(session.get('path')).toBe('/');
    expect(session.has('secure')).toBe(false);
    expect(client.cookies.get('rt_session')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('hands out a new CSRF token with the session, readable by the page (not HttpOnly), SameSite=Strict', async () => {
    const client = new AuthClient(app.url);
    await client.visit();
    const before = client.cookies.get('rt_csrf');
    const res = await client.signIn('admin', password('admin'));
    const csrf = cookieAttributes(res, 'rt_csrf')!;
    expect(csrf.has('httponly')).toBe(false);
    expect(csrf.get('samesite')).toBe('Strict');
    expect(client.cookies.get('rt_csrf')).not.toBe(before);
  });

  it.each([
    ['a wrong password', 'admin', 'not-the-password'],
    ['an unknown user', 'nobody', 'whatever-password'],
    ['an empty password', 'admin', ''],
  ])('refuses %s with the same 401 and sets no session', async (_label, username, pw) => {
    const client = new AuthClient(app.url);
    const res = await client.signIn(username, pw);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'invalid_credentials' });
    expect(client.cookies.has('rt_session')).toBe(false);
  });

  it.each([
    ['not JSON', 'username=admin&password=x', 'application/x-www-form-urlencoded'],
    ['broken JSON', '{"username":', 'application/json'],
    ['an extra field', JSON.stringify({ username: 'admin', password: 'x', role: 'admin' }), 'application/json'],
    ['a number for a name', JSON.stringify({ username: 1, password: 'x' }), 'application/json'],
  ])('refuses a body that is %s with 400', async (_label, body, type) => {
    const client = new AuthClient(app.url);
    await client.visit();
    const res = await client.request('POST', '/api/session', { body, headers: { 'content-type': type } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/json');
  });

  it('a disabled user cannot sign in, and loses the session they had', async () => {
    const client = await signedIn(app, 'ppt');
    expect((await client.get('/api/session')).status).toBe(200);
    // Written past the server (no route or admin socket tells it): a session it keeps
    // (server/auth/SessionCache.ts) is used for at most 2 s more. The routes and the admin
    // socket end it at once (usersAdmin.test.ts, adminSocket.test.ts).
    await disableUser(app.db.connection, 'ppt');
    const before = clock;
    clock = new Date(before.getTime() + 2_000);
    try {
      expect((await client.get('/api/session')).status).toBe(401);
      expect((await new AuthClient(app.url).signIn('ppt', password('ppt'))).status).toBe(401);
    } finally {
      clock = before;
    }
  });
});

describe('behind an HTTPS proxy', () => {
  it('marks both cookies Secure when a trusted proxy says X-Forwarded-Proto: https', async () => {
    const proxied = await startAuthSampleApp({ trustProxy: 'loopback' });
    try {
      const client = new AuthClient(proxied.url);
      const res = await client.request('GET', '/api/health', { headers: { 'x-forwarded-proto': 'https' } });
      expect(cookieAttributes(res, 'rt_csrf')!.has('secure')).toBe(true);
      const user = proxied.users.find((u) => u.role === 'admin')!;
      const signIn = await client.request('POST', '/api/session', {
        body: { username: user.username, password: user.password },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(signIn.status).toBe(200);
      expect(cookieAttributes(signIn, 'rt_session')!.has('secure')).toBe(true);
      expect(cookieAttributes(signIn, 'rt_session')!.has('httponly')).toBe(true);
    } finally {
      await proxied.close();
    }
  });

  it('ignores X-Forwarded-Proto when no proxy is trusted', async () => {
    const res = await new AuthClient(app.url).request('GET', '/api/health', { headers: { 'x-forwarded-proto': 'https' } });
    expect(cookieAttributes(res, 'rt_csrf')!.has('secure')).toBe(false);
  });
});

describe('GET and DELETE /api/session', () => {
  it('GET answers 401 without a session', async () => {
    const res = await new AuthClient(app.url).get('/api/session');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'not_signed_in' });
  });

  it('DELETE signs out: the session row is gone and the cookie no longer works', async () => {
    const client = await signedIn(app, 'municipality');
    const token = client.cookies.get('rt_session')!;
    const res = await client.request('DELETE', '/api/session');
    expect(res.status).toBe(204);
    expect(client.cookies.has('rt_session')).toBe(false);
    const replay = new AuthClient(app.url);
    replay.cookies.set('rt_session', token);
    expect((await replay.get('/api/session')).status).toBe(401);
  });

  it('a new sign-in replaces the session the browser had', async () => {
    const client = await signedIn(app, 'rector');
    const first = client.cookies.get('rt_session')!;
    await client.signIn('rektor', password('rector'));
    const stale = new AuthClient(app.url);
    stale.cookies.set('rt_session', first);
    expect((await stale.get('/api/session')).status).toBe(401);
    expect((await client.get('/api/session')).status).toBe(200);
  });
});

describe('expiry', () => {
  it('a session unused for longer than the idle timeout ends', async () => {
    clock = new Date('2026-11-23T09:00:00Z');
    const client = await signedIn(app, 'admin');
    clock = new Date('2026-11-23T09:29:00Z');
    expect((await client.get('/api/session')).status).toBe(200);
    clock = new Date('2026-11-23T09:58:00Z'); // 29 minutes after the last use: still alive
    expect((await client.get('/api/session')).status).toBe(200);
    clock = new Date('2026-11-23T10:29:00Z'); // 31 minutes idle
    expect((await client.get('/api/session')).status).toBe(401);
  });

  it('a session ends after the absolute lifetime, however busy', async () => {
    clock = new Date('2026-11-23T09:00:00Z');
    const client = await signedIn(app, 'admin');
    for (let minutes = 20; minutes < 8 * 60; minutes += 20) {
      clock = new Date(Date.parse('2026-11-23T09:00:00Z') + minutes * 60_000);
      expect((await client.get('/api/session')).status).toBe(200);
    }
    clock = new Date(Date.parse('2026-11-23T09:00:00Z') + (8 * 60 + 1) * 60_000);
    expect((await client.get('/api/session')).status).toBe(401);
    clock = new Date('2026-11-23T09:00:00Z');
  });
});

describe('malformed and tampered session cookies', () => {
  it.each([
    ['garbage', 'garbage'],
    ['a token with one character changed', null],
    ['a well-formed random token', 'A'.repeat(43)],
    ['an SQL fragment', encodeURIComponent("' OR 1=1 --")],
    ['a path', '../../etc/passwd'],
    ['a very long value', 'x'.repeat(6000)],
    ['an empty value', ''],
  ])('%s is not a session: 401 JSON, no stack trace', async (_label, value) => {
    if (value === null) {
      const real = await signedIn(app, 'admin');
      const token = real.cookies.get('rt_session')!;
      value = (token[0] === 'A' ? 'B' : 'A') + token.slice(1);
    }
    const res = await fetch(`${app.url}/api/session`, { headers: { cookie: `rt_session=${value}` } });
    expect(res.status).toBe(401);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: 'not_signed_in' });
    expect(text).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it.each([
    'rt_session',
    'rt_session=; rt_session=x',
    '=; ;;; =x',
    'rt_session="unterminated',
    'rt_session=%E0%A4%A',
  ])('a malformed Cookie header (%j) is 401, not an error', async (header) => {
    const res = await fetch(`${app.url}/api/meta`, { headers: { cookie: header } });
    expect(res.status).toBe(401);
  });

  it('stores only a hash of the session token', async () => {
    const client = await signedIn(app, 'admin');
    const token = client.cookies.get('rt_session')!;
    const rows = (await app.db.connection.runAndReadAll('SELECT token_hash FROM sessions')).getRows().map((r) => String(r[0]));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).not.toContain(token);
    expect(rows.every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
  });
});
