/**
 * The answer cache through real HTTP against the real app, with real signed-in users: an
 * answer is never served to a viewer of another scope, a repeated request revalidates to
 * 304, every view is still audited, and an import empties the cache.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthSampleApp, type SampleApp } from '../../helpers/sampleApp.ts';
import { signedIn, type AuthClient } from '../auth/authClient.ts';

let app: SampleApp;
let admin: AuthClient;
let kommune: AuthClient;
let rektor: AuthClient;
beforeAll(async () => {
  app = await startAuthSampleApp();
  [admin, kommune, rektor] = await Promise.all([signedIn(app, 'admin'), signedIn(app, 'municipality'), signedIn(app, 'rector')]);
});
afterAll(() => app.close());

const followUp = '/api/followup?from=2024-08-01&to=2025-07-31&municipality=Fjordvik';

interface FollowUpAnswer {
  readonly lists: unknown;
  readonly lists_withheld?: string;
}
interface MetaAnswer {
  readonly schools: readonly { readonly school_id: string; readonly scoped: boolean }[];
}

async function json<T>(client: AuthClient, path: string, headers: Record<string, string> = {}): Promise<{ status: number; etag: string | null; body: T }> {
  const res = await client.get(path, { headers });
  return { status: res.status, etag: res.headers.get('etag'), body: (await res.json()) as T };
}

async function viewsLogged(username: string): Promise<number> {
  const reader = await app.db.connection.runAndReadAll(`SELECT count(*)::INTEGER FROM audit_log WHERE action = 'view_figures' AND username = $u`, { u: username });
  return Number(reader.getRows()[0]![0]);
}

describe('the answer cache', () => {
  it('never serves one scope’s answer to another: the municipality user gets the follow-up lists, the rector of one of its schools never does', async () => {
    // Each asks twice, turn about, so every second answer could come from the cache.
    for (let round = 0; round < 2; round++) {
      const forKommune = await json<FollowUpAnswer>(kommune, followUp);
      const forRektor = await json<FollowUpAnswer>(rektor, followUp);
      expect(forKommune.status).toBe(200);
      expect(forKommune.body.lists).not.toBeNull();
      expect(forKommune.body.lists_withheld).toBeUndefined();
      expect(forRektor.status).toBe(200);
      expect(forRektor.body.lists).toBeNull();
      expect(forRektor.body.lists_withheld).toBe('not_scoped');
      expect(forRektor.etag).not.toBe(forKommune.etag);
    }
  });

  it('the same holds when the narrower scope asks first: /api/meta marks one school scoped for the rector, all for the municipality user', async () => {
    for (let round = 0; round < 2; round++) {
      const forRektor = await json<MetaAnswer>(rektor, '/api/meta');
      const forKommune = await json<MetaAnswer>(kommune, '/api/meta');
      expect(forRektor.body.schools.filter((s) => s.scoped)).toHaveLength(1);
      expect(forKommune.body.schools.length).toBeGreaterThan(1);
      expect(forKommune.body.schools.every((s) => s.scoped)).toBe(true);
    }
  });

  it('audits every view, also those answered from the cache', async () => {
    const before = await viewsLogged('rektor');
    await json(rektor, followUp);
    await json(rektor, followUp);
    expect(await viewsLogged('rektor')).toBe(before + 2);
  });

  it('answers 304 without a body to a request that names the current ETag, 200 to one that names another', async () => {
    // Node's fetch adds `Cache-Control: no-cache` to a request with If-None-Match unless it
    // has one (the fetch standard), and no-cache asks for a full answer; a browser revalidating
    // a stored answer sends max-age=0.
    const revalidate = (encoding: string, etag: string) => ({ headers: { 'accept-encoding': encoding, 'if-none-match': etag, 'cache-control': 'max-age=0' } });
    for (const encoding of ['identity', 'br', 'gzip']) {
      const first = await kommune.get(followUp, { headers: { 'accept-encoding': encoding } });
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^"[A-Za-z0-9_-]+(-br|-gzip)?"$/);
      const again = await kommune.get(followUp, revalidate(encoding, etag));
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      const other = await kommune.get(followUp, revalidate(encoding, '"something-else"'));
      expect(other.status).toBe(200);
      expect(await other.json()).toEqual(await first.json());
    }
  });

  it('is emptied by an import: the next answer shows the new data', async () => {
    const before = await json<MetaAnswer>(admin, '/api/meta');
    expect(before.body.schools.map((s) => s.school_id)).not.toContain('990099998');
    const upload = await admin.request('POST', '/api/imports?filename=skoler.csv', {
      body: 'skole_id;skolenavn;kommune;skoletype\n990099998;Bufferskolen;Fjordvik;barneskole\n',
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    });
    expect(upload.status).toBe(200);
    const after = await json<MetaAnswer>(admin, '/api/meta');
    expect(after.body.schools.map((s) => s.school_id)).toContain('990099998');
    expect(after.body.schools).toHaveLength(before.body.schools.length + 1);
    expect(after.etag).not.toBe(before.etag);
  });
});
