/**
 * The fuzz run of issue 13: mutated versions of the valid example exports, imported
 * in-process (each in one batch with a valid schools file) and uploaded over HTTP. A file
 * passes when it gets a report, or the batch is refused with a reason; the valid file of the
 * same batch is then fully loaded or (refused batch) not at all — never half. Anything else is
 * counted and described: a crash (an error that is not the importer's own), a refusal that
 * only says "databasefeil", a valid file half loaded, an HTTP answer other than 200/413/422.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { openDatabase } from '../../etl/db/openDatabase.ts';
import { projectRoot } from '../../etl/db/defaultPaths.ts';
import { importBatch } from '../../etl/load/importBatch.ts';
import { ImportError } from '../../etl/load/importReport.ts';
import { pseudonymKey } from '../../etl/load/pseudonymKey.ts';
import { createApp } from '../../server/createApp.ts';
import { mutateExport, seededRandom, type Random } from './mutateExport.ts';
import { fuzzXlsxLimits, mutateWorkbook } from './mutateWorkbook.ts';

export interface FuzzProblem {
  readonly n: number;
  readonly source: string;
  readonly applied: readonly string[];
  readonly problem: string;
}

export interface FuzzResult {
  files: number;
  reports: number;
  refusedWithReason: number;
  problems: FuzzProblem[];
  /** Refusal reasons seen, with how often (the start of each, files named generically). */
  reasons: Record<string, number>;
  slowestMs: number;
}

const exportsDir = join(projectRoot, 'tests', 'fixtures', 'exports');

/** The valid example exports (top level and v2), as bytes. */
export function validExports(): Array<{ name: string; bytes: Buffer }> {
  const files: Array<{ name: string; bytes: Buffer }> = [];
  for (const sub of ['', 'v2']) {
    const folder = join(exportsDir, sub);
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isFile() && /\.(csv|tsv)$/.test(name)) files.push({ name: join(sub, name), bytes: readFileSync(path) });
    }
  }
  return files.sort((a, b) => a.name.localeCompare(b.name));
}

function emptyResult(): FuzzResult {
  return { files: 0, reports: 0, refusedWithReason: 0, problems: [], reasons: {}, slowestMs: 0 };
}

function reasonKey(message: string): string {
  return message.replace(/^[^:]*\/m-\d+\.(csv|tsv|xlsx): /, '').replace(/\d+/g, 'N').slice(0, 90);
}

/** The share of mutated files that are workbooks (mutateWorkbook.ts); the rest are CSV. */
const workbookShare = 0.25;

