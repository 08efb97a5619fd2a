/**
 * The server killed (SIGKILL, a separate process) at seeded random moments during ten HTTP
 * uploads: after each restart the database holds the whole batch or none of it (its cases,
 * its quarantined rows and its history row together), opens, and answers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../etl/db/defaultPaths.ts';
import { openDatabase } from '../../etl/db/openDatabase.ts';
import { importBatch } from '../../etl/load/importBatch.ts';
import { pseudonymKey } from '../../etl/load/pseudonymKey.ts';
import { makeTempDir, removeTempDirs } from '../helpers/tempDir.ts';
import { writeText } from '../helpers/writeCsv.ts';
import { AuthClient } from './auth/authClient.ts';

const dir = makeTempDir('rt-killserver-');
const dbPath = join(dir, 'kill.duckdb');
const rounds = 10;
const rowsPerUpload = 5_000;
/** Every 10th row names an unknown school: each batch also writes quarantine rows. */
const rejectedPerUpload = rowsPerUpload / 10;

interface ServerState {
  cases: Record<string, number>;
  quarantine: Record<string, number>;
  batches: Array<{ batch_id: number; rows_read: number; rejected: number }>;
}

/** mulberry32: a small seeded generator, so the kill moments are the same on every run. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * importServer.ts bundled once, as `npm run etl` runs the command line (etl/launchCli.mjs):
 * the same code, but each of the eleven starts is plain Node instead of tsx compiling every
 * module again (about 3 s of CPU a start on a busy two-core machine, a fifth of that from
 * the bundle). Two folders below the project root, so projectRoot and node_modules resolve
 * as from the source.
 */
const bundleDir = join(projectRoot, 'dist', `test-importKill-${process.pid}`);
const serverBundle = join(bundleDir, 'importServer.mjs');
function bundleServer(): void {
  mkdirSync(bundleDir, { recursive: true });
  buildSync({
    entryPoints: [resolve(projectRoot, 'tests/helpers/importServer.ts')],
    absWorkingDir: projectRoot,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: serverBundle,
    logLevel: 'warning',
  });
}

function startServer(): Promise<{ child: ChildProcess; url: string; state: ServerState }> {
  const child = spawn(process.execPath, [serverBundle, dbPath], {
    cwd: projectRoot,
    env: { ...process.env, TMPDIR: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((done, fail) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /^READY (\d+) (.*)$/m.exec(out);
      if (m) done({ child, url: `http://127.0.0.1:${m[1]}`, state: JSON.parse(m[2]!) });
    });
    child.on('exit', (code) => fail(new Error(`server exited (${code}) before it was ready: ${err}`)));
  });
}

function casesFile(round: number): string {
  const lines = ['case_id,school_id,kind,first_concern_date,grade'];
  for (let i = 0; i < rowsPerUpload; i++) lines.push(`R${round}-${i},${i % 10 === 9 ? '999999999' : '980000001'},individual,2024-09-01,${1 + (i % 10)}`);
  return lines.join('\n') + '\n';
}

const outcomes: Array<{ round: number; delayMs: number; answered: number | null; loaded: boolean }> = [];
let finalState: ServerState;

beforeAll(async () => {
  bundleServer();
  const db = await openDatabase(dbPath);
  await importBatch(db.connection, [writeText(dir, 'skoler.csv', 'skole_id;skolenavn;kommune\n980000001;Lyngheia skole;Fjellbygd\n')], { key: pseudonymKey(Buffer.alloc(32, 5)) });
  db.close();
  const random = seeded(13);
  let server = await startServer();
  // How long an upload takes on this machine: the kill moments are spread over 0–2.5 times it (a fresh server answers its first upload slower).
  let uploadMs = 0;
  for (let round = 1; round <= rounds; round++) {
    const client = new AuthClient(server.url);
    await client.visit();
    const started = performance.now();
    // Round 1 measures (killed only once answered); the others die at a seeded moment.
    const delayMs = round === 1 ? 0 : Math.floor(random() * 2.5 * uploadMs);
    let answered: number | null = null;
    const upload = client
      .request('POST', `/api/imports?filename=runde-${round}.csv`, { body: casesFile(round), headers: { 'content-type': 'text/csv' } })
      .then((res) => (answered = res.status))
      .catch(() => undefined);
    if (round === 1) {
      await upload;
      uploadMs = performance.now() - started;
    } else await new Promise((r) => setTimeout(r, delayMs));
    const exited = new Promise((r) => server.child.on('exit', r));
    server.child.kill('SIGKILL');
    await exited;
    await upload;
    server = await startServer();
    outcomes.push({ round, delayMs, answered, loaded: (server.state.cases[`R${round}`] ?? 0) > 0 });
    // Whole or none: the cases, the history row and the quarantine of the round's batch together.
    const count = server.state.cases[`R${round}`] ?? 0;
    expect([0, rowsPerUpload - rejectedPerUpload]).toContain(count);
    if (answered === 200) expect(count).toBe(rowsPerUpload - rejectedPerUpload);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect((await fetch(`${server.url}/api/meta`)).status).toBe(200);
  }
  finalState = server.state;
  server.child.kill('SIGKILL');
}, 240_000);
afterAll(() => {
  removeTempDirs();
  rmSync(bundleDir, { recursive: true, force: true });
});

describe('the server killed during uploads', () => {
  it('kept every batch whole or not at all, and the history and quarantine agree with the data', () => {
    console.log('kill outcomes', JSON.stringify(outcomes));
    const loadedRounds = outcomes.filter((o) => o.loaded).length;
    // The schools batch plus one per loaded round; each loaded round's batch has its quarantine.
    expect(finalState.batches).toHaveLength(1 + loadedRounds);
    for (const b of finalState.batches.slice(1)) {
      expect([b.rows_read, b.rejected]).toEqual([rowsPerUpload, rejectedPerUpload]);
      expect(finalState.quarantine[b.batch_id]).toBe(rejectedPerUpload);
    }
    expect(Object.keys(finalState.quarantine)).toHaveLength(loadedRounds);
    // The seeded moments hit both sides: some uploads died, some got through.
    expect(outcomes.some((o) => o.loaded)).toBe(true);
    expect(outcomes.some((o) => !o.loaded)).toBe(true);
  });
});
