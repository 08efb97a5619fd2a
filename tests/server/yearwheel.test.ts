/**
 * GET /api/yearwheel, GET/PUT /api/norms and the norms in GET /api/followup over real HTTP
 * with sign-in, on the suppression fixture (tests/server/auth/suppressionFixture.ts: Solvik
 * A1–A4, rektor-a at A1, kommune-solvik, ppt-tofte, admin) plus a small year wheel for A1,
 * read on 31 December 2024. Expected values worked out by hand:
 *   A1 meetings: 09-03 held (TGL), 09-10 held, 09-17 cancelled, 09-24 held (TGL)
 *   → held dates 09-03, 09-10, 09-24: gaps 7 and 14, median 10,5; TGL meetings 2.
 *   A1 plan: 09-02 meeting (09-03 is 1 day: done), 09-16 meeting (09-17 cancelled, 09-10 is
 *   6 days: missed), 09-24 TGL visit (09-24 with TGL: done), 2025-03-01 annual review
 *   (after the as-of date: upcoming).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SampleApp } from '../helpers/sampleApp.ts';
import { insert } from '../etl/figures/figureFixture.ts';
import { signedInAs, type AuthClient } from './auth/authClient.ts';
import { startSuppressionFixture } from './auth/suppressionFixture.ts';

let app: SampleApp;
const clients: Record<string, AuthClient> = {};
const period = { from: '2024-08-01', to: '2025-07-31', asOf: '2024-12-31' };

beforeAll(async () => {
  app = await startSuppressionFixture({}, [], [], {
    meetings: [
      { meeting_id: 'a1-m1', school_id: 'A1', date: '2024-09-03', status: 'held' },
      { meeting_id: 'a1-m2', school_id: 'A1', date: '2024-09-10', status: 'held' },
      { meeting_id: 'a1-m3', school_id: 'A1', date: '2024-09-17', status: 'cancelled' },
      { meeting_id: 'a1-m4', school_id: 'A1', date: '2024-09-24', status: 'held' },
    ],
  });
  const conn = app.db.connection;
  await conn.run(`UPDATE meetings SET participants = ['rektor', 'tgl'] WHERE meeting_id IN ('a1-m1', 'a1-m4')`);
  await insert(conn, 'yearwheel', [
    { school_id: 'A1', date: '2024-09-02', activity: 'meeting' },
    { school_id: 'A1', date: '2024-09-16', activity: 'meeting' },
    { school_id: 'A1', date: '2024-09-24', activity: 'tgl_visit' },
    { school_id: 'A1', date: '2025-03-01', activity: 'annual_review' },
  ]);
  for (const name of ['admin', 'rektor-a', 'kommune-solvik', 'ppt-tofte']) clients[name] = await signedInAs(app, name);
});
afterAll(() => app.close());

const qs = (extra: Record<string, string> = {}) => new URLSearchParams({ ...period, ...extra }).toString();

describe('GET /api/yearwheel', () => {
  it("gives the rector their school's plan with status and matched meeting, and the meetings", async () => {
    const res = await clients['rektor-a']!.get(`/api/yearwheel?${qs({ school: 'A1' })}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({
      school_id: 'A1',
      from: '2024-08-01',
      to: '2025-07-31',
      as_of: '2024-12-31',
      plan: [
        { school_id: 'A1', date: '2024-09-02', activity: 'meeting', topic: null, status: 'done', matched_meeting_date: '2024-09-03' },
        { school_id: 'A1', date: '2024-09-16', activity: 'meeting', topic: null, status: 'missed', matched_meeting_date: null },
        { school_id: 'A1', date: '2024-09-24', activity: 'tgl_visit', topic: null, status: 'done', matched_meeting_date: '2024-09-24' },
        { school_id: 'A1', date: '2025-03-01', activity: 'annual_review', topic: null, status: 'upcoming', matched_meeting_date: null },
      ],
      meetings: [
        { meeting_id: 'a1-m1', school_id: 'A1', date: '2024-09-03', status: 'held', tgl_present: true },
        { meeting_id: 'a1-m2', school_id: 'A1', date: '2024-09-10', status: 'held', tgl_present: false },
        { meeting_id: 'a1-m3', school_id: 'A1', date: '2024-09-17', status: 'cancelled', tgl_present: false },
        { meeting_id: 'a1-m4', school_id: 'A1', date: '2024-09-24', status: 'held', tgl_present: true },
      ],
    });
  });

  it.each([
    ['rektor-a', 'A2', 403], // a peer school: figures yes, its plan no
    ['kommune-solvik', 'A2', 200],
    ['ppt-tofte', 'A1', 403],
    ['admin', 'A1', 200],
    ['rektor-a', 'ZZ', 404],
  ])('%s asking for %s → %i', async (user, school, status) => {
    const res = await clients[user]!.get(`/api/yearwheel?${qs({ school })}`);
    expect(res.status).toBe(status);
  });

  it.each<Record<string, string>>([{}, { school: 'A1', by: 'school' }, { school: 'A1', municipality: 'Solvik' }])('refuses %j with 400', async (extra) => {
    const res = await clients.admin!.get(`/api/yearwheel?${qs(extra)}`);
    expect(res.status).toBe(400);
  });
});

describe('norms', () => {
  it("followup carries the municipality's default norms and whether A1 meets them", async () => {
    const body = await (await clients['rektor-a']!.get(`/api/followup?${qs({ school: 'A1' })}`)).json();
    expect(body.norms).toEqual({
      municipality: 'Solvik',
      meeting_interval_days: 7,
      tgl_meetings_per_school_year: 2,
      is_default: true,
      updated_at: null,
      updated_by: null,
      checks: {
        meeting_interval: { norm: 7, value: 10.5, status: 'not_met' },
        tgl_meetings: { norm: 2, value: 2, status: 'met' },
      },
    });
  });

  it('a municipality user changes their own norms; the followup of every school there uses them', async () => {
    const put = await clients['kommune-solvik']!.request('PUT', '/api/norms', { body: { municipality: 'Solvik', meeting_interval_days: 14, tgl_meetings_per_school_year: 3 } });
    expect(put.status, await put.clone().text()).toBe(200);
    expect(await put.json()).toMatchObject({ municipality: 'Solvik', meeting_interval_days: 14, tgl_meetings_per_school_year: 3, is_default: false, updated_by: 'kommune-solvik' });
    const a1 = await (await clients['rektor-a']!.get(`/api/followup?${qs({ school: 'A1' })}`)).json();
    expect(a1.norms.checks).toEqual({
      meeting_interval: { norm: 14, value: 10.5, status: 'met' },
      tgl_meetings: { norm: 3, value: 2, status: 'pending' }, // the school year is still running
    });
    // The whole municipality: TGL norm 3 for each of its 4 schools.
    const solvik = await (await clients['kommune-solvik']!.get(`/api/followup?${qs({ municipality: 'Solvik' })}`)).json();
    expect(solvik.norms.checks.tgl_meetings).toEqual({ norm: 12, value: 2, status: 'pending' });
    const read = await (await clients['rektor-a']!.get('/api/norms')).json();
    expect(read.norms).toMatchObject([{ municipality: 'Solvik', meeting_interval_days: 14, tgl_meetings_per_school_year: 3 }]);
    const audit = await app.db.connection.runAndReadAll(`SELECT username, target, details FROM audit_log WHERE action = 'norms_set'`);
    expect(audit.getRowObjectsJS()).toEqual([{ username: 'kommune-solvik', target: 'municipality:Solvik', details: '{"meeting_interval_days":14,"tgl_meetings_per_school_year":3}' }]);
  });

  it.each([
    ['kommune-solvik', 'Tofte', 403],
    ['rektor-a', 'Solvik', 403],
    ['ppt-tofte', 'Tofte', 403],
    ['admin', 'Berg', 200],
    ['admin', 'Atlantis', 404],
  ])('%s changing the norms of %s → %i', async (user, municipality, status) => {
    const res = await clients[user]!.request('PUT', '/api/norms', { body: { municipality, meeting_interval_days: 7, tgl_meetings_per_school_year: 2 } });
    expect(res.status).toBe(status);
  });

  it.each([
    { municipality: 'Solvik', meeting_interval_days: 0, tgl_meetings_per_school_year: 2 },
    { municipality: 'Solvik', meeting_interval_days: 7 },
    { municipality: 'Solvik', meeting_interval_days: 7, tgl_meetings_per_school_year: 2, note: 'x' },
  ])('refuses the body %j with 400', async (body) => {
    const res = await clients.admin!.request('PUT', '/api/norms', { body });
    expect(res.status).toBe(400);
  });

  it('refuses a change without the CSRF token', async () => {
    const res = await clients.admin!.request('PUT', '/api/norms', { body: { municipality: 'Solvik', meeting_interval_days: 7, tgl_meetings_per_school_year: 2 }, noCsrfHeader: true });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toBe('csrf_failed');
  });

  it.each([
    ['rektor-a', 'Tofte', 403],
    ['ppt-tofte', 'Tofte', 200],
    ['admin', 'Tofte', 200],
  ])('%s reading the norms of %s → %i', async (user, municipality, status) => {
    expect((await clients[user]!.get(`/api/norms?municipality=${municipality}`)).status).toBe(status);
  });

  it.each([
    ['rektor-a', 'Tofte', false],
    ['kommune-solvik', 'Tofte', false],
    ['ppt-tofte', 'Solvik', false],
    ['ppt-tofte', 'Tofte', true],
    ['rektor-a', 'Solvik', true],
    ['admin', 'Tofte', true],
  ])('%s: followup of %s carries its norms only when /api/norms would give them (%s)', async (user, municipality, readable) => {
    const followUp = await clients[user]!.get(`/api/followup?${qs({ municipality })}`);
    expect(followUp.status).toBe(200);
    const { norms } = await followUp.json();
    const direct = await clients[user]!.get(`/api/norms?municipality=${municipality}`);
    expect(direct.status).toBe(readable ? 200 : 403);
    if (!readable) {
      // Neither the norms nor the number of schools (the TGL norm times the schools) of another municipality.
      expect(norms).toBeNull();
      return;
    }
    const [expected] = (await direct.json()).norms;
    expect(norms).toMatchObject({ ...expected, checks: expect.any(Object) });
  });

  it('reading the norms is audited like the figures (view_figures, endpoint norms), a refusal as access_denied', async () => {
    const conn = app.db.connection;
    const [[before]] = (await conn.runAndReadAll(`SELECT coalesce(max(audit_id), 0) FROM audit_log`)).getRowsJS() as [[bigint | number]];
    expect((await clients['ppt-tofte']!.get('/api/norms')).status).toBe(200);
    expect((await clients['ppt-tofte']!.get('/api/norms?municipality=Tofte')).status).toBe(200);
    expect((await clients['ppt-tofte']!.get('/api/norms?municipality=Solvik')).status).toBe(403);
    const rows = await conn.runAndReadAll(`SELECT action, target, details FROM audit_log WHERE username = 'ppt-tofte' AND audit_id > $before ORDER BY audit_id`, { before: Number(before) });
    expect(rows.getRowObjectsJS()).toEqual([
      { action: 'view_figures', target: 'scope', details: '{"endpoint":"norms"}' },
      { action: 'view_figures', target: 'municipality:Tofte', details: '{"endpoint":"norms"}' },
      { action: 'access_denied', target: 'municipality:Solvik', details: '{"endpoint":"norms","status":403}' },
    ]);
  });
});
