/**
 * /api/followup's body without the full key-figure query (server/routes/followUpAnswer.ts)
 * must be exactly what the route answered before, when it suppressed the whole key-figure row
 * and kept its 4b keys. The reference below is that earlier route body, written out here.
 * Compared for every viewer kind (admin, municipality users, rectors),
 * the scopes the viewer may ask (their own scope, visible schools, each municipality, all
 * municipalities), over whole school years (where the plans decide) and other periods (where
 * every case-based figure is hidden), on the sample data and on a seeded larger data set of
 * 60 schools.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../etl/db/openDatabase.ts';
import { computeFigures, followUpKeys, type FigureQuery, type FigureRow } from '../../../etl/figures/index.ts';
import { followUpFiguresOf } from '../../../etl/followup/followUp.ts';
import { followUpLists } from '../../../etl/followup/followUpLists.ts';
import { followUpNorms } from '../../../etl/followup/followUpNorms.ts';
import { importBatch } from '../../../etl/load/importBatch.ts';
import { generate } from '../../../sample-data/generate.ts';
import { scopeFigureQuery } from '../../../server/auth/figureScope.ts';
import type { Viewer } from '../../../server/auth/viewer.ts';
import { accessOf, loadSchoolDirectory, type DirectorySchool, type ViewerAccess } from '../../../server/auth/viewerAccess.ts';
import { SchoolYearPlans } from '../../../server/auth/schoolYearPlans.ts';
import { ViewSuppression } from '../../../server/auth/viewSuppression.ts';
import { followUpAnswer } from '../../../server/routes/followUpAnswer.ts';
import { readOnlySample } from '../../helpers/readOnlySample.ts';
import { testPseudonymKey } from '../../helpers/testKey.ts';

const today = '2026-11-23';
const threshold = 5;
const followUpKeySet = new Set<string>(followUpKeys);

/**
 * The full key-figure row of a query, before suppression. It depends only on the data and
 * the query (allowedSchools included), not on the viewer, so the many cells that ask the
 * same query (every viewer's `total=all`, each municipality's total) compute it once: the
 * full query is the slow part of the reference. A deep copy, so no cell can change another's.
 */
function fullRows(conn: DuckDBConnection): (q: FigureQuery) => Promise<FigureRow> {
  const rows = new Map<string, Promise<FigureRow>>();
  return async (q) => {
    const key = JSON.stringify(q);
    let row = rows.get(key);
    if (!row) rows.set(key, (row = computeFigures(conn, q)));
    return structuredClone(await row);
  };
}

/** The route body before: the full key-figure row, suppressed, narrowed to 4b. */
async function earlierAnswer(conn: DuckDBConnection, q: FigureQuery, view: ViewSuppression, fullRow: (q: FigureQuery) => Promise<FigureRow>) {
  const [shown] = await view.figureRows([await fullRow(q)]);
  const figures = followUpFiguresOf(shown!);
  const suppressed = shown!.suppressed.filter((k) => followUpKeySet.has(k));
  const suppressed_reason = suppressed.length > 0 ? shown!.suppressed_reason : null;
  // Norms only of a municipality the viewer may read (written out: own, or any for an admin).
  const scope = view.schoolsOf({});
  const readable = view.access.isAdmin || scope.every((s) => s.municipality === view.access.home);
  const norms = readable ? await followUpNorms(conn, scope, figures, q) : null;
  if (!view.isScopedRow({})) return { figures, suppressed, suppressed_reason, norms, lists: null, lists_withheld: 'not_scoped' };
  return { figures, suppressed, suppressed_reason, norms, lists: await followUpLists(conn, q) };
}

const periods: readonly FigureQuery[] = [
  // Whole school years at the default as-of date: the school-year plans decide.
  { from: '2024-08-01', to: '2025-07-31', asOf: '2025-07-31' },
  { from: '2024-08-01', to: '2026-07-31', asOf: '2026-07-31' },
  // Another as-of date and a term: every case-based figure hidden outside the scope.
  { from: '2025-01-01', to: '2025-06-30', asOf: '2025-06-30' },
];

function viewersOf(directory: readonly DirectorySchool[]): Viewer[] {
  const municipalities = [...new Set(directory.map((s) => s.municipality))];
  return [
    { userId: 1, username: 'admin', role: 'admin', municipality: null, schoolId: null },
    ...municipalities.map((m, i): Viewer => ({ userId: 10 + i, username: `kommune-${i}`, role: 'municipality', municipality: m, schoolId: null })),
    ...directory.map((s, i): Viewer => ({ userId: 100 + i, username: `rektor-${i}`, role: 'rector', municipality: s.municipality, schoolId: s.school_id })),
  ];
}

