/**
 * `competence --json` as contract section 5 prints it: `{"efforts", "reach", "demand",
 * "challenges"}`, rows with the fields of 4c (and `school_id`, `topic`, `challenge` where per
 * school, topic or challenge), numbers as JSON numbers, unknown `null`. Run as an
 * administrator would, on a database file holding the hand-made CSV fixture.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEtl } from '../../helpers/runEtl.ts';
import { makeTempDir, removeTempDirs } from '../../helpers/tempDir.ts';
import { openTestDatabase } from '../../helpers/testDatabase.ts';
import { loadCompetenceFixture } from '../competence/competenceFixture.ts';

const dbPath = join(makeTempDir('rt-cli-competence-'), 'competence.duckdb');
afterAll(removeTempDirs);

const period = ['--db', dbPath, '--from', '2024-08-01', '--to', '2025-07-31'];

describe('etl competence --json', () => {
  beforeAll(async () => {
    const db = await openTestDatabase(dbPath);
    try {
      await loadCompetenceFixture(db.connection);
    } finally {
      db.close();
    }
  });

  it('prints the four outputs of 4c with exactly their fields', async () => {
    const run = await runEtl(['competence', ...period, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.endsWith('\n')).toBe(true);
    const out = JSON.parse(run.stdout) as Record<string, Array<Record<string, unknown>>>;
    expect(Object.keys(out)).toEqual(['efforts', 'reach', 'demand', 'challenges']);
    // The JSON text itself: field order, null for unknown, numbers unquoted.
    expect(JSON.stringify(out.efforts![1])).toBe(
      `{"effort_id":"E2","name":"Trygt skolemiljø","theme":"skolemiljo","tier":2,"schools_reached":1,"schools_in_scope":5,"staff_reached":8,"staff_reach_share":${8 / 70}}`,
    );
    expect(out.efforts).toHaveLength(3);
    expect(JSON.stringify(out.reach![1])).toBe('{"effort_id":"E1","school_id":"K2","sessions":1,"participants_total":12,"participants_max":12,"staff":null,"reach_share":null}');
    expect(JSON.stringify(out.reach![3])).toBe('{"effort_id":"E1","school_id":"L1","sessions":1,"participants_total":12,"participants_max":12,"staff":10,"reach_share":1.2}');
    expect(JSON.stringify(out.demand![1])).toBe(
      '{"topic":"skolemiljo","school_id":"K1","system_cases":1,"individual_part_cases":3,"system_measures_started":3,"staff_reached":18}',
    );
    expect(JSON.stringify(out.challenges![1])).toBe('{"challenge":"lesevansker","school_id":"K1","individual_cases":2}');
    expect(out.challenges).toHaveLength(6);
  });

  it('--school and --municipality narrow the scope', async () => {
    const school = JSON.parse((await runEtl(['competence', ...period, '--school', 'K4', '--json'])).stdout) as Record<string, Array<Record<string, unknown>>>;
    // Delta skole: in scope, reached by nothing, no cases.
    expect(school.reach).toEqual([]);
    expect(school.demand).toEqual([]);
    expect(school.efforts![0]).toMatchObject({ effort_id: 'E1', schools_reached: 0, schools_in_scope: 1, staff_reached: 0, staff_reach_share: 0 });
    const municipality = JSON.parse((await runEtl(['competence', ...period, '--municipality', 'Kommune B', '--json'])).stdout) as Record<string, Array<Record<string, unknown>>>;
    expect(municipality.demand).toEqual([{ topic: 'ukjent_tema', school_id: 'L1', system_cases: 0, individual_part_cases: 1, system_measures_started: 0, staff_reached: 0 }]);
  });

  it('refuses --school with --municipality with the reason on stderr and nothing on stdout', async () => {
    const both = await runEtl(['competence', ...period, '--school', 'K1', '--municipality', 'Kommune A', '--json']);
    expect(both.code).not.toBe(0);
    expect(both.stdout).toBe('');
    expect(both.stderr).toMatch(/--school og --municipality kan ikke brukes sammen/);
  });
});
