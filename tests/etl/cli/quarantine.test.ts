/**
 * `etl -- quarantine` lists what is still to fix: a row that a later import loaded validly
 * under the same key leaves the list; `--all` shows it too, marked with the import that fixed it.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEtl } from '../../helpers/runEtl.ts';
import { makeTempDir, removeTempDirs } from '../../helpers/tempDir.ts';
import { writeText } from '../../helpers/writeCsv.ts';

const root = makeTempDir('rt-quarantine-');
const db = join(root, 'ressursteam.duckdb');
afterAll(removeTempDirs);

const header = 'case_id,school_id,kind,first_concern_date,grade';

beforeAll(async () => {
  mkdirSync(join(root, 'first'));
  mkdirSync(join(root, 'fix'));
  writeText(join(root, 'first'), 'skoler.csv', 'skole_id;skolenavn;kommune\nS1;Havblikk skole;Fjordvik\n');
  // Line 2: grade 14 (fixed later); line 3: an unknown school (never fixed).
  writeText(join(root, 'first'), 'saker.csv', `${header}\nQ-1,S1,individual,2025-01-10,14\nQ-2,S9,individual,2025-01-10,3\n`);
  writeText(join(root, 'fix'), 'saker-rettet.csv', `${header}\nQ-1,S1,individual,2025-01-10,4\n`);
  for (const folder of ['first', 'fix']) {
    const run = await runEtl(['import', join(root, folder), '--db', db, '--json']);
    expect(run.code, run.stderr).toBe(0);
  }
}, 180_000);

describe('etl quarantine', () => {
  it('lists only the row still in quarantine, not the one the second import fixed', async () => {
    const run = await runEtl(['quarantine', '--db', db, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([
      { batch_id: 1, file: expect.stringMatching(/saker\.csv$/), kind: 'cases', line: 3, column: 'school_id', reason: 'school_id finnes ikke i schools (verken i databasen eller i denne importen)', fixed_by_batch: null },
    ]);
  });

  it('--all lists the fixed row too, marked with the import that fixed it', async () => {
    const json = await runEtl(['quarantine', '--db', db, '--all', '--json']);
    expect(JSON.parse(json.stdout).map((r: { line: number; column: string; fixed_by_batch: number | null }) => [r.line, r.column, r.fixed_by_batch])).toEqual([
      [2, 'grade', 2],
      [3, 'school_id', null],
    ]);
    const text = await runEtl(['quarantine', '--db', db, '--all']);
    const lines = text.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^1\t.*saker\.csv:2\tgrade\t.*\trettet i import 2$/);
    expect(lines[1]).toMatch(/^1\t.*saker\.csv:3\tschool_id\t[^\t]*$/);
  });
});
