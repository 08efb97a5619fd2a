/**
 * GET /api/competence on the hand-made fixture of contract 4c (tests/fixtures/competence),
 * with sign-in required and the demo users of `npm start`: on the fixture, the municipality
 * and PPT users belong to Kommune A (K1–K4), the rector to K1. Expected values are counted by
 * hand (see tests/etl/competence/competenceFigures.test.ts); one app for the whole file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../etl/db/openDatabase.ts';
import { createApp } from '../../server/createApp.ts';
import { createDemoUsers } from '../../server/demoUsers.ts';
import type { CompetenceResponse } from '../../server/routes/competence.ts';
import { fixedToday, type SampleApp } from '../helpers/sampleApp.ts';
import { testPseudonymKey } from '../helpers/testKey.ts';
import { loadCompetenceFixture } from '../etl/competence/competenceFixture.ts';
import { AuthClient, signedIn } from './auth/authClient.ts';

const roles = ['admin', 'municipality', 'ppt', 'rector'] as const;
type Role = (typeof roles)[number];
const year = 'from=2024-08-01&to=2025-07-31';

let dir: string;
let db: Database;
let server: Server;
const clients = new Map<Role, AuthClient>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rt-competence-'));
  db = await openDatabase(join(dir, 'competence.duckdb'));
  await loadCompetenceFixture(db.connection);
  const users = await createDemoUsers(db.connection);
  const app = createApp({ instance: db.instance, today: () => fixedToday, allowAnonymousAdmin: false, pseudonymKey: testPseudonymKey() });
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const handle = { url, db, users } as unknown as SampleApp;
  for (const role of roles) clients.set(role, await signedIn(handle, role));
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function get(role: Role, query: string): Promise<{ status: number; body: CompetenceResponse }> {
  const res = await clients.get(role)!.get(`/api/competence?${query}`);
  return { status: res.status, body: (await res.json()) as CompetenceResponse };
}

describe('GET /api/competence', () => {
  it('an administrator gets the four outputs of 4c and the schools in scope', async () => {
    const { status, body } = await get('admin', year);
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(['efforts', 'reach', 'demand', 'challenges', 'schools']);
    expect(body.efforts.map((e) => [e.effort_id, e.schools_reached, e.schools_in_scope, e.staff_reached, e.staff_reach_share])).toEqual([
      ['E1', 4, 5, 65, 53 / 70],
      ['E2', 1, 5, 8, 8 / 70],
      ['E3', 0, 5, 0, 0],
    ]);
    expect(body.efforts[1]).toMatchObject({ name: 'Trygt skolemiljø', tier: 2, partner: 'TGL', start_date: '2024-10-01', end_date: '2025-06-30', target_group: 'Ressursteam' });
    expect(body.reach[0]).toEqual({ effort_id: 'E1', school_id: 'K1', sessions: 3, participants_total: 100, participants_max: 36, staff: 40, reach_share: 0.9 });
    // Scoped everywhere: nothing hidden, whatever the period.
    expect(body.demand[1]).toEqual({
      topic: 'skolemiljo',
      school_id: 'K1',
      system_cases: 1,
      individual_part_cases: 3,
      system_measures_started: 3,
      staff_reached: 18,
      suppressed: [],
      suppressed_reason: null,
    });
    expect(body.challenges.map((c) => c.individual_cases)).toEqual([1, 2, 1, 1, 1, 1]);
    expect(body.schools.map((s) => [s.school_id, s.school_name, s.staff])).toEqual([
      ['K1', 'Alfa skole', 40],
      ['K2', 'Beta skole', null],
      ['K4', 'Delta skole', 20],
      ['K3', 'Gamma skole', 0],
      ['L1', 'Lia skole', 10],
    ]);
  });

  it('PPT and the municipality get their own municipality only, with the shares over its staff', async () => {
    for (const role of ['ppt', 'municipality'] as const) {
      const { status, body } = await get(role, year);
      expect(status).toBe(200);
      expect(body.schools.map((s) => s.school_id)).toEqual(['K1', 'K2', 'K4', 'K3']);
      // Kommune A: known staff 40 + 0 + 20 = 60; E1 reached 36 + 5 at known-staff schools.
      expect(body.efforts[0]).toMatchObject({ schools_reached: 3, schools_in_scope: 4, staff_reached: 53, staff_reach_share: 41 / 60 });
      expect(body.reach.map((r) => r.school_id)).toEqual(['K1', 'K2', 'K3', 'K1']);
      expect(body.demand.some((d) => d.school_id === 'L1')).toBe(false);
      // A term: still in scope, so nothing hidden.
      const term = await get(role, 'from=2024-08-01&to=2024-12-31');
      expect(term.body.demand.find((d) => d.topic === 'skolemiljo' && d.school_id === 'K1')).toMatchObject({ individual_part_cases: 3, suppressed_reason: null });
    }
  });

  it('the level filter narrows the scope', async () => {
    const { body } = await get('ppt', `${year}&level=barneskole`);
    expect(body.schools.map((s) => s.school_id)).toEqual(['K1', 'K3']);
    // K1 40 + K3 0 = 40 known staff; E1 reached 36 + 5.
    expect(body.efforts[0]).toMatchObject({ schools_reached: 2, schools_in_scope: 2, staff_reach_share: 41 / 40 });
  });

  it.each([
    ['admin', `${year}&school=L1`, 200],
    ['admin', `${year}&municipality=Kommune%20B`, 200],
    ['ppt', `${year}&school=K4`, 200],
    ['ppt', `${year}&municipality=Kommune%20A`, 200],
    ['ppt', `${year}&school=L1`, 403],
    ['municipality', `${year}&municipality=Kommune%20B`, 403],
    ['ppt', `${year}&school=ZZ`, 404],
    ['rector', year, 403],
    ['admin', `${year}&effort=E1`, 400],
    ['admin', 'from=2025-08-01&to=2024-07-31', 400],
    ['admin', `${year}&level=videregaende`, 400],
  ] as const)('%s ?%s → %i', async (role, query, status) => {
    expect((await clients.get(role)!.get(`/api/competence?${query}`)).status).toBe(status);
  });

  it('without a session: 401', async () => {
    expect((await new AuthClient(clients.get('admin')!.baseUrl).get(`/api/competence?${year}`)).status).toBe(401);
  });
});
