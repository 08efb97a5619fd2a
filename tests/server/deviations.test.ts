/**
 * GET /api/deviations over real HTTP with sign-in, on the suppression fixture's schools with
 * hand-made deviations. School year 2024/25 read on 31 July 2025; every expected value worked
 * out by hand below (days: 2025-03-01 → 2025-07-31 is 30+30+31+30+31 = 152; 2024-05-01 →
 * 2025-07-31 is 365+91 = 456; 2024-10-01 → 2025-07-31 is 303; 2025-06-01 → 2025-07-31 is 60).
 *
 *   id  school date        agencies (as exported)              category      answered   resolved    reported open overdue
 *   a1  A1     2024-09-10  school|child_psychiatry             information              2024-10-10  yes      no   no
 *   a2  A1     2025-03-01  school|social_services|social_serv. waiting_time                         yes      152  yes
 *   a3  A1     2025-06-01  child_psychiatry|school|habilitation –             2025-06-20             yes      60   no (answered)
 *   a4  A1     2024-05-01  social_services|child_psychiatry    responsibility                        no       456  yes
 *   a5  A1     2025-07-31  school|ppt                          information              2025-07-31  yes      no   no
 *   a6  A1     2025-08-05  school|ppt                          other                                 (after the period: nowhere)
 *   a7  A2     2024-10-01  school|health                       availability                          yes      303  yes
 *   t1  T1     2024-11-01  school|social_services              other                    2024-12-01  yes      no   no
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SampleApp } from '../helpers/sampleApp.ts';
import { signedInAs, type AuthClient } from './auth/authClient.ts';
import { fixturePeriod, startSuppressionFixture } from './auth/suppressionFixture.ts';

interface DetailsJson {
  details: {
    open_deviations: Array<{ deviation_id: string; school_id: string; date: string; agencies: string[]; category: string | null; days_open: number; answer_overdue: boolean }>;
    agency_pairs: Array<{ a: string; b: string; reported: number }>;
    categories: Array<{ category: string | null; reported: number; open: number; answer_overdue: number }>;
  } | null;
  details_withheld?: string;
}

const rows = [
  ['a1', 'A1', '2024-09-10', 'school|child_psychiatry', 'information', null, '2024-10-10'],
  ['a2', 'A1', '2025-03-01', 'school|social_services|social_services', 'waiting_time', null, null],
  ['a3', 'A1', '2025-06-01', 'child_psychiatry|school|habilitation', null, '2025-06-20', null],
  ['a4', 'A1', '2024-05-01', 'social_services|child_psychiatry', 'responsibility', null, null],
  ['a5', 'A1', '2025-07-31', 'school|ppt', 'information', null, '2025-07-31'],
  ['a6', 'A1', '2025-08-05', 'school|ppt', 'other', null, null],
  ['a7', 'A2', '2024-10-01', 'school|health', 'availability', null, null],
  ['t1', 'T1', '2024-11-01', 'school|social_services', 'other', null, '2024-12-01'],
] as const;

let app: SampleApp;
let rectorA: AuthClient;
let municipality: AuthClient;
let admin: AuthClient;

beforeAll(async () => {
  app = await startSuppressionFixture();
  for (const [id, school, date, agencies, category, answered, resolved] of rows) {
    await app.db.connection.run(
      `INSERT INTO deviations (deviation_id, school_id, date, agencies, category, answered_date, resolved_date)
       VALUES ($id, $school, $date::DATE, string_split($agencies, '|'), $category, $answered::DATE, $resolved::DATE)`,
      { id, school, date, agencies, category, answered, resolved },
    );
  }
  rectorA = await signedInAs(app, 'rektor-a');
  municipality = await signedInAs(app, 'kommune-solvik');
  admin = await signedInAs(app, 'admin');
});
afterAll(() => app.close());

async function details(client: AuthClient, extra: Record<string, string> = {}, status = 200): Promise<DetailsJson> {
  const res = await client.get(`/api/deviations?${new URLSearchParams({ ...fixturePeriod, ...extra }).toString()}`);
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as DetailsJson;
}

const a1Open = [
  { deviation_id: 'a4', school_id: 'A1', date: '2024-05-01', agencies: ['social_services', 'child_psychiatry'], category: 'responsibility', days_open: 456, answer_overdue: true },
  { deviation_id: 'a2', school_id: 'A1', date: '2025-03-01', agencies: ['school', 'social_services'], category: 'waiting_time', days_open: 152, answer_overdue: true },
  { deviation_id: 'a3', school_id: 'A1', date: '2025-06-01', agencies: ['school', 'child_psychiatry', 'habilitation'], category: null, days_open: 60, answer_overdue: false },
];

describe('GET /api/deviations', () => {
  it("gives a rector their own school's open deviations, pairs and categories (hand-counted)", async () => {
    for (const extra of [{}, { school: 'A1' }] as Record<string, string>[]) {
      const body = await details(rectorA, extra);
      expect(body.details!.open_deviations).toEqual(a1Open);
      // a1, a2 (social services once), a3 (three pairs), a5; a4 was reported before the period.
      expect(body.details!.agency_pairs).toEqual([
        { a: 'school', b: 'social_services', reported: 1 },
        { a: 'school', b: 'child_psychiatry', reported: 2 },
        { a: 'school', b: 'habilitation', reported: 1 },
        { a: 'school', b: 'ppt', reported: 1 },
        { a: 'child_psychiatry', b: 'habilitation', reported: 1 },
      ]);
      expect(body.details!.categories).toEqual([
        { category: 'information', reported: 2, open: 0, answer_overdue: 0 },
        { category: 'responsibility', reported: 0, open: 1, answer_overdue: 1 },
        { category: 'waiting_time', reported: 1, open: 1, answer_overdue: 1 },
        { category: null, reported: 1, open: 1, answer_overdue: 0 },
      ]);
    }
  });

  it('agrees with the 4d figures of /api/figures for the same school (4 reported, 3 open, 2 overdue)', async () => {
    const res = await rectorA.get(`/api/figures?${new URLSearchParams({ ...fixturePeriod, school: 'A1' }).toString()}`);
    const figures = (await res.json()) as Record<string, number>;
    expect([figures.deviations_reported, figures.deviations_open, figures.deviations_answer_overdue]).toEqual([4, 3, 2]);
  });

  it("a peer school's details are withheld, not suppressed counts; another municipality's school is 403", async () => {
    const peer = await details(rectorA, { school: 'A2' });
    expect(peer).toEqual({ details: null, details_withheld: 'not_scoped' });
    expect(JSON.stringify(peer)).not.toContain('a7');
    await details(rectorA, { school: 'T1' }, 403);
    await details(rectorA, { municipality: 'Tofte' }).then((b) => expect(b.details).toBeNull());
  });

  it("a municipality user sees every school of the municipality, and only that; another municipality's total is withheld", async () => {
    const body = await details(municipality);
    expect(body.details!.open_deviations.map((d) => [d.deviation_id, d.days_open])).toEqual([
      ['a4', 456],
      ['a7', 303],
      ['a2', 152],
      ['a3', 60],
    ]);
    expect(body.details!.agency_pairs.find((p) => p.a === 'school' && p.b === 'health')).toEqual({ a: 'school', b: 'health', reported: 1 });
    expect(body.details!.agency_pairs.find((p) => p.a === 'school' && p.b === 'social_services')!.reported).toBe(1); // t1 is Tofte's
    await details(municipality, { municipality: 'Tofte' }).then((b) => expect(b).toEqual({ details: null, details_withheld: 'not_scoped' }));
    await details(municipality, { school: 'T1' }, 403);
  });

  it("an administrator sees another municipality's; by and total are refused", async () => {
    const body = await details(admin, { municipality: 'Tofte' });
    expect(body.details!.open_deviations).toEqual([]);
    expect(body.details!.agency_pairs).toEqual([{ a: 'school', b: 'social_services', reported: 1 }]);
    expect(body.details!.categories).toEqual([{ category: 'other', reported: 1, open: 0, answer_overdue: 0 }]);
    await details(admin, { by: 'school' }, 400);
    await details(admin, { total: 'all' }, 400);
  });
});