/**
 * The scopes a viewer may ask /api/followup for: own scope, all municipalities, each
 * municipality, and every third school they may see one by one (their own always). An
 * administrator is scoped to every school, so no school of theirs is suppressed: every
 * sixth is enough to compare the figures, norms and lists on schools of every kind.
 */
function askedScopes(directory: readonly DirectorySchool[], access: ViewerAccess, own: string | null): Array<{ q: Partial<FigureQuery>; total: boolean }> {
  const municipalities = [...new Set(directory.map((s) => s.municipality))];
  const step = access.isAdmin ? 6 : 3;
  const schools = [...access.visible].sort().filter((school, i) => i % step === 0 || school === own);
  return [
    { q: {}, total: false },
    { q: {}, total: true },
    ...municipalities.map((municipality) => ({ q: { municipality }, total: false })),
    ...schools.map((school) => ({ q: { school }, total: false })),
  ];
}

/** Compares both bodies for every viewer, scope and period; how many had hidden 4b figures and lists. */
async function compareAll(conn: DuckDBConnection, viewerSample: (v: Viewer[]) => Viewer[]): Promise<{ compared: number; hidden: number; withLists: number }> {
  const directory = await loadSchoolDirectory(conn);
  const fullRow = fullRows(conn);
  let compared = 0;
  let hidden = 0;
  let withLists = 0;
  for (const viewer of viewerSample(viewersOf(directory))) {
    const access = accessOf(viewer, directory);
    // One viewer's school-year plans for all their cells, as the route keeps them across
    // requests (planCache.ts): they depend on the data, the viewer and today, never on the
    // cell or period asked (schoolYearPlans.ts), and planning them is the slow part.
    const plans = new SchoolYearPlans(access, today, threshold);
    for (const period of periods) {
      for (const { q: asked, total } of askedScopes(directory, access, viewer.schoolId)) {
        const q = scopeFigureQuery(access, { ...period, ...asked, allowedSchools: null }, total);
        // One view for both: the same plans and the same cell decisions.
        const view = new ViewSuppression(conn, access, q, plans, today);
        const before = await earlierAnswer(conn, q, view, fullRow);
        const now = await followUpAnswer(conn, q, view);
        expect(now, `${viewer.username} ${JSON.stringify({ ...period, ...asked, total })}`).toEqual(before);
        // Same keys in the same order, as JSON sends them.
        expect(JSON.stringify(now)).toBe(JSON.stringify(before));
        compared++;
        if (before.suppressed.length > 0) hidden++;
        if (before.lists !== null) withLists++;
      }
    }
  }
  return { compared, hidden, withLists };
}

describe('followUpAnswer equals the earlier full-row suppression', () => {
  it('on the sample data, for the admin, two municipality users and two rectors', async () => {
    const sample = await readOnlySample('rt-fu-answer-');
    try {
      const { compared, hidden, withLists } = await compareAll(sample.conn, (all) => all.filter((v) => v.role === 'admin' || v.userId === 10 || v.userId === 12 || v.userId === 101 || v.userId === 113));
      // Both sides of the rule were exercised: hidden figures and shown lists.
      expect(compared).toBeGreaterThan(50);
      expect(hidden).toBeGreaterThan(10);
      expect(withLists).toBeGreaterThan(10);
    } finally {
      sample.close();
    }
  }, 600_000);

  describe('on a seeded larger data set (60 schools, 2 school years)', () => {
    let dir: string;
    let instance: DuckDBInstance;
    let conn: DuckDBConnection;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'rt-fu-answer-60-'));
      await generate({ scale: { schools: 60, years: 2 }, out: join(dir, 'csv'), seed: 20261203 });
      const path = join(dir, 'data.duckdb');
      const db = await openDatabase(path);
      await importBatch(db.connection, [join(dir, 'csv')], { key: testPseudonymKey() });
      db.close();
      instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
      conn = await instance.connect();
    }, 300_000);
    afterAll(() => {
      conn?.closeSync();
      instance?.closeSync();
      rmSync(dir, { recursive: true, force: true });
    });

    it('for the admin, a municipality user and a rector', async () => {
      const { compared, hidden } = await compareAll(conn, (all) => all.filter((v) => v.role === 'admin' || v.userId === 12 || v.userId === 129));
      expect(compared).toBeGreaterThan(20);
      expect(hidden).toBeGreaterThan(5);
    }, 900_000);
  });
});
