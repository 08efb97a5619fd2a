/**
 * One request cannot stall everyone: against the real app with sign-in, a period longer
 * than ten school years or a monthly series longer than 120 months is refused at once with
 * the reason, a monthly series of more than 3,000 month-rows is refused before it runs,
 * the largest allowed one answers, and another user's request is served by turns while one
 * user's long requests wait.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthSampleApp, type SampleApp } from '../helpers/sampleApp.ts';
import { signedIn, type AuthClient } from './auth/authClient.ts';

let app: SampleApp;
let admin: AuthClient;
let kommune: AuthClient;

beforeAll(async () => {
  // One figure query at a time and no answer cache: these tests order the figure queue
  // itself, and add schools behind the app's back (not through an import it would see).
  app = await startAuthSampleApp({}, { serving: { concurrency: 1, cacheEntries: 0 } });
  admin = await signedIn(app, 'admin');
  kommune = await signedIn(app, 'municipality');
  // Build the figure facts now, so no test below times the first build.
  expect((await admin.get('/api/figures?from=2024-08-01&to=2025-07-31')).status).toBe(200);
});
afterAll(() => app.close());

const query = (q: Record<string, string>) => new URLSearchParams(q).toString();
const tenYears = { from: '2015-08-01', to: '2025-07-31', asOf: '2025-08-01' };

async function timed(client: AuthClient, path: string): Promise<{ status: number; body: unknown; ms: number }> {
  const started = performance.now();
  const res = await client.get(path, { headers: { accept: 'application/json' } });
  const body: unknown = await res.json();
  return { status: res.status, body, ms: performance.now() - started };
}

const periodTooLong = {
  error: 'invalid_parameters',
  details: [{ parameter: 'to', reason: 'period_too_long', message: 'Perioden kan være høyst ti skoleår. Velg en kortere periode.' }],
};

describe('bounded periods', () => {
  it.each(['/api/figures', '/api/series/monthly', '/api/series/durations', '/api/series/survival'])(
    '%s?from=0001-01-01&to=9999-12-31 is refused at once with the reason',
    async (endpoint) => {
      const answer = await timed(admin, `${endpoint}?from=0001-01-01&to=9999-12-31`);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual(periodTooLong);
      expect(answer.ms).toBeLessThan(3000);
    },
  );

  it('ten school years are allowed, one day more is not', async () => {
    expect((await timed(admin, `/api/figures?${query(tenYears)}`)).status).toBe(200);
    const longer = await timed(admin, `/api/figures?${query({ ...tenYears, to: '2025-08-01' })}`);
    expect(longer.status).toBe(400);
    expect(longer.body).toEqual(periodTooLong);
  });

  it('a monthly series is at most 120 months, though the same period is fine for the figures', async () => {
    const period = { from: '2015-08-15', to: '2025-08-14', asOf: '2025-08-14' };
    expect((await timed(admin, `/api/figures?${query(period)}`)).status).toBe(200);
    const monthly = await timed(admin, `/api/series/monthly?${query(period)}`);
    expect(monthly.status).toBe(400);
    expect(monthly.body).toEqual({
      error: 'invalid_parameters',
      details: [{ parameter: 'to', reason: 'too_many_months', message: 'En serie per måned kan være høyst 120 måneder. Velg en kortere periode.' }],
    });
  });

  it.each([
    ['an impossible date', { from: '2025-02-31', to: '2025-03-31' }, { parameter: 'from', message: 'datoen finnes ikke' }],
    ['from after to', { from: '2025-08-01', to: '2025-07-31' }, { parameter: 'to', message: 'fra-datoen må være før eller lik til-datoen' }],
  ])('%s is a 400 naming the parameter', async (_label, params, problem) => {
    const answer = await timed(admin, `/api/series/monthly?${query(params)}`);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: 'invalid_parameters', details: [problem] });
  });
});

describe('the size of a monthly series', () => {
  it('the largest allowed request on the sample data (ten school years by school, 25 schools) answers 3,000 rows, the limit', async () => {
    const answer = await timed(admin, `/api/series/monthly?${query({ ...tenYears, by: 'school' })}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toHaveLength(25 * 120);
  });

  it('more than 3,000 month-rows are refused before they are computed; a narrower scope is fine', async () => {
    // One more school makes 26 × 120 = 3,120 month-rows for ten years by school.
    await app.db.connection.run(`INSERT INTO schools (school_id, school_name, municipality, level)
      SELECT 'extra-' || i, 'Ekstra skole ' || i, 'Lauvåsen', 'barneskole' FROM range(1) t(i)`);
    try {
      const all = await timed(admin, `/api/series/monthly?${query({ ...tenYears, by: 'school' })}`);
      expect(all.status).toBe(400);
      expect(all.body).toEqual({
        error: 'invalid_parameters',
        details: [{ parameter: 'by', reason: 'too_many_rows', message: 'Svaret blir for stort. Velg en kortere periode, én kommune eller ett skolenivå.' }],
      });
      expect(all.ms).toBeLessThan(3000);
      // 25 months × 26 schools = 650 rows; ten years of Fjordvik's 10 schools = 1,200.
      expect((await timed(admin, `/api/series/monthly?${query({ from: '2023-08-01', to: '2025-08-31', by: 'school' })}`)).status).toBe(200);
      expect((await timed(admin, `/api/series/monthly?${query({ ...tenYears, by: 'school', municipality: 'Fjordvik' })}`)).status).toBe(200);
      // A municipality user's scope is their 10 schools: ten years by school is allowed for them.
      const mine = await timed(kommune, `/api/series/monthly?${query({ ...tenYears, by: 'school' })}`);
      expect(mine.status).toBe(200);
      expect(mine.body).toHaveLength(10 * 120);
    } finally {
      await app.db.connection.run(`DELETE FROM schools WHERE school_id LIKE 'extra-%'`);
    }
  });
});

describe('the number of curves', () => {
  it('survival and duration series by school are refused over 400 schools, before they are computed', async () => {
    // 376 more schools make 401.
    await app.db.connection.run(`INSERT INTO schools (school_id, school_name, municipality, level)
      SELECT 'extra-' || i, 'Ekstra skole ' || i, 'Lauvåsen', 'barneskole' FROM range(376) t(i)`);
    try {
      for (const endpoint of ['/api/series/survival', '/api/series/durations']) {
        const all = await timed(admin, `${endpoint}?${query({ ...tenYears, by: 'school' })}`);
        expect(all.status, endpoint).toBe(400);
        expect(all.body).toMatchObject({ details: [{ parameter: 'by', reason: 'too_many_rows' }] });
        expect((await timed(admin, `${endpoint}?${query({ ...tenYears, by: 'school', municipality: 'Fjordvik' })}`)).status).toBe(200);
        expect((await timed(admin, `${endpoint}?${query({ ...tenYears, by: 'municipality' })}`)).status).toBe(200);
      }
    } finally {
      await app.db.connection.run(`DELETE FROM schools WHERE school_id LIKE 'extra-%'`);
    }
  });
});

describe('one user cannot make the others wait', () => {
  it('the unbounded request is refused at once while another user is answered promptly', async () => {
    const [unbounded, normal] = await Promise.all([
      timed(admin, '/api/series/monthly?from=0001-01-01&to=9999-12-31'),
      timed(kommune, `/api/figures?${query({ from: '2024-08-01', to: '2025-07-31', asOf: '2025-08-01' })}`),
    ]);
    // Unbounded, the series took 60 s on the sample data and the other user waited behind it.
    // The limits are generous so a loaded machine does not fail the test.
    expect(unbounded.status).toBe(400);
    expect(unbounded.ms).toBeLessThan(5000);
    expect(normal.status).toBe(200);
    expect(normal.ms).toBeLessThan(10_000);
  });

  it('another user is served by turns, not behind all of one user’s long requests', async () => {
    const done: string[] = [];
    // Long requests (ten school years by school: 120 months × 25 schools), all sent at once.
    const long = `/api/series/monthly?${query({ from: '2016-08-01', to: '2026-07-31', by: 'school' })}`;
    const finished = (name: string) => (answer: Awaited<ReturnType<typeof timed>>) => {
      done.push(name);
      return answer;
    };
    const admins = [1, 2, 3, 4, 5, 6].map((i) => timed(admin, long).then(finished(`admin ${i}`)));
    // Kommune asks as soon as the first answer is back: the third to sixth admin requests are
    // then waiting (the second is running, or about to start). By turns, kommune goes before
    // them: second, or third when its request reaches the queue only after the second admin
    // request has finished (a busy machine). First come, first served would put it behind
    // them all: sixth or seventh (fifth at the earliest, if an admin request arrived late).
    await Promise.race(admins);
    const other = timed(kommune, `/api/figures?${query({ from: '2024-08-01', to: '2025-07-31', asOf: '2025-08-01' })}`).then(finished('kommune'));
    const answers = await Promise.all([...admins, other]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200, 200]);
    expect(done.indexOf('kommune')).toBeLessThanOrEqual(3);
  });
});
