/**
 * Where a dashboard request's time goes besides the figure SQL, on a private copy of the
 * national database: `npx tsx bench/requestPhases.ts`. Each part the request path does per
 * request (session lookup, school directory and access, audit insert, series-size check,
 * Arrow and JSON encoding, compression) timed alone, one at a time, median of many runs.
 * A measuring tool for issue 9, not a test and not part of `npm run bench`.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendAudit } from '../etl/audit/auditLog.ts';
import { projectRoot } from '../etl/db/defaultPaths.ts';
import { openDatabase } from '../etl/db/openDatabase.ts';
import { computeFiguresBy, ensureFigureFacts, survivalCurves } from '../etl/figures/index.ts';
import { resolveAuthConfig } from '../server/auth/authConfig.ts';
import { createSession, findSession } from '../server/auth/sessionStore.ts';
import { accessOf, loadSchoolDirectory } from '../server/auth/viewerAccess.ts';
import { encodeBody } from '../server/http/encodeBody.ts';
import { figureTableSchema, flattenFigureRow } from '../server/http/figureTableSchema.ts';
import { assertSeriesSize } from '../server/http/seriesSize.ts';
import { toArrowTable } from '../server/http/sendTable.ts';
import { tableToIPC } from 'apache-arrow';
import { benchYear } from './timeFigures.ts';

const source = join(projectRoot, 'data', 'bench', 'national.duckdb');
if (!existsSync(source)) throw new Error(`${source} is missing: run \`npm run bench\` once to make it`);
const dir = mkdtempSync(join(tmpdir(), 'rt-phases-'));
const copy = join(dir, 'national.duckdb');
copyFileSync(source, copy);
const db = await openDatabase(copy);
const conn = db.connection;

async function median(label: string, runs: number, work: () => Promise<unknown> | unknown): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await work();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(44)} median ${times[Math.floor(runs / 2)]!.toFixed(2)} ms, p90 ${times[Math.floor(runs * 0.9)]!.toFixed(2)} ms`);
}

try {
  console.log(`load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
  await ensureFigureFacts(conn);
  const settings = resolveAuthConfig(undefined);
  const [[userId]] = (await conn.runAndReadAll(`INSERT INTO users (username, password_hash, role, created_at) VALUES ('phases-admin', 'x', 'admin', now()::TIMESTAMP) RETURNING user_id`)).getRowsJS() as [[number]];
  const { token } = await createSession(conn, Number(userId), new Date(), settings);
  const municipality = String((await conn.runAndReadAll(`SELECT municipality FROM schools LIMIT 1`)).getRows()[0]![0]);
  const q = { from: benchYear.from, to: benchYear.to, asOf: benchYear.asOf, municipality };

  await median('session lookup (findSession)', 50, () => findSession(conn, token, new Date(), settings));
  await median('new connection + close', 50, async () => (await db.instance.connect()).closeSync());
  await median('school directory (loadSchoolDirectory)', 50, () => loadSchoolDirectory(conn));
  const directory = await loadSchoolDirectory(conn);
  const viewer = { userId: Number(userId), username: 'phases-admin', role: 'admin' as const, municipality: null, schoolId: null };
  await median('accessOf (sets over the directory)', 50, () => accessOf(viewer, directory));
  await median('series size check (assertSeriesSize)', 50, () => assertSeriesSize(conn, q, 'series/survival'));
  await median('facts current? (ensureFigureFacts)', 50, () => ensureFigureFacts(conn));
  const entry = { at: new Date(), username: 'phases-admin', role: 'admin', via: 'http' as const, action: 'view_figures' as const, target: `municipality:${municipality}`, ip: '127.0.0.1', details: { endpoint: 'figures', from: q.from } };
  await median('audit insert, one row (appendAudit)', 50, () => appendAudit(conn, entry));
  await median('figures by school (SQL, for scale)', 10, () => computeFiguresBy(conn, q, 'school'));
  const rows = (await computeFiguresBy(conn, q, 'school')).map((r) => flattenFigureRow(r as never));
  await median('Arrow encoding of figures by school', 50, () => tableToIPC(toArrowTable(rows, figureTableSchema), 'stream'));
  const arrowBytes = Buffer.from(tableToIPC(toArrowTable(rows, figureTableSchema), 'stream'));
  const survival = await survivalCurves(conn, q);
  const jsonBytes = Buffer.from(JSON.stringify(survival));
  await median('JSON encoding of survival', 50, () => JSON.stringify(survival));
  console.log(`answer sizes: Arrow by school ${arrowBytes.length} B, survival JSON ${jsonBytes.length} B`);
  for (const [name, body] of [['Arrow by school', arrowBytes], ['survival JSON', jsonBytes]] as const) {
    await median(`brotli 5 (answers now), ${name}`, 50, () => encodeBody(body, 'br'));
    await median(`brotli 9 (assets), ${name}`, 20, () => encodeBody(body, 'br', 'asset'));
    await median(`gzip 6, ${name}`, 50, () => encodeBody(body, 'gzip'));
  }
} finally {
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
