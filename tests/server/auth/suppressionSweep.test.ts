/**
 * The suppression rules as invariants over the sample data, as the demo rector sees
 * Fjordvik: for each whole school year (and both together) no peer figure is shown from fewer
 * than 5 cases, no rate or median without the n it rests on, and no hidden peer can be
 * recomputed from the municipality total and the visible schools; for each month (the
 * issue's rate example was a month, by school) no case-based figure of a peer at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figureSpecs } from '../../../etl/figures/index.ts';
import { startAuthSampleApp, type SampleApp } from '../../helpers/sampleApp.ts';
import { signedIn, type AuthClient } from './authClient.ts';

type Row = Record<string, unknown> & { suppressed: string[]; suppressed_reason: string | null };

const own = '990010014';
const schoolYears = [
  { from: '2024-08-01', to: '2025-07-31', asOf: '2025-07-31' },
  { from: '2025-08-01', to: '2026-07-31', asOf: '2026-07-31' },
  { from: '2024-08-01', to: '2026-07-31', asOf: '2026-07-31' },
];
const months = Array.from({ length: 24 }, (_, i) => `${2024 + Math.floor((i + 7) / 12)}-${String(((i + 7) % 12) + 1).padStart(2, '0')}`);
const lastDay = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 0)).toISOString().slice(0, 10);

/** Each unit's own count column (hand-written): the one the remainder must not isolate. */
const unitColumns = ['n_individual_cases', 'n_individual_cases_discussed', 'n_individual_cases_with_measures', 'n_cases_ended', 'n_km_cases', 'n_open_cases', 'n_consent_cases', 'n_individual_cases_with_evaluations_due'];
/** Rates and medians and the n they rest on (hand-written). */
const nOfFigure: Record<string, string> = {
  tested_before_ppt_referral_rate: 'n_cases_referred_ppt',
  days_to_end_median: 'n_cases_ended',
  days_to_end_p90: 'n_cases_ended',
  km_median_days: 'n_km_cases',
  consent_before_discussion_rate: 'n_consent_cases',
  evaluation_on_time_rate: 'n_evaluations_due',
};

let app: SampleApp;
let rector: AuthClient;
let admin: AuthClient;
let secondaryHides = 0;

beforeAll(async () => {
  app = await startAuthSampleApp();
  rector = await signedIn(app, 'rector');
  admin = await signedIn(app, 'admin');
});
afterAll(() => app.close());

async function get<T>(client: AuthClient, params: Record<string, string>): Promise<T> {
  const res = await client.get(`/api/figures?${new URLSearchParams(params)}`);
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

describe.each(schoolYears)('Fjordvik as the rector sees it, $from – $to', (period) => {
  let shown: Row[];
  let truth: Map<string, Row>;
  let total: Row;

  beforeAll(async () => {
    shown = (await get<Row[]>(rector, { ...period, by: 'school' })).filter((r) => r.school_id !== own);
    truth = new Map((await get<Row[]>(admin, { ...period, by: 'school', municipality: 'Fjordvik' })).map((r) => [r.school_id as string, r]));
    const flat = await get<Row & { n: Record<string, number | null> }>(rector, { ...period, municipality: 'Fjordvik' });
    total = { ...flat, ...Object.fromEntries(Object.entries(flat.n).map(([k, v]) => [`n_${k}`, v])) };
  });

  it('no figure of a peer school is shown from fewer than 5 individual-part cases', () => {
    expect(shown.length).toBeGreaterThan(2);
    for (const row of shown) {
      const full = truth.get(row.school_id as string)!;
      for (const spec of figureSpecs.filter((s) => s.cases)) {
        if (!row.suppressed.includes(spec.key)) expect(full[`n_${spec.cases}`] as number, `${row.school_id} ${spec.key}`).toBeGreaterThanOrEqual(5);
        else if ((full[`n_${spec.cases}`] as number) >= 5) secondaryHides++;
      }
      if (row.suppressed.length) expect(row.suppressed_reason).toBe('small_numbers');
    }
  });

  it('no rate or median of a peer is shown while the n it rests on is hidden', () => {
    for (const row of shown) {
      for (const [figure, n] of Object.entries(nOfFigure)) if (row[figure] !== null) expect(row[n], `${row.school_id} ${figure}`).not.toBeNull();
    }
  });

  it('the municipality total minus the visible schools never isolates one hidden school, nor fewer than 5 cases', () => {
    const ownRow = truth.get(own)!;
    for (const column of unitColumns) {
      if (total[column] === null) continue;
      const hidden = shown.filter((r) => r[column] === null);
      if (hidden.length === 0) continue;
      const visibleSum = shown.filter((r) => r[column] !== null).reduce((n, r) => n + (r[column] as number), 0);
      const remainder = (total[column] as number) - (ownRow[column] as number) - visibleSum;
      expect(hidden.length, column).toBeGreaterThanOrEqual(2);
      expect(remainder, column).toBeGreaterThanOrEqual(5);
    }
  });
});

describe('months', () => {
  it.each(months)('%s: no case-based figure of a peer, each hidden as whole_school_years_only; the own school in full', async (month) => {
    const period = { from: `${month}-01`, to: lastDay(month) };
    const rows = await get<Row[]>(rector, { ...period, asOf: period.to, by: 'school' });
    for (const row of rows) {
      if (row.school_id === own) {
        expect(row.suppressed).toEqual([]);
        continue;
      }
      for (const spec of figureSpecs.filter((s) => s.cases)) expect(row[spec.key], `${row.school_id} ${spec.key}`).toBeNull();
      expect(row.tested_before_ppt_referral_rate).toBeNull();
      expect(row.suppressed_reason).toBe('whole_school_years_only');
    }
  });
});

describe('the sweep', () => {
  it('met secondary suppression at least once (the test is not vacuous)', () => {
    expect(secondaryHides).toBeGreaterThan(0);
  });
});
