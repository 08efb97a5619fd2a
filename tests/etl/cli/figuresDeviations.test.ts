/**
 * The command line of contract section 5 for section 4d: `figures --json` (also with `--by`)
 * carries the deviation keys, `deviations_by_agency` as an object. Run as an administrator
 * would: `etl import` of the hand-written Swedish and Norwegian exports of
 * tests/fixtures/swedish, then `etl figures`. The expected numbers are worked out by hand from
 * the twelve deviations those files load (see tests/etl/load/importBatch.swedish.test.ts).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../../etl/db/defaultPaths.ts';
import { runEtl } from '../../helpers/runEtl.ts';
import { makeTempDir, removeTempDirs } from '../../helpers/tempDir.ts';

const dbPath = join(makeTempDir('rt-cli-deviations-'), 'deviations.duckdb');
afterAll(removeTempDirs);

const period = ['--db', dbPath, '--from', '2025-08-01', '--to', '2026-07-31', '--as-of', '2026-07-31'];

describe('etl figures --json with deviations', () => {
  beforeAll(async () => {
    const run = await runEtl(['import', join(projectRoot, 'tests', 'fixtures', 'swedish'), '--db', dbPath, '--json']);
    expect(run.code).toBe(0);
  });

  it('prints the 4d keys after those of 4b, deviations_by_agency an object of counts', async () => {
    const run = await runEtl(['figures', ...period, '--json']);
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    const keys = Object.keys(out);
    expect(keys.slice(keys.indexOf('open_cases_over_90_days') + 1)).toEqual([
      'deviations_reported', 'deviations_of_principle', 'deviations_escalated', 'deviations_open', 'deviations_answer_overdue',
      'deviation_days_to_resolve_median', 'deviations_by_agency',
    ]);
    expect(out).toMatchObject({
      deviations_reported: 12, // KV-1 KV-2, NV-1 … NV-5, SV-1 … SV-5, all in autumn 2025
      deviations_of_principle: 5, // KV-1 (true), NV-1 (Ja), NV-4 (x), SV-1 (Ja), SV-4 (JA)
      deviations_escalated: 4, // NV-1, NV-5, SV-1, SV-4
      deviations_open: 10, // all but NV-5 and SV-1, resolved in October 2025
      deviations_answer_overdue: 10, // the same ten: NV-5 and SV-1 were answered
      deviation_days_to_resolve_median: 15, // NV-5 after 0 days, SV-1 after 30
    });
    // Each deviation counts once per agency it names.
    expect(JSON.stringify(out.deviations_by_agency)).toBe(
      '{"child_medicine":3,"child_psychiatry":4,"habilitation":3,"health":4,"other":4,"ppt":3,"school":6,"social_services":3}',
    );
  });

  it('--by school carries the object in every row, {} for a school without deviations in the period', async () => {
    const run = await runEtl(['figures', ...period, '--by', 'school', '--json']);
    const rows = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(rows.map((r) => [r.school_id, r.deviations_reported, r.deviations_by_agency])).toEqual([
      ['SE-2', 5, { child_psychiatry: 2, health: 2, other: 2, ppt: 1, school: 3 }], // Björkhöjdens: NV-3 NV-4 NV-5 SV-4 SV-5
      ['SE-3', 2, { child_medicine: 1, child_psychiatry: 1, habilitation: 1, health: 1, other: 1, ppt: 1, school: 1, social_services: 1 }], // Sjöängens
      ['SE-1', 5, { child_medicine: 2, child_psychiatry: 1, habilitation: 2, health: 1, other: 1, ppt: 1, school: 2, social_services: 2 }], // Ängsbackens
    ]);
    const empty = await runEtl(['figures', '--db', dbPath, '--from', '2024-08-01', '--to', '2025-07-31', '--by', 'school', '--json']);
    expect((JSON.parse(empty.stdout) as Array<Record<string, unknown>>).map((r) => r.deviations_by_agency)).toEqual([{}, {}, {}]);
  });
});
