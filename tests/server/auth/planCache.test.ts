/**
 * The school-year plans kept across requests: one per grant (role and scope, not the user),
 * data version, today and threshold; bounded; emptied on demand; a planning that failed is
 * tried again rather than kept.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanCache } from '../../../server/auth/planCache.ts';
import { accessOf, loadSchoolDirectory, type ViewerAccess } from '../../../server/auth/viewerAccess.ts';
import type { Viewer } from '../../../server/auth/viewer.ts';
import { readOnlySample, type ReadOnlySample } from '../../helpers/readOnlySample.ts';

const viewer = (userId: number, role: Viewer['role'], municipality: string | null, schoolId: string | null): Viewer => ({
  userId,
  username: `bruker${userId}`,
  role,
  municipality,
  schoolId,
});

// Only the viewer is read to make the key; the rest is not used before planning.
const accessOfViewer = (v: Viewer) => ({ viewer: v }) as unknown as ViewerAccess;

describe('PlanCache', () => {
  it('gives two users of the same grant the same plans, and other grants, data versions, days or thresholds their own', () => {
    const cache = new PlanCache(10);
    const a = cache.plansFor('imports:0', accessOfViewer(viewer(1, 'rector', 'Fjordvik', 'S1')), '2026-11-23', 5);
    expect(cache.plansFor('imports:0', accessOfViewer(viewer(2, 'rector', 'Fjordvik', 'S1')), '2026-11-23', 5)).toBe(a);
    expect(cache.plansFor('imports:0', accessOfViewer(viewer(1, 'rector', 'Fjordvik', 'S2')), '2026-11-23', 5)).not.toBe(a);
    expect(cache.plansFor('imports:0', accessOfViewer(viewer(1, 'municipality', 'Fjordvik', null)), '2026-11-23', 5)).not.toBe(a);
    expect(cache.plansFor('imports:1', accessOfViewer(viewer(1, 'rector', 'Fjordvik', 'S1')), '2026-11-23', 5)).not.toBe(a);
    expect(cache.plansFor('imports:0', accessOfViewer(viewer(1, 'rector', 'Fjordvik', 'S1')), '2026-11-24', 5)).not.toBe(a);
    expect(cache.plansFor('imports:0', accessOfViewer(viewer(1, 'rector', 'Fjordvik', 'S1')), '2026-11-23', 3)).not.toBe(a);
    expect(cache.size).toBe(6);
  });

  it('keeps at most maxEntries grants, forgetting the least recently used first, and clear() forgets all', () => {
    const cache = new PlanCache(2);
    const of = (school: string) => cache.plansFor('v', accessOfViewer(viewer(1, 'rector', 'K', school)), '2026-11-23', 5);
    const s1 = of('S1');
    const s2 = of('S2');
    expect(of('S1')).toBe(s1); // S1 is now the most recently used
    of('S3'); // pushes out S2
    expect(cache.size).toBe(2);
    expect(of('S1')).toBe(s1);
    expect(of('S2')).not.toBe(s2);
    cache.clear();
    expect(cache.size).toBe(0);
    expect(of('S1')).not.toBe(s1);
  });
});

describe('SchoolYearPlans kept across requests', () => {
  let sample: ReadOnlySample;
  beforeAll(async () => {
    sample = await readOnlySample('rt-plancache-');
  });
  afterAll(() => sample.close());

  it('plans again after a failed planning instead of answering the failure from then on', async () => {
    const directory = await loadSchoolDirectory(sample.conn);
    const rector = directory.find((s) => s.municipality === 'Fjordvik')!;
    const access = accessOf(viewer(7, 'rector', 'Fjordvik', rector.school_id), directory);
    const plans = new PlanCache(10).plansFor('v', access, '2026-11-23', 5);
    // A database without the tables: the planning fails.
    const empty = await DuckDBInstance.create(':memory:');
    const broken = await empty.connect();
    await expect(plans.of(broken, 2024)).rejects.toThrow();
    broken.closeSync();
    empty.closeSync();
    const plan = await plans.of(sample.conn, 2024);
    expect(plan.municipalities.has('Fjordvik')).toBe(true);
    expect(plan.schools.has(rector.school_id)).toBe(true);
  });
});
