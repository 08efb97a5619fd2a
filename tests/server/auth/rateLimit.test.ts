/**
 * Failed sign-ins are limited per IP address (5 per 15 minutes): the 6th is 429, even with
 * the right password, and audited. Per username they are slowed, not locked: after 5
 * failures at a name, each attempt at it waits (here 3 s, doubling, at most 12 s) before the
 * password is checked, whether or not the account exists, and the right password from
 * another address still signs in. Successful sign-ins do not count. The proxy-trusting app
 * lets a test speak from several addresses via X-Forwarded-For; each test uses addresses and
 * accounts of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInDelayMs } from '../../../server/auth/signInSlowdown.ts';
import { startAuthSampleApp, type SampleApp } from '../../helpers/sampleApp.ts';
import { AuthClient } from './authClient.ts';

// Long enough that a sign-in without a wait (a password hash, a session write) stays well under it on a loaded machine.
const baseDelay = 3000;
let app: SampleApp;
beforeAll(async () => {
  app = await startAuthSampleApp({ trustProxy: 'loopback', loginDelayBaseMs: baseDelay, loginDelayMaxMs: 4 * baseDelay });
});
afterAll(() => app.close());

const passwordOf = (username: string) => app.users.find((u) => u.username === username)!.password;

async function attempt(username: string, password: string, from = '203.0.113.10'): Promise<Response> {
  const client = new AuthClient(app.url);
  await client.visit();
  return client.request('POST', '/api/session', { body: { username, password }, headers: { 'x-forwarded-for': from } });
}

/** One sign-in attempt from a fresh client; `ms` counts the POST only. */
async function timedAttempt(username: string, password: string, from: string): Promise<{ res: Response; body: string; ms: number }> {
  const client = new AuthClient(app.url);
  await client.visit();
  const started = performance.now();
  const res = await client.request('POST', '/api/session', { body: { username, password }, headers: { 'x-forwarded-for': from } });
  const body = await res.text();
  return { res, body, ms: performance.now() - started };
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

  it('slows, not locks, one username tried from many addresses: the right password still signs in after the wait', async () => {
    for (let i = 1; i <= 5; i++) expect((await attempt('kommune', 'not-the-password', `198.51.100.${i}`)).status).toBe(401);
    const sixth = await timedAttempt('kommune', 'still-not-it', '198.51.100.6');
    expect(sixth.res.status).toBe(401);
    expect(JSON.parse(sixth.body)).toEqual({ error: 'invalid_credentials' });
    expect(sixth.ms).toBeGreaterThanOrEqual(baseDelay);
    const seventh = await timedAttempt('kommune', passwordOf('kommune'), '198.51.100.77');
    expect(seventh.res.status).toBe(200);
    expect(seventh.ms).toBeGreaterThanOrEqual(2 * baseDelay);
    // The slowing is audited once per window and name, naming the account.
    const slowed = await auditRows('rate_limited', '198.51.100.6');
    expect(slowed).toHaveLength(1);
    expect(slowed[0]).toMatchObject({ username: 'kommune', target: 'kommune', details: '{"by":"username"}' });
    expect(await auditRows('rate_limited', '198.51.100.77')).toHaveLength(0);
    // Signing in cleared the count: the next attempt at the name does not wait.
    const after = await timedAttempt('kommune', passwordOf('kommune'), '198.51.100.78');
    expect(after.res.status).toBe(200);
    expect(after.ms).toBeLessThan(baseDelay);
    // Another account from a fresh address is not affected.
    expect((await attempt('ppt', passwordOf('ppt'), '198.51.100.79')).status).toBe(200);
  });

  it('one address cannot lock a named user out: it gets 429, the user from another address signs in', async () => {
    for (let i = 1; i <= 5; i++) expect((await attempt('rektor', `wrong-${i}`, '192.0.2.50')).status).toBe(401);
    expect((await attempt('rektor', passwordOf('rektor'), '192.0.2.50')).status).toBe(429);
    const own = await timedAttempt('rektor', passwordOf('rektor'), '192.0.2.51');
    expect(own.res.status).toBe(200);
    expect(own.ms).toBeGreaterThanOrEqual(baseDelay);
  });

  it('a name that is no account is slowed exactly the same way (the wait does not tell)', async () => {
    for (let i = 1; i <= 5; i++) expect((await attempt('ingen-slik-bruker', 'not-the-password', `198.51.100.${100 + i}`)).status).toBe(401);
    const sixth = await timedAttempt('ingen-slik-bruker', 'not-the-password', '198.51.100.106');
    expect(sixth.res.status).toBe(401);
    expect(JSON.parse(sixth.body)).toEqual({ error: 'invalid_credentials' });
    expect(sixth.ms).toBeGreaterThanOrEqual(baseDelay);
    // The slowing of a name that is no account is audited without the name.
    const slowed = await auditRows('rate_limited', '198.51.100.106');
    expect(slowed).toEqual([{ username: null, target: null, ip: '198.51.100.106', details: '{"by":"username"}' }]);
  });

  it('limits one address trying many usernames', async () => {
    for (let i = 1; i <= 5; i++) expect((await attempt(`guess-${i}`, 'not-the-password', '192.0.2.9')).status).toBe(401);
    expect((await attempt('ppt', passwordOf('ppt'), '192.0.2.9')).status).toBe(429);
    expect((await attempt('ppt', passwordOf('ppt'), '192.0.2.10')).status).toBe(200);
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

describe('signInDelayMs', () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 1000],
    [6, 2000],
    [7, 4000],
    [8, 8000],
    [9, 16_000],
    [10, 16_000],
    [50, 16_000],
  ])('after %i failures the wait is %i ms (5 free, 1 s doubling, at most 16 s)', (failures, expected) => {
    expect(signInDelayMs(failures, 5, 1000, 16_000)).toBe(expected);
  });
});
