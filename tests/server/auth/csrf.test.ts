/**
 * CSRF protection on every state-changing request, sign-in included: the X-CSRF-Token
 * header must match the rt_csrf cookie (and, signed in, the session's own token), and a
 * cross-site Origin or Sec-Fetch-Site is refused. Refusals are 403 and audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthSampleApp, type SampleApp } from '../../helpers/sampleApp.ts';
import { AuthClient, signedIn } from './authClient.ts';

let app: SampleApp;
beforeAll(async () => {
  app = await startAuthSampleApp({ loginAttempts: 1000 });
});
afterAll(() => app.close());

const admin = () => app.users.find((u) => u.role === 'admin')!;
const exportBody = { format: 'csv', view: '/api/figures?from=2024-08-01&to=2025-07-31', rows: 3 };

async function csrfRejections(): Promise<number> {
  const reader = await app.db.connection.runAndReadAll(`SELECT count(*)::INTEGER FROM audit_log WHERE action = 'csrf_rejected'`);
  return Number(reader.getRows()[0]![0]);
}

describe('sign-in (login CSRF)', () => {
  it('POST /api/session without the X-CSRF-Token header is 403 and signs no one in', async () => {
    const client = new AuthClient(app.url);
    await client.visit();
    const before = await csrfRejections();
    const res = await client.request('POST', '/api/session', { body: { username: 'admin', password: admin().password }, noCsrfHeader: true });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toBe('csrf_failed');
    expect(client.cookies.has('rt_session')).toBe(false);
    expect(await csrfRejections()).toBe(before + 1);
  });

  it('POST /api/session with no CSRF cookie at all is 403', async () => {
    const res = await fetch(`${app.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': 'A'.repeat(43) },
      body: JSON.stringify({ username: 'admin', password: admin().password }),
    });
    expect(res.status).toBe(403);
  });

  it('a header that does not match the cookie is 403', async () => {
    const client = new AuthClient(app.url);
    await client.visit();
    const res = await client.request('POST', '/api/session', {
      body: { username: 'admin', password: admin().password },
      headers: { 'x-csrf-token': 'B'.repeat(43) },
      noCsrfHeader: true,
    });
    expect(res.status).toBe(403);
  });

  it.each([
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site' }],
    ['Origin of another site', { origin: 'https://evil.example' }],
    ['Origin null', { origin: 'null' }],
  ])('a request with %s is 403 even with the right token', async (_label, headers) => {
    const client = new AuthClient(app.url);
    await client.visit();
    const res = await client.request('POST', '/api/session', { body: { username: 'admin', password: admin().password }, headers });
    expect(res.status).toBe(403);
  });

  it('a same-origin request (Origin and Sec-Fetch-Site as a browser sends them) signs in', async () => {
    const client = new AuthClient(app.url);
    await client.visit();
    const res = await client.request('POST', '/api/session', {
      body: { username: 'admin', password: admin().password },
      headers: { origin: app.url, 'sec-fetch-site': 'same-origin' },
    });
    expect(res.status).toBe(200);
  });
});

describe('signed in', () => {
  it('DELETE /api/session without the token is 403 and the session lives on', async () => {
    const client = await signedIn(app, 'admin');
    expect((await client.request('DELETE', '/api/session', { noCsrfHeader: true })).status).toBe(403);
    expect((await client.get('/api/session')).status).toBe(200);
  });

  it('POST /api/audit/export without the token is 403; with it, 204', async () => {
    const client = await signedIn(app, 'municipality');
    expect((await client.request('POST', '/api/audit/export', { body: exportBody, noCsrfHeader: true })).status).toBe(403);
    expect((await client.request('POST', '/api/audit/export', { body: exportBody })).status).toBe(204);
  });

  it('a matching cookie and header that are not the session’s own token are 403 (a planted cookie is not enough)', async () => {
    const client = await signedIn(app, 'admin');
    const planted = 'C'.repeat(43);
    client.cookies.set('rt_csrf', planted);
    const res = await client.request('POST', '/api/audit/export', { body: exportBody });
    expect(res.status).toBe(403);
    expect((await res.json()).details).toEqual({ reason: 'not_session_token' });
  });

  it('the pre-sign-in token stops working once signed in', async () => {
    const client = new AuthClient(app.url);
    await client.visit();
    const before = client.cookies.get('rt_csrf')!;
    await client.signIn('admin', admin().password);
    client.cookies.set('rt_csrf', before);
    expect((await client.request('DELETE', '/api/session')).status).toBe(403);
  });

  it.each(['PUT', 'PATCH', 'POST'])('%s to any path without the token is 403 before anything else', async (method) => {
    const client = await signedIn(app, 'admin');
    expect((await client.request(method, '/api/figures', { noCsrfHeader: true, body: {} })).status).toBe(403);
  });

  it('GET requests need no token', async () => {
    const client = await signedIn(app, 'admin');
    client.cookies.delete('rt_csrf');
    expect((await client.get('/api/session')).status).toBe(200);
  });
});
