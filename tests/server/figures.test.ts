import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeFigures, computeFiguresBy, figureKeys, type FigureQuery } from '../../etl/figures/index.ts';
import { startSampleApp, type SampleApp } from '../helpers/sampleApp.ts';

let app: SampleApp;
beforeAll(async () => {
  app = await startSampleApp();
});
afterAll(() => app.close());

const period = { from: '2024-08-01', to: '2025-07-31', asOf: '2025-08-01' };
const query = (q: Record<string, string>) => new URLSearchParams(q).toString();
const base: FigureQuery = { ...period, allowedSchools: null };

describe('GET /api/figures', () => {
  it('answers every key for the scope, equal to computeFigures', async () => {
    const res = await fetch(`${app.url}/api/figures?${query(period)}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    const expected = await computeFigures(app.db.connection, base);
    for (const key of figureKeys) expect(body[key], key).toEqual(expected[key]);
    expect(body.meetings_held).toBeGreaterThan(0);
  });

  it('breaks down by municipality as JSON rows with the same numbers as computeFiguresBy', async () => {
    const res = await fetch(`${app.url}/api/figures?${query({ ...period, by: 'municipality' })}`);
    const rows = (await res.json()) as Array<Record<string, unknown>>;
    const expected = await computeFiguresBy(app.db.connection, { ...base, by: 'municipality' }, 'municipality');
    expect(rows.map((r) => r.municipality)).toEqual(expected.map((r) => r.municipality));
    expect(rows[0]!.km_median_days).toEqual(expected[0]!.km_median_days);
    expect(rows[0]!.n_meetings_held).toEqual(expected[0]!.n.meetings_held);
  });

  it('answers an Arrow IPC stream with explicitly typed columns when asked', async () => {
    const res = await fetch(`${app.url}/api/figures?${query({ ...period, by: 'school' })}`, {
      headers: { Accept: 'application/vnd.apache.arrow.stream' },
    });
    expect(res.headers.get('content-type')).toContain('application/vnd.apache.arrow.stream');
    const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
    const expected = await computeFiguresBy(app.db.connection, { ...base, by: 'school' }, 'school');
    expect(table.numRows).toBe(expected.length);
    expect(String(table.schema.fields.find((f) => f.name === 'school_name')!.type)).toBe('Utf8');
    expect(String(table.schema.fields.find((f) => f.name === 'minutes_rate')!.type)).toBe('Float64');
    expect(table.getChild('minutes_rate')!.get(0)).toEqual(expected[0]!.minutes_rate);
  });

  it('answers the deviation figures of 4d, deviations_by_agency as an object, equal to computeFigures', async () => {
    const body = await (await fetch(`${app.url}/api/figures?${query(period)}`)).json();
    const expected = await computeFigures(app.db.connection, base);
    expect(body.deviations_by_agency).toEqual(expected.deviations_by_agency);
    expect(body.deviations_reported).toBeGreaterThan(0);
    // Every reported deviation names the school or two other agencies: the school's count is at most all of them.
    const counts = Object.values(body.deviations_by_agency as Record<string, number>);
    expect(counts.every((n) => n > 0 && n <= body.deviations_reported)).toBe(true);
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(2 * body.deviations_reported);
  });

  it('carries deviations_by_agency in every `by` row (an object in JSON, JSON text in Arrow)', async () => {
    const rows = (await (await fetch(`${app.url}/api/figures?${query({ ...period, by: 'municipality' })}`)).json()) as Array<Record<string, unknown>>;
    const expected = await computeFiguresBy(app.db.connection, { ...base, by: 'municipality' }, 'municipality');
    expect(rows.map((r) => [r.municipality, r.deviations_reported, r.deviations_by_agency])).toEqual(
      expected.map((r) => [r.municipality, r.deviations_reported, r.deviations_by_agency]),
    );
    const res = await fetch(`${app.url}/api/figures?${query({ ...period, by: 'municipality', format: 'arrow' })}`);
    const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
    expect(String(table.schema.fields.find((f) => f.name === 'deviations_by_agency')!.type)).toBe('Utf8');
    expect(JSON.parse(table.getChild('deviations_by_agency')!.get(0) as string)).toEqual(expected[0]!.deviations_by_agency);
  });

  it('scopes to one school', async () => {
    const schools = await computeFiguresBy(app.db.connection, { ...base, by: 'school' }, 'school');
    const one = schools[3]!;
    const res = await fetch(`${app.url}/api/figures?${query({ ...period, school: one.school_id })}`);
    const body = await res.json();
    expect(body.meetings_held).toBe(one.meetings_held);
    expect(body.cases_ended).toBe(one.cases_ended);
  });

  it.each([
    ['missing dates', {}],
    ['an impossible date', { from: '2025-02-31', to: '2025-03-31' }],
    ['from after to', { from: '2025-08-01', to: '2025-07-31' }],
    ['an unknown breakdown', { ...period, by: 'county' }],
    ['an unknown parameter', { ...period, drop: 'table' }],
    ['an unknown level', { ...period, level: 'videregaende' }],
  ])('refuses %s with 400 and names the parameter', async (_label, params) => {
    const res = await fetch(`${app.url}/api/figures?${query(params as Record<string, string>)}`);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toBe('invalid_parameters');
    expect(Array.isArray(body.details)).toBe(true);
  });

  it('refuses a repeated parameter instead of guessing', async () => {
    const res = await fetch(`${app.url}/api/figures?from=2024-08-01&from=2024-09-01&to=2025-07-31`);
    expect(res.status).toBe(400);
  });
});

describe('series endpoints', () => {
  it('monthly series has one row per month of the period', async () => {
    const res = await fetch(`${app.url}/api/series/monthly?${query(period)}`);
    const rows = (await res.json()) as Array<{ month: string; meetings_held: number }>;
    expect(rows.map((r) => r.month)).toEqual([
      '2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2025-01',
      '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07',
    ]);
    const total = await computeFigures(app.db.connection, base);
    expect(rows.reduce((n, r) => n + r.meetings_held, 0)).toBe(total.meetings_held);
  });

  it('durations count every ended case once', async () => {
    const res = await fetch(`${app.url}/api/series/durations?${query(period)}`);
    const rows = (await res.json()) as Array<{ cases: number }>;
    const total = await computeFigures(app.db.connection, base);
    expect(rows.reduce((n, r) => n + r.cases, 0)).toBe(total.cases_ended);
  });

  it('survival curve starts below 1 and cumulative incidences plus survival sum to 1', async () => {
    const res = await fetch(`${app.url}/api/series/survival?${query(period)}`);
    const rows = (await res.json()) as Array<Record<string, number>>;
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      expect(r.survival! + r.cif_resolved! + r.cif_referred_ppt! + r.cif_referred_other!).toBeCloseTo(1, 9);
    }
  });
});
