/**
 * GET /api/audit narrowed on the server (issue 12, point 7): by user, event, school and
 * days in Norwegian time, views left out, with paging inside the narrowed log. The real app
 * over HTTP on a fresh database holding five hand-made entries around the change to summer
 * time (29 March 2026: Oslo is UTC+1 before, UTC+2 after) and in July.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../etl/audit/auditLog.ts';
import { openDatabase, type Database } from '../../etl/db/openDatabase.ts';
import { pseudonymKey } from '../../etl/load/pseudonymKey.ts';
import { createApp } from '../../server/createApp.ts';
import { osloMidnight } from '../../server/http/osloMidnight.ts';

let dir: string;
let db: Database;
let server: Server;
let base: string;

// [label, UTC instant, user, action, target]; the Oslo day in the comment.
const entries = [
  ['a', '2026-03-28T22:30:00Z', 'alice', 'sign_in', null], // 28.03 23:30 (UTC+1)
  ['b', '2026-03-28T23:30:00Z', 'alice', 'view_figures', 'school:S1'], // 29.03 00:30
  ['c', '2026-03-29T21:59:00Z', 'bob', 'export', 'school:S1'], // 29.03 23:59 (UTC+2)
  ['d', '2026-03-29T22:00:00Z', 'bob', 'export', 'school:S2'], // 30.03 00:00
  ['e', '2026-07-01T21:59:59Z', 'bob', 'sign_in', null], // 01.07 23:59:59
] as const;
const idOf = new Map<number, string>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rt-audit-'));
  db = await openDatabase(join(dir, 'audit.duckdb'));
  for (const [, at, username, action, target] of entries) {
    await appendAudit(db.connection, { at: new Date(at), username, role: 'admin', via: 'http', action, target });
  }
  const ids = (await db.connection.runAndReadAll('SELECT audit_id FROM audit_log ORDER BY audit_id')).getRowsJS().map((r) => Number(r[0]));
  ids.forEach((id, i) => idOf.set(id, entries[i]![0]));
  const app = createApp({ instance: db.instance, today: () => '2026-11-23', allowAnonymousAdmin: true, pseudonymKey: pseudonymKey(Buffer.alloc(32, 7)) });
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The labels of the entries answered (newest first), leaving out this test's own view_audit rows. */
async function labels(query: string): Promise<{ status: number; labels: string[]; next: number | null }> {
  const res = await fetch(`${base}/api/audit?${query}`, { headers: { accept: 'application/json' } });
  if (res.status !== 200) return { status: res.status, labels: [], next: null };
  const body = (await res.json()) as { entries: Array<{ audit_id: number }>; next_before: number | null };
  return { status: 200, labels: body.entries.map((e) => idOf.get(e.audit_id) ?? 'own-view'), next: body.next_before };
}

describe('osloMidnight', () => {
  it.each([
    ['2026-03-29', '2026-03-28T23:00:00.000Z'],
    ['2026-03-30', '2026-03-29T22:00:00.000Z'],
    ['2026-07-01', '2026-06-30T22:00:00.000Z'],
    ['2026-10-25', '2026-10-24T22:00:00.000Z'],
    ['2026-10-26', '2026-10-25T23:00:00.000Z'],
  ])('%s begins at %s', (day, instant) => {
    expect(osloMidnight(day).toISOString()).toBe(instant);
  });
});

describe('GET /api/audit narrowed on the server', () => {
  it('by days in Norwegian time, inclusive', async () => {
    expect((await labels('from=2026-03-29&to=2026-03-29')).labels).toEqual(['c', 'b']);
    expect((await labels('to=2026-03-28')).labels).toEqual(['a']);
    expect((await labels('from=2026-03-30&to=2026-07-01')).labels).toEqual(['e', 'd']);
  });

  it('by user, event and school; views left out', async () => {
    expect((await labels('user=bob&action=export')).labels).toEqual(['d', 'c']);
    expect((await labels('school=S1')).labels).toEqual(['c', 'b']);
    expect((await labels('user=alice&views=0')).labels).toEqual(['a']);
    expect((await labels('from=2026-03-28&to=2026-07-01&views=0')).labels).toEqual(['e', 'd', 'c', 'a']);
    // Without views=0 the view events are there (this test's own reads included).
    expect((await labels('action=view_figures')).labels).toEqual(['b']);
  });

  it('pages inside the narrowed log', async () => {
    const first = await labels('user=bob&limit=2');
    expect(first.labels).toEqual(['e', 'd']);
    const second = await labels(`user=bob&limit=2&before=${first.next}`);
    expect(second.labels).toEqual(['c']);
    expect(second.next).toBeNull();
  });

  it('refuses an unknown event, a bad day and from after to', async () => {
    expect((await labels('action=nope')).status).toBe(400);
    expect((await labels('from=2026-02-31')).status).toBe(400);
    expect((await labels('from=2026-03-30&to=2026-03-29')).status).toBe(400);
    expect((await labels('views=2')).status).toBe(400);
  });
});
