/**
 * Small-number suppression over real HTTP, on a database where every number is known
 * (suppressionFixture.ts), including a reader who tries to recompute a hidden school from
 * the municipality total and the visible schools, and from rate × n.
 */
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figureSpecs } from '../../../etl/figures/index.ts';
import type { SampleApp } from '../../helpers/sampleApp.ts';
import { signedInAs, type AuthClient } from './authClient.ts';
import { endedCases, fixturePeriod, startSuppressionFixture } from './suppressionFixture.ts';

type FigureJson = Record<string, unknown> & { suppressed: string[] };

let app: SampleApp;
let rectorA: AuthClient;
let rectorT: AuthClient;
let municipality: AuthClient;
let admin: AuthClient;

beforeAll(async () => {
  app = await startSuppressionFixture();
  rectorA = await signedInAs(app, 'rektor-a');
  rectorT = await signedInAs(app, 'rektor-t');
  municipality = await signedInAs(app, 'kommune-solvik');
  admin = await signedInAs(app, 'admin');
});
afterAll(() => app.close());

const query = (extra: Record<string, string> = {}) => new URLSearchParams({ ...fixturePeriod, ...extra }).toString();

async function json<T = FigureJson[]>(client: AuthClient, path: string, extra: Record<string, string> = {}): Promise<T> {
  const res = await client.get(`${path}?${query(extra)}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as T;
}

const bySchoolFor = async (client: AuthClient, extra: Record<string, string>) =>
  new Map((await json(client, '/api/figures', { by: 'school', ...extra })).map((r) => [r.school_id as string, r]));
const bySchool = async (client: AuthClient) => new Map((await json(client, '/api/figures', { by: 'school' })).map((r) => [r.school_id as string, r]));
const byMunicipality = async (client: AuthClient) => new Map((await json(client, '/api/figures', { by: 'municipality' })).map((r) => [r.municipality as string, r]));

describe('a rector looking at the peer schools of their municipality', () => {
  it('sees their own school in full, even with fewer than 5 cases', async () => {
    const own = (await bySchool(rectorA)).get('A1')!;
    expect(own.cases_ended).toBe(4);
    expect(own.suppressed).toEqual([]);
  });

  it('sees a peer with 2 ended cases as suppressed: null figures, null n, the keys listed', async () => {
    const a2 = (await bySchool(rectorA)).get('A2')!;
    for (const key of ['cases_ended', 'cases_referred_ppt', 'days_to_end_median', 'days_to_end_p90', 'n_cases_ended', 'n_cases_referred_ppt']) {
      expect(a2[key], key).toBeNull();
      expect(a2.suppressed).toContain(key);
    }
  });

  it('secondary suppression: the next-smallest peer (6 cases) is hidden too, the largest (9) stays', async () => {
    const rows = await bySchool(rectorA);
    expect(rows.get('A3')!.cases_ended).toBeNull();
    expect(rows.get('A3')!.suppressed).toContain('cases_ended');
    expect(rows.get('A4')!.cases_ended).toBe(9);
  });

  it('cannot recompute a hidden school from the municipality total and the visible schools', async () => {
    const rows = await bySchool(rectorA);
    const total = await json<FigureJson>(rectorA, '/api/figures', { municipality: 'Solvik' });
    expect(total.cases_ended).toBe(21);
    const visible = [...rows.values()].filter((r) => r.cases_ended !== null);
    const hidden = [...rows.values()].filter((r) => r.cases_ended === null);
    const remainder = (total.cases_ended as number) - visible.reduce((n, r) => n + (r.cases_ended as number), 0);
    // What the reader learns is the sum of at least two hidden schools, resting on at least 5 cases.
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    expect(remainder).toBe(endedCases.A2! + endedCases.A3!);
    expect(remainder).toBeGreaterThanOrEqual(5);
    // The same for every case-based n the rows carry (the total's are under `n`). For each
    // unit's own count, the hidden peers also rest on at least 5 cases together; the other
    // case counts (referrals, evaluations due) are parts of a unit and hide with it.
    const totalN = total.n as Record<string, number | null>;
    const truth = await bySchool(admin);
    const peers = [...rows.values()].filter((r) => r.school_id !== 'A1');
    const unitColumns = ['individual_cases', 'individual_cases_discussed', 'individual_cases_with_measures', 'cases_ended', 'km_cases', 'open_cases', 'consent_cases', 'individual_cases_with_evaluations_due'];
    const checked: string[] = [];
    for (const base of [...unitColumns, 'cases_referred_ppt', 'evaluations_due']) {
      const column = `n_${base}`;
      expect(totalN, column).toHaveProperty(base);
      const hiddenHere = peers.filter((r) => r[column] === null);
      if (hiddenHere.length === 0 || totalN[base] === null) continue;
      checked.push(column);
      expect(hiddenHere.length, column).toBeGreaterThanOrEqual(2);
      if (!unitColumns.includes(base)) continue;
      const visibleSum = peers.filter((r) => r[column] !== null).reduce((n, r) => n + (r[column] as number), 0);
      const rest = (totalN[base] as number) - (truth.get('A1')![column] as number) - visibleSum;
      expect(rest, column).toBe(hiddenHere.reduce((n, r) => n + (truth.get(r.school_id as string)![column] as number), 0));
      expect(rest, column).toBeGreaterThanOrEqual(5);
    }
    // Not vacuous: ended and union counts hide A2 and A3 here.
    expect(checked).toEqual(expect.arrayContaining(['n_individual_cases', 'n_cases_ended', 'n_cases_referred_ppt']));
    // The total's first concerns are hidden with its open cases: open at the year's end = open
    // a year before + first concerns − ended, so with the other three visible the hidden open
    // count would be their sum (schoolYearPlans.ts hides a second term).
    expect(totalN.open_cases).toBeNull();
    expect(totalN.km_cases).toBeNull();
  });

  it('cannot use rate × n: every figure a peer shows rests on at least 5 cases, and a hidden one has its n hidden too', async () => {
    const shown = await bySchool(rectorA);
    const full = await bySchool(admin);
    for (const [id, row] of shown) {
      if (id === 'A1') continue;
      const truth = full.get(id)!;
      for (const spec of figureSpecs.filter((s) => s.cases)) {
        if (row.suppressed.includes(spec.key)) {
          expect(row[spec.key], `${id} ${spec.key}`).toBeNull();
          if (spec.cases !== 'cases_referred_ppt') expect(row[`n_${spec.cases}`], `${id} n_${spec.cases}`).toBeNull();
        } else {
          expect(truth[`n_${spec.cases}`] ?? endedCases[id], `${id} ${spec.key}`).toBeGreaterThanOrEqual(5);
        }
      }
    }
    // A4's PPT referrals are a count resting on its 9 ended cases (shown: 2), but the share of
    // them tested first rests on those 2 referrals: hidden, so 2 × rate cannot be worked out.
    const a4 = shown.get('A4')!;
    expect(a4.cases_referred_ppt).toBe(2);
    expect(a4.tested_before_ppt_referral_rate).toBeNull();
    expect(a4.suppressed).toContain('tested_before_ppt_referral_rate');
  });

  it('gets the same answer for a peer asked one by one as in the breakdown', async () => {
    const one = await json<FigureJson>(rectorA, '/api/figures', { school: 'A3' });
    const row = (await bySchool(rectorA)).get('A3')!;
    expect(one.suppressed).toEqual(row.suppressed);
    expect(one.cases_ended).toBeNull();
    expect((one.n as Record<string, unknown>).cases_ended).toBeNull();
  });

  it('sees figures that rest on no cases (meetings, system work) for peers, never suppressed', async () => {
    const a2 = (await bySchool(rectorA)).get('A2')!;
    for (const spec of figureSpecs.filter((s) => s.cases === null)) expect(a2.suppressed, spec.key).not.toContain(spec.key);
    expect(a2.meetings_held).toBe(0);
  });

  it('with a single peer too small to hide among others, the municipality total is hidden', async () => {
    const rows = await bySchool(rectorT);
    expect(rows.get('T1')!.cases_ended).toBe(7);
    expect(rows.get('T2')!.cases_ended).toBeNull();
    const total = await json<FigureJson>(rectorT, '/api/figures', { municipality: 'Tofte' });
    expect(total.cases_ended).toBeNull();
    expect(total.suppressed).toContain('cases_ended');
    expect((await byMunicipality(rectorT)).get('Tofte')!.cases_ended).toBeNull();
  });

  it('sees other municipalities as totals only, suppressed below 5 (Berg: 3 cases), shown at 5 or more (Solvik: 21)', async () => {
    const rows = await byMunicipality(rectorT);
    expect(rows.get('Berg')!.cases_ended).toBeNull();
    expect(rows.get('Solvik')!.cases_ended).toBe(21);
  });
});

describe('a municipality user', () => {
  it('sees every school of their municipality in full', async () => {
    const rows = await bySchool(municipality);
    expect([...rows.keys()].sort()).toEqual(['A1', 'A2', 'A3', 'A4']);
    for (const row of rows.values()) {
      expect(row.suppressed).toEqual([]);
      expect(row.cases_ended).toBe(endedCases[row.school_id as string]);
    }
  });

  it('sees other municipalities suppressed together with the total of all municipalities (Berg 3 hidden, so Tofte 10 too)', async () => {
    const rows = await byMunicipality(municipality);
    expect(rows.get('Solvik')!.suppressed).toEqual([]);
    expect(rows.get('Solvik')!.suppressed_reason).toBeNull();
    expect(rows.get('Berg')!.cases_ended).toBeNull();
    expect(rows.get('Berg')!.suppressed_reason).toBe('small_numbers');
    // all (34) − Solvik (21, the viewer's own) − Tofte would give Berg: Tofte hides too.
    expect(rows.get('Tofte')!.cases_ended).toBeNull();
    expect(rows.get('Tofte')!.suppressed_reason).toBe('small_numbers');
    const all = await json<FigureJson>(municipality, '/api/figures', { total: 'all' });
    expect(all.cases_ended).toBe(34);
  });

  it('sees a level-filtered slice of another municipality with every case-based figure hidden', async () => {
    // Solvik's ungdomsskoler are A4 alone (9 cases): the slice and the total would give away the rest.
    const slice = await json<FigureJson>(rectorT, '/api/figures', { municipality: 'Solvik', level: 'ungdomsskole' });
    for (const spec of figureSpecs) expect(slice.suppressed.includes(spec.key), spec.key).toBe(spec.cases !== null);
    expect(slice.cases_ended).toBeNull();
  });

  it('sees a level filter that covers a whole municipality as that municipality’s total', async () => {
    const rows = new Map((await json(municipality, '/api/figures', { by: 'municipality', level: 'kombinert' })).map((r) => [r.municipality as string, r]));
    const whole = await byMunicipality(municipality);
    for (const m of ['Tofte', 'Berg']) {
      expect(rows.get(m)!.suppressed, m).toEqual(whole.get(m)!.suppressed);
      expect(rows.get(m)!.suppressed_reason, m).toBe('small_numbers');
    }
    expect(rows.get('Tofte')!.meetings_held).toBe(0);
  });
});

describe('suppressed_reason and total=all', () => {
  it('names why: a term outside the scope is whole_school_years_only, the own school keeps it', async () => {
    const rows = await bySchoolFor(rectorA, { from: '2024-08-01', to: '2024-12-31', asOf: '2024-12-31' });
    expect(rows.get('A1')!.cases_ended).toBe(4);
    expect(rows.get('A1')!.suppressed_reason).toBeNull();
    expect(rows.get('A4')!.cases_ended).toBeNull();
    expect(rows.get('A4')!.suppressed_reason).toBe('whole_school_years_only');
  });

  it('a whole school year at another as-of date is whole_school_years_only too', async () => {
    const rows = await bySchoolFor(rectorA, { asOf: '2025-08-01' });
    expect(rows.get('A4')!.cases_ended).toBeNull();
    expect(rows.get('A4')!.suppressed_reason).toBe('whole_school_years_only');
  });

  it('a level slice of another municipality is level_slice; small numbers are small_numbers', async () => {
    // kombinert: Tofte's two schools and Berg's one, a slice of all municipalities.
    const slice = await json<FigureJson>(municipality, '/api/figures', { total: 'all', level: 'kombinert' });
    expect(slice.suppressed_reason).toBe('level_slice');
    expect((await bySchool(rectorA)).get('A2')!.suppressed_reason).toBe('small_numbers');
  });

  it('total=all is every school of every municipality: in full for an admin, 34 for others where safe', async () => {
    const all = await json<FigureJson>(admin, '/api/figures', { total: 'all' });
    expect(all.cases_ended).toBe(34);
    expect(all.suppressed_reason).toBeNull();
    // As rektor-a: A1 known (4); Solvik 21 shown, Berg 3 hidden, Tofte hidden with it; 34 − 21 = 13 = Tofte + Berg.
    expect((await json<FigureJson>(rectorA, '/api/figures', { total: 'all' })).cases_ended).toBe(34);
  });

  it.each<Record<string, string>>([{ school: 'A1' }, { municipality: 'Solvik' }, { by: 'school' }, { by: 'municipality' }])('total=all with %o is a 400', async (extra) => {
    const res = await rectorA.get(`/api/figures?${query({ total: 'all', ...extra })}`);
    expect(res.status).toBe(400);
  });

  it('total other than all is a 400', async () => {
    expect((await rectorA.get(`/api/figures?${query({ total: 'some' })}`)).status).toBe(400);
  });
});

describe('an administrator', () => {
  it('sees everything, nothing suppressed', async () => {
    const rows = await bySchool(admin);
    expect(rows.size).toBe(7);
    for (const row of rows.values()) {
      expect(row.suppressed).toEqual([]);
      expect(row.cases_ended).toBe(endedCases[row.school_id as string]);
    }
  });
});

describe('series', () => {
  it('monthly rows of a peer hide every case-based figure; the own school shows them', async () => {
    const rows = await json(rectorA, '/api/series/monthly', { by: 'school' });
    const november = (id: string) => rows.find((r) => r.school_id === id && r.month === '2024-11')!;
    expect(november('A1').cases_ended).toBe(4);
    expect(november('A4').cases_ended).toBeNull();
    expect(november('A4').suppressed).toContain('cases_ended');
    expect(november('A4').meetings_held).toBe(0);
  });

  it.each(['durations', 'survival'])('%s: a peer is one row of nulls naming every value column; the own school is in full', async (series) => {
    const rows = await json(rectorA, `/api/series/${series}`, { by: 'school' });
    const peer = rows.filter((r) => r.school_id === 'A4');
    expect(peer).toHaveLength(1);
    expect(peer[0]!.suppressed.length).toBeGreaterThan(1);
    for (const column of peer[0]!.suppressed) expect(peer[0]![column]).toBeNull();
    const own = rows.filter((r) => r.school_id === 'A1');
    expect(own.length).toBeGreaterThan(0);
    for (const row of own) expect(row.suppressed).toEqual([]);
  });

  it('durations of the own school add up to its ended cases', async () => {
    const rows = await json(rectorA, '/api/series/durations', { school: 'A1' });
    expect(rows.reduce((n, r) => n + (r.cases as number), 0)).toBe(4);
  });
});

describe('Arrow', () => {
  it('carries the suppressed keys as one comma-joined utf8 column, null where nothing is hidden', async () => {
    const res = await rectorA.get(`/api/figures?${query({ by: 'school', format: 'arrow' })}`);
    const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
    expect(String(table.schema.fields.find((f) => f.name === 'suppressed')!.type)).toBe('Utf8');
    const rows = table.toArray().map((r) => r.toJSON() as Record<string, unknown>);
    const a2 = rows.find((r) => r.school_id === 'A2')!;
    expect(String(a2.suppressed).split(',')).toContain('cases_ended');
    expect(a2.cases_ended).toBeNull();
    expect(rows.find((r) => r.school_id === 'A1')!.suppressed).toBeNull();
    expect(String(table.schema.fields.find((f) => f.name === 'suppressed_reason')!.type)).toBe('Utf8');
    expect(a2.suppressed_reason).toBe('small_numbers');
    expect(rows.find((r) => r.school_id === 'A1')!.suppressed_reason).toBeNull();
  });
});

describe('the threshold is configurable', () => {
  it('with a threshold of 3, a peer with 3 cases is shown and one with 2 is hidden', async () => {
    const low = await startSuppressionFixture({ suppressionThreshold: 3 });
    try {
      const client = await signedInAs(low, 'rektor-t');
      const rows = new Map((await json(client, '/api/figures', { by: 'school' })).map((r) => [r.school_id as string, r]));
      expect(rows.get('T2')!.cases_ended).toBe(3);
      const meta = (await (await client.get('/api/meta')).json()) as { suppression: { threshold: number } };
      expect(meta.suppression.threshold).toBe(3);
    } finally {
      await low.close();
    }
  });
});
