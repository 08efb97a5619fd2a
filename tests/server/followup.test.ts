/**
 * GET /api/followup over real HTTP with sign-in, on the suppression fixture (every number
 * known: tests/server/auth/suppressionFixture.ts). Up to 31 October 2024 every case of the
 * fixture is open (first concern 2 September, closed in November), 59 days old:
 * Solvik A1 4 (rektor-a's school), A2 2, A3 6, A4 9; Tofte T1 7, T2 3; Berg B1 3.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followUpKeys } from '../../etl/figures/index.ts';
import type { SampleApp } from '../helpers/sampleApp.ts';
import { signedInAs, type AuthClient } from './auth/authClient.ts';
import { startSuppressionFixture } from './auth/suppressionFixture.ts';

interface FollowUpJson {
  figures: Record<string, number | null>;
  suppressed: string[];
  suppressed_reason: string | null;
  lists: Record<string, Array<Record<string, unknown>>> | null;
  lists_withheld?: string;
}

let app: SampleApp;
let rectorA: AuthClient;
let municipality: AuthClient;
let admin: AuthClient;

beforeAll(async () => {
  app = await startSuppressionFixture();
  rectorA = await signedInAs(app, 'rektor-a');
  municipality = await signedInAs(app, 'kommune-solvik');
  admin = await signedInAs(app, 'admin');
});
afterAll(() => app.close());

const period = { from: '2024-08-01', to: '2024-10-31', asOf: '2025-08-01' };

async function followUp(client: AuthClient, extra: Record<string, string> = {}, status = 200): Promise<FollowUpJson> {
  const res = await client.get(`/api/followup?${new URLSearchParams({ ...period, ...extra }).toString()}`);
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as FollowUpJson;
}

describe('GET /api/followup', () => {
  it("gives a rector their own school's figures in full and the lists, even with fewer than 5 cases", async () => {
    const body = await followUp(rectorA, { school: 'A1' });
    expect(Object.keys(body.figures)).toEqual([...followUpKeys]);
    expect(body.figures).toMatchObject({ open_cases_over_90_days: 0, discussed_before_consent: 0, planned_meetings: 0, plan_adherence_rate: null });
    expect(body.suppressed).toEqual([]);
    expect(body.lists!.open_cases_by_age!.map((r) => [r.case_id, r.age_days])).toEqual([
      ['A1-1', 59],
      ['A1-2', 59],
      ['A1-3', 59],
      ['A1-4', 59],
    ]);
  });

  it("without a scope a rector gets their own school's lists", async () => {
    const body = await followUp(rectorA);
    expect(body.lists!.open_cases_by_age).toHaveLength(4);
  });

  it('a peer school: the case-based 4b figures suppressed, the others shown, no lists', async () => {
    const body = await followUp(rectorA, { school: 'A2' });
    expect(body.figures.open_cases_over_90_days).toBeNull();
    expect(body.figures.discussed_before_consent).toBeNull();
    expect(body.figures.evaluations_overdue).toBeNull();
    expect(body.suppressed).toEqual(['evaluations_overdue', 'discussed_before_consent', 'open_cases_over_90_days']);
    expect(body.suppressed_reason).toBe('whole_school_years_only');
    expect(body.figures.meetings_without_minutes).toBe(0);
    expect(body.lists).toBeNull();
    expect(body.lists_withheld).toBe('not_scoped');
  });

  it('a peer school over a whole school year: the case-based 4b figures hidden as small numbers (A2 has 2 cases)', async () => {
    const body = await followUp(rectorA, { school: 'A2', from: '2024-08-01', to: '2025-07-31', asOf: '2025-07-31' });
    expect(body.suppressed).toEqual(['evaluations_overdue', 'discussed_before_consent', 'open_cases_over_90_days']);
    expect(body.suppressed_reason).toBe('small_numbers');
    expect(body.figures.evaluations_overdue).toBeNull();
    expect(body.lists).toBeNull();
  });

  it("the rector's municipality total: figures, but no lists (it covers peer schools)", async () => {
    const body = await followUp(rectorA, { municipality: 'Solvik' });
    expect(body.lists).toBeNull();
    expect(body.lists_withheld).toBe('not_scoped');
  });

  it('a municipality user gets the lists of every school of the municipality', async () => {
    const body = await followUp(municipality, { municipality: 'Solvik' });
    expect(body.lists!.open_cases_by_age).toHaveLength(4 + 2 + 6 + 9);
    expect(new Set(body.lists!.open_cases_by_age!.map((r) => r.school_id))).toEqual(new Set(['A1', 'A2', 'A3', 'A4']));
  });

  it('an administrator gets the lists of every school', async () => {
    const body = await followUp(admin);
    expect(body.lists!.open_cases_by_age).toHaveLength(34);
    expect(body.suppressed).toEqual([]);
  });

  it('refuses a school outside the scope (403), an unknown school (404) and a breakdown (400)', async () => {
    await followUp(rectorA, { school: 'T1' }, 403);
    await followUp(municipality, { school: 'B1' }, 403);
    await followUp(admin, { school: 'X9' }, 404);
    await followUp(admin, { by: 'school' }, 400);
    await followUp(admin, { from: '2025-02-31' }, 400);
  });

  it('answers 401 to a client not signed in', async () => {
    const res = await fetch(`${app.url}/api/followup?${new URLSearchParams(period).toString()}`);
    expect(res.status).toBe(401);
  });
});
