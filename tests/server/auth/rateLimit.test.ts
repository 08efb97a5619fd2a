/**
 * Failed sign-ins are limited per IP address and per username (5 per 15 minutes): the 6th
 * is 429, even with the right password, and audited. Successful sign-ins do not count.
 * The proxy-trusting app lets a test speak from several addresses via X-Forwarded-For; each
 * test uses addresses and accounts of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthSampleApp, type SampleApp } from '../../helpers/sampleApp.ts';
import { AuthClient } from './authClient.ts';

let app: SampleApp;
beforeAll(async () => {
  app = await startAuthSampleApp({ trustProxy: 'loopback' });
});
afterAll(() => app.close());

const passwordOf = (username: string) => app.users.find((u) => u.username === username)!.password;

function attempt(username: string, password: string, from = '203.0.113.10'): Promise<Response> {
  const client = new AuthClient(app.url);
  return client.visit().then(() =>
    client.request('POST', '/api/session', { body: { username, password }, headers: { 'x-forwarded-for': from } }),
  );
}

async function auditRows(action: string, ip: string): Promise<Array<Record<string, unknown>>> {
  const reader = await app.db.connection.runAndReadAll(
    `SELECT username, target, ip, details FROM audit_log WHERE action = $a AND ip = $ip ORDER BY audit_id`,
    { a: action, ip },
  );
  return reader.getRowObjectsJson() as Array<Record<string, unknown>>;
}

describe('sign-in rate limit', () => {
  it('five bad passwords are 401, the sixth attempt is 429 even with the right password, and it is audited', async () => {
    for (let i = 1; i <= 5; i++) expect((await attempt('admin', `wrong-${i}-password`)).status, `attempt ${i}`).toBe(401);
    const sixth = await attempt('admin', passwordOf('admin'));
    expect(sixth.status).toBe(429);
    expect(await sixth.json()).toEqual({ error: 'too_many_attempts' });
    const limited = await auditRows('rate_limited', '203.0.113.10');
    expect(limited.length).toBeGreaterThanOrEqual(1);
    expect(limited[0]).toMatchObject({ username: 'admin', target: 'admin', ip: '203.0.113.10' });
    expect(await auditRows('sign_in_failed', '203.0.113.10')).toHaveLength(5);
  });

  it('limits one username tried from many addresses', async () => {
    for (let i = 1; i <= 5; i++) expect((await attempt('kommune', 'not-the-password', `198.51.100.${i}`)).status).toBe(401);
    expect((await attempt('kommune', passwordOf('kommune'), '198.51.100.77')).status).toBe(429);
    // Another account from a fresh address is not affected.
    expect((await attempt('ppt', passwordOf('ppt'), '198.51.100.78')).status).toBe(200);
  });

  it('limits one address trying many usernames', async () => {
    for (let i = 1; i <= 5; i++) expect((await attempt(`guess-${i}`, 'not-the-password', '192.0.2.9')).status).toBe(401);
    expect((await attempt('rektor', passwordOf('rektor'), '192.0.2.9')).status).toBe(429);
    expect((await attempt('rektor', passwordOf('rektor'), '192.0.2.10')).status).toBe(200);
  });

  it('successful sign-ins do not count towards the limit', async () => {
    for (let i = 1; i <= 8; i++) expect((await attempt('ppt', passwordOf('ppt'), '203.0.113.20')).status, `sign-in ${i}`).toBe(200);
  });

  it('never logs a username that is not an account (it may be a mistyped password)', async () => {
    await attempt('Hemmelig-Passord-1', 'x', '203.0.113.30');
    const failed = await auditRows('sign_in_failed', '203.0.113.30');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.username).toBeNull();
    expect(JSON.stringify(failed)).not.toMatch(/hemmelig/i);
  });
});