/** A mutated file: a CSV export mutated as bytes, or saved as .xlsx and mutated as a workbook. */
function mutatedFile(random: Random, sources: ReturnType<typeof validExports>) {
  const source = pick(random, sources);
  if (random() < workbookShare) return { source, ext: '.xlsx', ...mutateWorkbook(source.bytes, random) };
  return { source, ext: extname(source.name), ...mutateExport(source.bytes, random) };
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

async function schoolExists(conn: DuckDBConnection, id: string): Promise<boolean> {
  return (await conn.runAndReadAll('SELECT count(*)::INTEGER FROM schools WHERE school_id = $id', { id })).getRows()[0]![0] === 1;
}

/** `count` mutated files, each imported in one batch with a valid one-school file. */
export async function fuzzInProcess(seed: number, count: number, onProgress?: (done: number, result: FuzzResult) => void): Promise<FuzzResult> {
  const dir = mkdtempSync(join(tmpdir(), 'rt-fuzz-'));
  const db = await openDatabase(':memory:');
  const key = pseudonymKey(Buffer.alloc(32, 9));
  const result = emptyResult();
  try {
    await importBatch(db.connection, [exportsDir], { key });
    const sources = validExports();
    const random = seededRandom(seed);
    for (let n = 0; n < count; n++) {
      const { source, ext, bytes, applied } = mutatedFile(random, sources);
      const mutated = join(dir, `m-${n}${ext}`);
      const valid = join(dir, `v-${n}.csv`);
      const school = `FUZZ-${seed}-${n}`;
      writeFileSync(mutated, bytes);
      writeFileSync(valid, `skole_id;skolenavn;kommune\n${school};Fuzz skole;Fuzzby\n`);
      const problem = (text: string) => result.problems.push({ n, source: source.name, applied, problem: text });
      result.files++;
      const started = performance.now();
      try {
        const report = await importBatch(db.connection, [valid, mutated], { key, xlsxLimits: fuzzXlsxLimits });
        const own = report.files.find((f) => f.file === valid);
        if (!report.files.some((f) => f.file === mutated)) problem('no report for the mutated file');
        if (!own || own.read !== 1 || own.rejected !== 0 || own.inserted + own.updated + own.unchanged !== 1) problem('the valid file was not fully loaded');
        else if (!(await schoolExists(db.connection, school))) problem('the valid file is reported loaded but is not in the database');
        else result.reports++;
      } catch (error) {
        if (!(error instanceof ImportError)) problem(`crash: ${String(error).slice(0, 200)}`);
        else if (/databasefeil/.test(error.message)) problem(`refused as databasefeil: ${error.message.slice(0, 200)}`);
        else if (await schoolExists(db.connection, school)) problem('the batch was refused but the valid file was loaded');
        else {
          result.refusedWithReason++;
          const k = reasonKey(error.message);
          result.reasons[k] = (result.reasons[k] ?? 0) + 1;
        }
      } finally {
        rmSync(mutated, { force: true });
        rmSync(valid, { force: true });
      }
      result.slowestMs = Math.max(result.slowestMs, Math.round(performance.now() - started));
      onProgress?.(n + 1, result);
    }
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return result;
}

/** `count` mutated files uploaded one by one to the real app over HTTP. */
export async function fuzzHttp(seed: number, count: number): Promise<FuzzResult> {
  const dir = mkdtempSync(join(tmpdir(), 'rt-fuzzhttp-'));
  const db = await openDatabase(join(dir, 'fuzz.duckdb'));
  const key = pseudonymKey(Buffer.alloc(32, 9));
  await importBatch(db.connection, [exportsDir], { key });
  const app = createApp({ instance: db.instance, today: () => '2026-11-23', allowAnonymousAdmin: true, pseudonymKey: key });
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  // Making a workbook mutation (a bomb, a huge cell) can take seconds on a loaded machine: the
  // client's idle keep-alive connection must not be closed by the server just as it is used again.
  server.keepAliveTimeout = 120_000;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const result = emptyResult();
  try {
    const health = await fetch(`${url}/api/health`);
    const csrf = /rt_csrf=([^;]+)/.exec(health.headers.getSetCookie().join(';'))![1]!;
    const sources = validExports();
    const random = seededRandom(seed);
    for (let n = 0; n < count; n++) {
      const { source, ext, bytes, applied } = mutatedFile(random, sources);
      const problem = (text: string) => result.problems.push({ n, source: source.name, applied, problem: text });
      result.files++;
      const started = performance.now();
      const res = await fetch(`${url}/api/imports?filename=fuzz-${n}${ext}`, {
        method: 'POST',
        body: new Uint8Array(bytes),
        headers: { 'content-type': 'text/csv', cookie: `rt_csrf=${csrf}`, 'x-csrf-token': csrf },
      });
      const answer = (await res.json()) as { files?: unknown[]; error?: string; details?: { reason?: string } };
      result.slowestMs = Math.max(result.slowestMs, Math.round(performance.now() - started));
      if (res.status === 200 && answer.files?.length === 1) result.reports++;
      else if (res.status === 422 && typeof answer.details?.reason === 'string' && answer.details.reason.length > 0) {
        if (/databasefeil/.test(answer.details.reason)) problem(`refused as databasefeil: ${answer.details.reason}`);
        else {
          result.refusedWithReason++;
          const k = reasonKey(answer.details.reason.replace(/^fuzz-\d+\.(csv|tsv|xlsx): /, ''));
          result.reasons[k] = (result.reasons[k] ?? 0) + 1;
        }
      } else if (res.status === 413) result.refusedWithReason++;
      else problem(`HTTP ${res.status}: ${JSON.stringify(answer).slice(0, 200)}`);
    }
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return result;
}
