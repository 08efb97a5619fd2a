/**
 * POST /api/audit/export is limited per user (here 3 in the window, by default 60 in 15
 * minutes): each report is an audit row, so a signed-in client could otherwise fill the log.
 * Other users keep their own allowance; the refusal is 429 and audited once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthSampleApp, type SampleApp } from '../../helpers/sampleApp.ts';
import { signedIn, type AuthClient } from './authClient.ts';

let app: SampleApp;
beforeAll(async () => {
  app = await startAuthSampleApp({ exportLimit: 3, loginAttempts: 1000 });
});
afterAll(() => app.close());

const report = { format: 'csv', view: '/api/figures?from=2024-08-01&to=2025-07-31', rows: 12 };

async function exportStatus(client: AuthClient): Promise<{ status: number; body: string }> {
  const res = await client.request('POST', '/api/audit/export', { body: report });
  return { status: res.status, body: await res.text() };
}

async function count(action: string, username: string): Promise<number> {
  const reader = await app.db.connection.runAndReadAll(`SELECT count(*)::INTEGER FROM audit_log WHERE action = $a AND username = $u`, { a: action, u: username });
  return Number(reader.getRows()[0]![0]);
}

describe('POST /api/audit/export per user', () => {
  it('the fourth report in the window is 429; another user is not affected; a second session of the same user is', async () => {
    const admin = await signedIn(app, 'admin');
    for (let i = 1; i <= 3; i++) expect((await exportStatus(admin)).status, `report ${i}`).toBe(204);
    expect(await exportStatus(admin)).toEqual({ status: 429, body: '{"error":"too_many_exports"}' });
    expect(await count('export', 'admin')).toBe(3);
    expect(await count('rate_limited', 'admin')).toBe(1);

    const kommune = await signedIn(app, 'municipality');
    expect((await exportStatus(kommune)).status).toBe(204);

    const adminAgain = await signedIn(app, 'admin');
    expect((await exportStatus(adminAgain)).status).toBe(429);
  });
});
