/**
 * The load benchmark: 100 dashboard users at once (autocannon, 100 connections for 30 s)
 * against the real app on the national database, signed in as an administrator through
 * POST /api/session like the dashboard. Every request is one of the six calls the overview
 * makes when it opens (server/cache/overviewUrls.ts: the schools' table, the scope's
 * figures, the monthly series per school and in all, the durations, survival and incidence,
 * as JSON, in the default period) for a municipality, taken in turn over every municipality.
 * The app runs as `npm start` runs it, with the answer warmer (server/cache/AnswerWarmer.ts):
 * the load starts once the warmer's first pass is done (`load_warm_s` says how long it took,
 * the two cores doing nothing else). Measured once alone and once while the same files are
 * imported again beside the app (one batch, one transaction, as `etl import` does): readers
 * keep the old answers while it runs; when it commits, the app's data version moves, the
 * kept answers are left behind and the warmer starts again.
 * `load_errors` counts connection errors, timeouts (10 s) and every answer other than 2xx
 * (a 503 from a full queue included).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type Result } from 'autocannon';
import type { DuckDBInstance } from '@duckdb/node-api';
import { generatePassword, hashPassword } from '../etl/accounts/passwordHash.ts';
import { addUser, findAccount } from '../etl/accounts/userStore.ts';
import { ensureFigureFacts } from '../etl/figures/index.ts';
import { importBatch } from '../etl/load/importBatch.ts';
import { pseudonymKey } from '../etl/load/pseudonymKey.ts';
import { importCounter } from '../server/cache/dataVersion.ts';
import { AnswerWarmer } from '../server/cache/AnswerWarmer.ts';
import { overviewUrls } from '../server/cache/overviewUrls.ts';
import type { StartMeta } from '../server/cache/startViewUrls.ts';
import { createApp } from '../server/createApp.ts';
import { withConnection } from '../server/withConnection.ts';

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
  /** The warmer's first pass: seconds, and answers computed. */
  readonly load_warm_s: number;
  readonly load_warm_answers: number;
}

const json = { accept: 'application/json' };

/** The overview's calls for every municipality, as the dashboard makes them for this viewer's default period. */
async function overviewTargets(url: string, cookie: string): Promise<Array<{ path: string; headers: Record<string, string> }>> {
  const meta = (await (await fetch(`${url}/api/meta?form=columns`, { headers: { cookie, ...json } })).json()) as StartMeta;
  return meta.municipalities.flatMap((m) => overviewUrls(meta.span, meta.asOf, m)).map((path) => ({ path, headers: json }));
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

/**
 * The client runs in a worker thread (loadTarget.cjs takes the targets in turn): on the
 * server's own event loop, parsing the 100 connections' answers took a third of the time a
 * kept answer costs, which real users' browsers do not take from the server.
 */
function run(url: string, cookie: string, targetsFile: string, options: LoadOptions): Promise<Result> {
  process.env.RT_LOAD_TARGETS = targetsFile;
  return autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    workers: 1,
    headers: { cookie, 'accept-encoding': 'br, gzip' },
    requests: [{ method: 'GET', setupRequest: fileURLToPath(new URL('./loadTarget.cjs', import.meta.url)) }],
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
  const warmer = new AnswerWarmer();
  const app = createApp({ instance, today: () => '2026-11-23', dataVersion: imports.version, warmer });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    log('Forvarmer oversiktens svar …');
    await warmer.settled();
    const warm = warmer.passes.at(-1)!;
    log(`  ${warm.answers} svar på ${warm.seconds.toFixed(1)} s (hurtigbufferen: ${warm.cache.answers} svar, ${(warm.cache.bytes / 1e6).toFixed(1)} MB)${warm.stopped ? ` (stoppet: ${warm.stopped})` : ''}${warm.failed ? `, ${warm.failed} feilet` : ''}`);
    const cookie = await signIn(instance, url);
    // Municipality after municipality, each with the overview's six calls.
    const targets = await overviewTargets(url, cookie);
    const targetsFile = join(mkdtempSync(join(tmpdir(), 'rt-load-')), 'targets.json');
    writeFileSync(targetsFile, JSON.stringify(targets));
    log(`Last: ${options.connections} forbindelser i ${options.seconds} s over ${targets.length / 6} kommuner …`);
    const alone = await run(url, cookie, targetsFile, options);
    log(`  ${alone.requests.average.toFixed(1)} req/s, p50 ${alone.latency.p50} ms, p99 ${alone.latency.p99} ms, feil ${failures(alone)} (${failureKinds(alone)})`);

    if (options.duringImport === false) {
      rmSync(dirname(targetsFile), { recursive: true, force: true });
      return { load_rps: alone.requests.average, load_p50_ms: alone.latency.p50, load_p99_ms: alone.latency.p99, load_errors: failures(alone), load_p99_during_import_ms: 0, load_errors_during_import: 0, load_import_s: 0, load_warm_s: warm.seconds, load_warm_answers: warm.answers };
    }
    log('Last mens en import i nasjonal skala kjører …');
    const started = performance.now();
    const importing = withConnection(instance, (c) => importBatch(c, importFiles, { key: pseudonymKey(Buffer.alloc(32, 1)) })).then(() => {
      imports.imported();
      return (performance.now() - started) / 1000;
    });
    const during = await run(url, cookie, targetsFile, options);
    const importSeconds = await importing;
    rmSync(dirname(targetsFile), { recursive: true, force: true });
    log(`  p99 ${during.latency.p99} ms, feil ${failures(during)} (${failureKinds(during)}; importen tok ${importSeconds.toFixed(1)} s${importSeconds < options.seconds ? ', kortere enn målingen' : ''})`);
    return {
      load_rps: alone.requests.average,
      load_p50_ms: alone.latency.p50,
      load_p99_ms: alone.latency.p99,
      load_errors: failures(alone),
      load_p99_during_import_ms: during.latency.p99,
      load_errors_during_import: failures(during),
      load_import_s: importSeconds,
      load_warm_s: warm.seconds,
      load_warm_answers: warm.answers,
    };
  } finally {
    await warmer.stop();
    await new Promise((resolve) => server.close(resolve));
  }
}
