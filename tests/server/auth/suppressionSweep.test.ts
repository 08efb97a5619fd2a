/**
 * The suppression rules as invariants over the sample data, month by month, as the demo
 * rector sees Fjordvik: no peer figure shown from fewer than 5 cases, and no hidden peer
 * recomputable from the municipality total and the visible schools.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figureSpecs, suppressionUnits } from '../../../etl/figures/index.ts';
import { startAuthSampleApp, type SampleApp } from '../../helpers/sampleApp.ts';
import { signedIn, type AuthClient } from './authClient.ts';

type Row = Record<string, unknown> & { suppressed: string[] };

const own = '990010014';
const months = ['2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'];
const lastDay = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 0)).toISOString().slice(0, 10);

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
  return (await (await client.get(`/api/figures?${new URLSearchParams({ asOf: '2025-08-01', ...params })}`)).json()) as T;
}

/** Units with their own n column (n_<unit>), which the rows carry. */
const unitsWithColumn = suppressionUnits.filter((u) => u.bases.includes(u.base)).map((u) => u.base);

describe.each(months)('Fjordvik as the rector sees it in %s', (month) => {
  const period = { from: `${month}-01`, to: lastDay(month) };
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
    for (const row of shown) {
      const full = truth.get(row.school_id as string)!;
      for (const spec of figureSpecs.filter((s) => s.cases)) {
        if (!row.suppressed.includes(spec.key)) expect(full[`n_${spec.cases}`] as number, `${row.school_id} ${spec.key}`).toBeGreaterThanOrEqual(5);
        else if ((full[`n_${spec.cases}`] as number) >= 5) secondaryHides++;
      }
    }
  });

  it('the municipality total minus the visible schools never isolates one hidden school, nor fewer than 5 cases', () => {
    const ownRow = truth.get(own)!;
    for (const unit of unitsWithColumn) {
      const column = `n_${unit}`;
      if (total[column] === null) continue;
      const hidden = shown.filter((r) => r[column] === null);
      if (hidden.length === 0) continue;
      const visibleSum = shown.filter((r) => r[column] !== null).reduce((n, r) => n + (r[column] as number), 0);
      const remainder = (total[column] as number) - (ownRow[column] as number) - visibleSum;
      expect(hidden.length, `${month} ${column}`).toBeGreaterThanOrEqual(2);
      expect(remainder, `${month} ${column}`).toBeGreaterThanOrEqual(5);
    }
  });
});

describe('the sweep', () => {
  it('met secondary suppression at least once (the test is not vacuous)', () => {
    expect(secondaryHides).toBeGreaterThan(0);
  });
});
