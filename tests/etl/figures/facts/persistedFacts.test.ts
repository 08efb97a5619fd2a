/**
 * The acceptance test of issue 9: with the sample data imported as `npm start` imports it,
 * every key of sections 4 and 4b for every school and every municipality, computed from the
 * figure facts persisted in the file (opened read-only, as a second process would), equals
 * an independent SQL reference over the contract tables (referenceFigures.ts). One school
 * year with earlier data before it, and an as-of date inside it, so censoring, due dates
 * and plans after the as-of date are exercised. The CLI, a separate process, answers the
 * same from the same file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../etl/db/openDatabase.ts';
import { factsAreCurrent } from '../../../../etl/figures/facts/buildFigureFacts.ts';
import { computeFiguresBy } from '../../../../etl/figures/index.ts';
import { importBatch } from '../../../../etl/load/importBatch.ts';
import { sampleDataDir } from '../../../../server/loadSampleData.ts';
import { runEtl } from '../../../helpers/runEtl.ts';
import { testPseudonymKey } from '../../../helpers/testKey.ts';
import { figureMismatches } from './figureMismatches.ts';
import { kaplanMeierMedian, quantile, referenceFigures, type ReferencePeriod } from './referenceFigures.ts';

const period: ReferencePeriod = { from: '2025-08-01', to: '2026-07-31', asOf: '2026-03-15' };

/** The keys of sections 4 and 4b, written out from the contract. */
const contractKeys = [
  'meetings_held', 'meetings_cancelled', 'system_case_discussions', 'system_case_discussions_per_meeting',
  'system_measures_started', 'staff_reached_total', 'staff_reached_per_system_measure', 'individual_case_discussions',
  'anonymous_case_discussions', 'individual_case_discussions_per_meeting', 'system_measures_for_individual_cases',
  'individual_measures_for_individual_cases', 'cases_ended', 'cases_referred_ppt', 'days_to_end_median', 'days_to_end_p90',
  'km_median_days', 'open_cases', 'agenda_in_advance_rate', 'minutes_rate', 'consent_before_discussion_rate',
  'tested_before_ppt_referral_rate', 'evaluation_on_time_rate',
  'planned_meetings', 'planned_meetings_held', 'planned_meetings_missed', 'plan_adherence_rate', 'median_days_between_meetings',
  'tgl_meetings', 'planned_tgl_visits', 'evaluations_overdue', 'discussed_before_consent', 'meetings_without_agenda_in_advance',
  'meetings_without_minutes', 'open_cases_over_90_days',
] as const;

type Row = Record<string, unknown>;

/** Every contract key of every group; numbers equal to 1e-9 (a mean may sum in another order). */
function expectSameFigures(actual: Map<string, Row>, expected: Map<string, Record<string, number | null>>) {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  const mismatches: string[] = [];
  for (const [group, reference] of expected) mismatches.push(...figureMismatches(group, contractKeys, actual.get(group)!, reference));
  expect(mismatches).toEqual([]);
}

let dir: string;
let dbPath: string;
let instance: DuckDBInstance;
let conn: DuckDBConnection;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rt-facts-'));
  dbPath = join(dir, 'sample.duckdb');
  const db = await openDatabase(dbPath);
  await importBatch(db.connection, [sampleDataDir], { key: testPseudonymKey() });
  db.close();
  instance = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY' });
  conn = await instance.connect();
}, 60_000);

afterAll(() => {
  conn?.closeSync();
  instance?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

describe('the reference itself', () => {
  it('quantile interpolates linearly: median of an even count is the mean of the middle two', () => {
    expect(quantile([1, 2, 3, 10], 0.5)).toBe(2.5);
    expect(quantile([0, 10], 0.9)).toBe(9);
    expect(quantile([], 0.5)).toBeNull();
  });

  it('kaplanMeierMedian follows R: censoring, a flat 0.5, and S above 0.5', () => {
    // S: t=1 3/4, t=2 (censored), t=3 3/4·1/2 = 3/8 → median 3
    expect(kaplanMeierMedian([{ t: 1, ended: true }, { t: 2, ended: false }, { t: 3, ended: true }, { t: 4, ended: true }])).toBe(3);
    // S(2) = 1/2 exactly: midpoint of 2 and the next event time 4
    expect(kaplanMeierMedian([{ t: 1, ended: true }, { t: 2, ended: true }, { t: 4, ended: true }, { t: 5, ended: true }])).toBe(3);
    expect(kaplanMeierMedian([{ t: 1, ended: true }, { t: 2, ended: false }, { t: 3, ended: false }])).toBeNull();
  });
});

describe('figures from the persisted facts equal the reference on the sample data', () => {
  it('the imported file carries current facts, so a read-only reader uses them without building any', async () => {
    expect(await factsAreCurrent(conn, 'figure_facts')).toBe(true);
  });

  it('every key for every school', async () => {
    const q = { ...period, allowedSchools: null };
    const rows = await computeFiguresBy(conn, q, 'school');
    const expected = await referenceFigures(conn, 'school_id', period);
    expect(rows.length).toBeGreaterThan(10);
    expectSameFigures(new Map(rows.map((r) => [r.school_id, r as unknown as Row])), expected);
    // The sample is rich enough that the comparison means something.
    expect(rows.filter((r) => r.km_median_days !== null).length).toBeGreaterThan(5);
    expect(rows.filter((r) => (r.evaluations_overdue ?? 0) > 0).length).toBeGreaterThan(5);
  });

  it('every key for every municipality', async () => {
    const rows = await computeFiguresBy(conn, { ...period, allowedSchools: null }, 'municipality');
    expectSameFigures(new Map(rows.map((r) => [r.municipality, r as unknown as Row])), await referenceFigures(conn, 'municipality', period));
  });

  it('no figure read built facts in memory (the file was read-only and its facts current)', async () => {
    const attached = await conn.runAndReadAll(`SELECT count(*)::INTEGER FROM duckdb_databases() WHERE database_name = 'figure_facts_memory'`);
    expect(attached.getRows()[0]![0]).toBe(0);
  });
});

describe('the command line reads the same persisted facts', () => {
  it('figures --by municipality --json equals the reference', async () => {
    conn.closeSync();
    instance.closeSync();
    const run = await runEtl(['figures', '--db', dbPath, '--from', period.from, '--to', period.to, '--as-of', period.asOf, '--by', 'municipality', '--json']);
    expect(run.stderr).toBe('');
    const rows = JSON.parse(run.stdout) as Row[];
    instance = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY' });
    conn = await instance.connect();
    expectSameFigures(new Map(rows.map((r) => [String(r.municipality), r])), await referenceFigures(conn, 'municipality', period));
  }, 60_000);
});
