import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSampleApp, type SampleApp } from '../helpers/sampleApp.ts';

let app: SampleApp;
beforeAll(async () => {
  app = await startSampleApp();
});
afterAll(() => app.close());

describe('health, meta and unknown paths', () => {
  it('GET /api/health reports ok and the number of schools', async () => {
    const res = await fetch(`${app.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', schools: 25 });
  });

  it('GET /api/meta lists schools, municipalities, the data span and every figure definition', async () => {
    const body = await (await fetch(`${app.url}/api/meta`)).json();
    expect(body.schools).toHaveLength(25);
    expect(body.municipalities).toHaveLength(4);
    expect(body.span.first_date <= '2024-08-31').toBe(true);
    expect(body.asOf).toBe('2026-11-23');
    expect(body.figures.map((f: { key: string }) => f.key)).toContain('km_median_days');
    // The deviation figures come apart, for a view of their own.
    expect(body.figures.map((f: { key: string }) => f.key)).not.toContain('deviations_reported');
    expect(body.deviation_figures.map((f: { key: string }) => f.key)).toEqual([
      'deviations_reported', 'deviations_of_principle', 'deviations_escalated', 'deviations_open', 'deviations_answer_overdue', 'deviation_days_to_resolve_median',
    ]);
    expect(body.figures[0].definition).toMatch(/møter/);
    // Pupils and staff from the schools file, for figures per pupil and per 10 staff (sample-data/schools.csv).
    expect(body.schools.find((s: { school_id: string }) => s.school_id === '990010014')).toMatchObject({ school_name: 'Havblikk skole', students: 420, staff: 41 });
  });

  it('an unknown API path is a JSON 404', async () => {
    const res = await fetch(`${app.url}/api/nothing-here`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/json');
  });
});
