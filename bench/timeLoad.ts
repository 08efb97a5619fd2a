/**
 * The load benchmark: 100 dashboard users at once (autocannon, 100 connections for 30 s)
 * against the real app on the national database, signed in as an administrator through
 * POST /api/session like the dashboard. Every request is one of the overview's API calls
 * (the schools table and bars, the municipality total, the monthly series, the durations,
 * survival and incidence — Arrow where the dashboard asks for Arrow) for a municipality,
 * taken in turn over every municipality, so most answers are not in the cache yet. Measured
 * once alone and once while the same files are imported again beside the app (one batch,
 * one transaction, as `etl import` does); when it commits, the app's data version moves, so
 * the cached answers are left behind as after an import through the app.
 * `load_errors` counts connection errors, timeouts (10 s) and every answer other than 2xx
 * (a 503 from a full queue included).
 */
import type { AddressInfo } from 'node:net';
import autocannon, { type Result } from 'autocannon';
import type { DuckDBInstance } from '@duckdb/node-api';
import { generatePassword, hashPassword } from '../etl/accounts/passwordHash.ts';
import { addUser, findAccount } from '../etl/accounts/userStore.ts';
import { ensureFigureFacts } from '../etl/figures/index.ts';
import { importBatch } from '../etl/load/importBatch.ts';
import { pseudonymKey } from '../etl/load/pseudonymKey.ts';
import { importCounter } from '../server/cache/dataVersion.ts';
import { createApp } from '../server/createApp.ts';
import { withConnection } from '../server/withConnection.ts';
import { benchYear } from './timeFigures.ts';

export interface LoadOptions {
  readonly connections: number;
  readonly seconds: number;
  /** False: only the run alone (the during-import numbers are then 0); a quick before/after on a busy machine. */
  readonly duringImport?: boolean;
}

export interface LoadResult {
  readonly load_rps: number;
  readonly load_p50_ms: number;
  readonly load_p99_ms: number;
  readonly load_errors: number;
  readonly load_p99_during_import_ms: number;
  readonly load_errors_during_import: number;
  readonly load_import_s: number;
}

const arrow = { accept: 'application/vnd.apache.arrow.stream' };
const json = { accept: 'application/json' };

/** The overview's calls for one municipality, with the query as the dashboard builds it (keys sorted). */
function overviewRequests(municipality: string): Array<{ path: string; headers: Record<string, string> }> {
  const q = (extra: Record<string, string> = {}) =>
    new URLSearchParams(Object.entries({ asOf: benchYear.asOf, from: benchYear.from, municipality, to: benchYear.to, ...extra }).sort(([a], [b]) => (a < b ? -1 : 1))).toString();
  return [
    { path: `/api/figures?${q({ by: 'school' })}`, headers: arrow },
    { path: `/api/figures?${q()}`, headers: json },
    { path: `/api/series/monthly?${q()}`, headers: arrow },
    { path: `/api/series/durations?${q()}`, headers: arrow },
    { path: `/api/series/survival?${q()}`, headers: arrow },
  ];
}

/** Makes a bench administrator and signs in over HTTP; the Cookie header of the session. */
async function signIn(instance: DuckDBInstance, url: string): Promise<string> {
  const username = 'bench-admin';
  const password = generatePassword();
  await withConnection(instance, async (conn) => {
    if (!(await findAccount(conn, username))) await addUser(conn, { username, role: 'admin' }, await hashPassword(password), new Date());
    else await conn.run(`UPDATE users SET password_hash = $h WHERE username = $u`, { h: await hashPassword(password), u: username });
  });
  const first = await fetch(`${url}/api/health`);
  const csrf = /rt_csrf=([^;]+)/.exec(first.headers.getSetCookie().join(';'))![1]!;
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `rt_csrf=${csrf}`, 'x-csrf-token': csrf },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`bench sign-in answered ${res.status}`);
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  return session.join('; ');
}

async function municipalities(instance: DuckDBInstance): Promise<string[]> {
  return withConnection(instance, async (conn) => (await conn.runAndReadAll('SELECT DISTINCT municipality FROM schools ORDER BY municipality')).getRows().map((r) => String(r[0])));
}

function run(url: string, cookie: string, targets: ReturnType<typeof overviewRequests>, options: LoadOptions): Promise<Result> {
  let next = 0;
  return autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    headers: { cookie, 'accept-encoding': 'br, gzip' },
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          const target = targets[next++ % targets.length]!;
          return { ...request, path: target.path, headers: { ...request.headers, ...target.headers } };
        },
      },
    ],
  });
}

// autocannon counts a timeout in `errors` too (lib/run.js, onTimeout): adding `timeouts` counted each twice.
const failures = (r: Result) => r.errors + r.non2xx;

/** What the failures were: the number alone does not say whether to look at the queue, the clock or the code. */
function failureKinds(r: Result): string {
  const statuses = Object.entries(r.statusCodeStats ?? {})
    .filter(([status]) => !status.startsWith('2'))
    .map(([status, { count }]) => `${status}: ${count}`);
  return [`tidsavbrudd ${r.timeouts}`, `forbindelsesfeil ${r.errors - r.timeouts}`, ...statuses].join(', ');
}

export async function timeLoad(instance: DuckDBInstance, importFiles: readonly string[], options: LoadOptions, log: (line: string) => void): Promise<LoadResult> {
  const conn = await instance.connect();
  await ensureFigureFacts(conn);
  conn.closeSync();
  // The import below runs beside the app, not through POST /api/imports: it moves the app's
  // data version when it commits, as an import through the app would.
  const imports = importCounter();
  const app = createApp({ instance, today: () => '2026-11-23', dataVersion: imports.version });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const cookie = await signIn(instance, url);
    const all = await municipalities(instance);
    // Municipality after municipality, each with the overview's five calls.
    const targets = all.flatMap(overviewRequests);
    log(`Last: ${options.connections} forbindelser i ${options.seconds} s over ${all.length} kommuner …`);
    const alone = await run(url, cookie, targets, options);
    log(`  ${alone.requests.average.toFixed(1)} req/s, p50 ${alone.latency.p50} ms, p99 ${alone.latency.p99} ms, feil ${failures(alone)} (${failureKinds(alone)})`);

    if (options.duringImport === false) {
      return { load_rps: alone.requests.average, load_p50_ms: alone.latency.p50, load_p99_ms: alone.latency.p99, load_errors: failures(alone), load_p99_during_import_ms: 0, load_errors_during_import: 0, load_import_s: 0 };
    }
    log('Last mens en import i nasjonal skala kjører …');
    const started = performance.now();
    const importing = withConnection(instance, (c) => importBatch(c, importFiles, { key: pseudonymKey(Buffer.alloc(32, 1)) })).then(() => {
      imports.imported();
      return (performance.now() - started) / 1000;
    });
    const during = await run(url, cookie, targets, options);
    const importSeconds = await importing;
    log(`  p99 ${during.latency.p99} ms, feil ${failures(during)} (${failureKinds(during)}; importen tok ${importSeconds.toFixed(1)} s${importSeconds < options.seconds ? ', kortere enn målingen' : ''})`);
    return {
      load_rps: alone.requests.average,
      load_p50_ms: alone.latency.p50,
      load_p99_ms: alone.latency.p99,
      load_errors: failures(alone),
      load_p99_during_import_ms: during.latency.p99,
      load_errors_during_import: failures(during),
      load_import_s: importSeconds,
    };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}
