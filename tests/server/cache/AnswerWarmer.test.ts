/**
 * The answer warmer (server/cache/AnswerWarmer.ts) in the real app on the sample data, with
 * real signed-in users over real HTTP: after the start it has computed the overview's six
 * answers for every municipality as an administrator and for the municipality's and PPT's
 * users, and the year wheel's four for the rector (each user's start view);
 * a user asking for one of them is served the kept answer (shown by changing the data under
 * it without moving the version: the kept answer still shows the old count), which is
 * audited for that user, while the warmer itself leaves nothing in the audit log; then it
 * keeps the ended school years' figures in the database; when the data version moves, it
 * computes the answers again from the new data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCounter } from '../../../server/cache/dataVersion.ts';
import { AnswerWarmer } from '../../../server/cache/AnswerWarmer.ts';
import { startAuthSampleApp, type SampleApp } from '../../helpers/sampleApp.ts';
import { signedIn } from '../auth/authClient.ts';

const imports = importCounter();
const warmer = new AnswerWarmer(20);
let app: SampleApp;
let home: string;

// The dashboard's default for the sample data on the fixed today 2026-11-23: school year 2025/26.
const url = (municipality: string) => `/api/figures?asOf=2026-07-31&from=2025-08-01&municipality=${encodeURIComponent(municipality)}&to=2026-07-31`;

// The rector's start view: their school's year wheel, this school year (the same default).
const schoolUrl = (school: string) => `/api/figures?asOf=2026-07-31&from=2025-08-01&school=${school}&to=2026-07-31`;

/** Meetings held in the period at one school, counted here in SQL of the test's own. */
async function meetingsHeldAt(school: string): Promise<number> {
  const reader = await app.db.connection.runAndReadAll(
    `SELECT count(*)::INTEGER FROM meetings WHERE school_id = $s AND status = 'held' AND date BETWEEN DATE '2025-08-01' AND DATE '2026-07-31'`,
    { s: school },
  );
  return Number(reader.getRows()[0]![0]);
}

/** Meetings held in the period at the municipality's schools, counted here in SQL of the test's own. */
async function meetingsHeld(municipality: string): Promise<number> {
  const reader = await app.db.connection.runAndReadAll(
    `SELECT count(*)::INTEGER FROM meetings m JOIN schools s USING (school_id)
     WHERE s.municipality = $m AND m.status = 'held' AND m.date BETWEEN DATE '2025-08-01' AND DATE '2026-07-31'`,
    { m: municipality },
  );
  return Number(reader.getRows()[0]![0]);
}

beforeAll(async () => {
  app = await startAuthSampleApp({}, { warmer, dataVersion: imports.version });
  home = app.users.find((u) => u.role === 'municipality')!.municipality!;
  await warmer.settled();
}, 120_000);
afterAll(async () => {
  await warmer.stop();
  await app.close();
});

describe('AnswerWarmer', () => {
  it('computes each demo user’s start view: the overview of the 4 municipalities as an administrator, of their own for kommune and ppt, the year wheel for rektor', () => {
    const first = warmer.passes[0]!;
    // 4 municipalities × 6 calls for the administrator, 6 each for kommune and ppt, 4 for rektor.
    expect(first).toMatchObject({ version: 'imports:0', answers: 4 * 6 + 2 * 6 + 4, failed: 0, stopped: null });
    // And each scope's metadata (4 answers more in the cache).
    expect(first.cache.answers).toBe(40 + 4);
  });

  it('keeps the figures of every ended school year in the database first: 2025/26 and 2024/25 on the fixed today', async () => {
    expect(warmer.keptYears[0]).toEqual([2025, 2024]);
    // Before the pass began: its answers for the default year (2025/26) were lookups.
    expect(warmer.passes[0]!.keptYears).toEqual([2024, 2025]);
    const kept = await app.db.connection.runAndReadAll(`SELECT DISTINCT school_year FROM figure_facts.year_figures ORDER BY 1`);
    expect(kept.getRows().map((r) => Number(r[0]))).toEqual([2024, 2025]);
  });

  it('serves a user the kept answer, audited for that user; the warmer audits nothing', async () => {
    const before = await meetingsHeld(home);
    expect(before).toBeGreaterThan(0);
    const rector = app.users.find((u) => u.role === 'rector')!.school_id!;
    const beforeAtSchool = await meetingsHeldAt(rector);
    expect(beforeAtSchool).toBeGreaterThan(0);
    // Under the kept answers, without moving the data version: a fresh computation would see 0.
    await app.db.connection.run(`DELETE FROM meetings WHERE school_id IN (SELECT school_id FROM schools WHERE municipality = $m)`, { m: home });
    const admin = await signedIn(app, 'admin');
    const kept = await admin.get(url(home));
    expect(kept.status).toBe(200);
    expect(((await kept.json()) as { meetings_held: number }).meetings_held).toBe(before);
    // The same for the municipality's own user: warmed under that user's scope.
    const kommune = await signedIn(app, 'municipality');
    expect(((await (await kommune.get(url(home))).json()) as { meetings_held: number }).meetings_held).toBe(before);
    // The rector's school lies in that municipality: their year wheel's figures are kept too.
    const rektor = await signedIn(app, 'rector');
    expect(((await (await rektor.get(schoolUrl(rector))).json()) as { meetings_held: number }).meetings_held).toBe(beforeAtSchool);
    // A query nobody warmed (another as-of date, the same meetings) is computed now, from the changed data.
    const fresh = await admin.get(url(home).replace('asOf=2026-07-31', 'asOf=2026-07-30'));
    expect(fresh.status).toBe(200);
    expect(((await fresh.json()) as { meetings_held: number }).meetings_held).toBe(0);
    const audit = await app.db.connection.runAndReadAll(
      `SELECT username, count(*)::INTEGER FROM audit_log WHERE action = 'view_figures' AND target = $t GROUP BY username ORDER BY username`,
      { t: `municipality:${home}` },
    );
    expect(audit.getRows()).toEqual([
      ['admin', 2],
      ['kommune', 1],
    ]);
    const warmerRows = await app.db.connection.runAndReadAll(`SELECT count(*)::INTEGER FROM audit_log WHERE username = 'forvarming'`);
    expect(warmerRows.getRows()[0]![0]).toBe(0);
  });

  it('computes the answers again from the new data when the data version moves', async () => {
    imports.imported();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await warmer.settled();
    expect(warmer.passes.at(-1)).toMatchObject({ version: 'imports:1', answers: 40, failed: 0, stopped: null });
    const admin = await signedIn(app, 'admin');
    expect(((await (await admin.get(url(home))).json()) as { meetings_held: number }).meetings_held).toBe(0);
  });
});
