/**
 * An anonymous flood cannot write one audit row per request: per address and action at most
 * 3 rows per minute here (anonymousAuditLimit), the rest summed up in one entry once the
 * window has passed. Signed-in users' entries are all written. The app's clock is injected;
 * addresses come from X-Forwarded-For through a trusted loopback proxy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthSampleApp, type SampleApp } from '../../helpers/sampleApp.ts';
import { AuthClient, signedIn } from './authClient.ts';

let app: SampleApp;
let clock = new Date('2026-11-23T10:00:00Z');
const minute = 60_000;

beforeAll(async () => {
  app = await startAuthSampleApp({ now: () => clock, trustProxy: 'loopback', loginAttempts: 1000, anonymousAuditLimit: 3, anonymousAuditWindowMs: minute });
});
afterAll(() => app.close());

async function rows(action: string, ip: string): Promise<Array<{ username: string | null; target: string | null; details: unknown }>> {
  const reader = await app.db.connection.runAndReadAll(
    `SELECT username, target, details FROM audit_log WHERE action = $a AND ip = $ip ORDER BY audit_id`,
    { a: action, ip },
  );
  return (reader.getRowObjectsJson() as Array<{ username: string | null; target: string | null; details: string | null }>).map((r) => ({
    ...r,
    details: r.details === null ? null : JSON.parse(r.details),
  }));
}

/** A POST without the CSRF header from `ip`: 403 csrf_failed. */
async function csrfProbe(ip: string, client = new AuthClient(app.url)): Promise<number> {
  const res = await client.request('POST', '/api/session', { body: { username: 'x', password: 'y' }, noCsrfHeader: true, headers: { 'x-forwarded-for': ip } });
  await res.arrayBuffer();
  return res.status;
}

async function failedSignIn(ip: string): Promise<number> {
  const client = new AuthClient(app.url);
  await client.visit();
  const res = await client.request('POST', '/api/session', { body: { username: 'admin', password: 'not-the-password' }, headers: { 'x-forwarded-for': ip } });
  await res.arrayBuffer();
  return res.status;
}

describe('audit entries of requests without a session', () => {
  it('a CSRF flood from one address writes 3 rows a minute, then one summary of the rest', async () => {
    for (let i = 0; i < 10; i++) expect(await csrfProbe('203.0.113.40')).toBe(403);
    expect(await rows('csrf_rejected', '203.0.113.40')).toHaveLength(3);
    // Another address has its own allowance.
    for (let i = 0; i < 4; i++) expect(await csrfProbe('203.0.113.41')).toBe(403);
    expect(await rows('csrf_rejected', '203.0.113.41')).toHaveLength(3);

    clock = new Date(clock.getTime() + minute + 1000);
    expect(await csrfProbe('203.0.113.40')).toBe(403);
    const after = await rows('csrf_rejected', '203.0.113.40');
    expect(after).toHaveLength(5);
    expect(after[3]).toEqual({
      username: null,
      target: null,
      details: { more_in_window: 7, window_from: '2026-11-23T10:00:00.000Z', window_to: '2026-11-23T10:01:00.000Z' },
    });
    expect(after[4]!.details).toEqual({ reason: 'missing_token', method: 'POST' });
    // The other address's window is summed up by the same request (1 more).
    expect((await rows('csrf_rejected', '203.0.113.41'))[3]!.details).toMatchObject({ more_in_window: 1 });
  });

  it('failed sign-ins are throttled per address the same way', async () => {
    for (let i = 0; i < 6; i++) expect(await failedSignIn('198.51.100.40')).toBe(401);
    expect(await rows('sign_in_failed', '198.51.100.40')).toHaveLength(3);
  });

  it('a window without anything left out leaves no summary', async () => {
    expect(await failedSignIn('198.51.100.41')).toBe(401);
    clock = new Date(clock.getTime() + 2 * minute);
    expect(await failedSignIn('198.51.100.41')).toBe(401);
    expect((await rows('sign_in_failed', '198.51.100.41')).map((r) => r.details)).toEqual([{ reason: 'wrong_password' }, { reason: 'wrong_password' }]);
  });

  it('entries of signed-in users are all written', async () => {
    const admin = await signedIn(app, 'admin');
    for (let i = 0; i < 6; i++) {
      const res = await admin.request('POST', '/api/audit/export', { body: { format: 'csv', view: '/x' }, headers: { 'x-forwarded-for': '192.0.2.60' } });
      expect(res.status).toBe(204);
    }
    expect(await rows('export', '192.0.2.60')).toHaveLength(6);
    // A signed-in user's CSRF mistakes are written too.
    for (let i = 0; i < 5; i++) expect(await csrfProbe('192.0.2.60', admin)).toBe(403);
    expect(await rows('csrf_rejected', '192.0.2.60')).toHaveLength(5);
  });
});
