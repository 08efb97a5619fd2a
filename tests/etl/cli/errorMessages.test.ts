/**
 * What `npm run --silent etl` prints on stderr when a command fails: stderr goes to an
 * administrator's cron log, so an error that quotes a row's value (here DuckDB's conversion
 * error on a quarantine row holding a name and a date) prints neither, while the project's
 * own messages about the administrator's arguments (an unknown school id, a missing file)
 * stay whole and readable.
 */
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliErrorMessage } from '../../../etl/log/cliErrorMessage.ts';
import { UserFacingError } from '../../../etl/log/userFacingError.ts';
import { runEtl } from '../../helpers/runEtl.ts';
import { makeTempDir, removeTempDirs } from '../../helpers/tempDir.ts';

const dir = makeTempDir('rt-cli-errors-');
const poisoned = join(dir, 'poisoned.duckdb');
const fresh = join(dir, 'fresh.duckdb');
afterAll(removeTempDirs);

beforeAll(async () => {
  // A quarantine table from an older schema: `line` is text, and one row holds a name and a
  // date where the line number should be. `quarantine` casts it, and DuckDB quotes the value.
  const instance = await DuckDBInstance.create(poisoned);
  const conn = await instance.connect();
  await conn.run(`CREATE TABLE quarantine (batch_id INTEGER NOT NULL, file VARCHAR NOT NULL, kind VARCHAR, line VARCHAR NOT NULL, "column" VARCHAR, reason VARCHAR NOT NULL)`);
  await conn.run(`INSERT INTO quarantine VALUES (1, 'saker.csv', 'cases', 'Ola Nordmann 12.03.2014', 'student_ref', 'ugyldig')`);
  conn.closeSync();
  instance.closeSync();
});

describe('command-line errors', () => {
  it('an error quoting a value from the data prints no value, only that something unexpected failed', async () => {
    const run = await runEtl(['quarantine', '--db', poisoned]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^feil: uventet feil \(Error\): Conversion Error: Could not convert string «…» to INT32/);
    for (const value of ['Ola', 'Nordmann', '12.03.2014', '2014', '12']) expect(run.stderr).not.toContain(value);
  });

  it('an unknown school id given on the command line is named in the message', async () => {
    const run = await runEtl(['user', 'add', 'rektor2', '--role', 'rector', '--school', '990099999', '--db', fresh]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('feil: skolen «990099999» finnes ikke\n');
  });

  it('a missing file is named in the message', async () => {
    const missing = join(dir, 'mangler-2024', 'saker.csv');
    const run = await runEtl(['import', missing, '--db', fresh]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`feil: ${missing}: filen eller mappen finnes ikke eller kan ikke leses\n`);
  });

  it('a bad option is explained in Norwegian', async () => {
    const run = await runEtl(['quarantine', '--batch', 'tre', '--db', fresh]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('feil: --batch må være et heltall\n');
  });
});

describe('cliErrorMessage', () => {
  it.each([
    [new UserFacingError('skolen «990099999» finnes ikke'), 'skolen «990099999» finnes ikke'],
    [new TypeError("Cannot read 'Kari 01017012345'"), 'uventet feil (TypeError): Cannot read «…»'],
    [new Error('row 4711 has 01017012345'), 'uventet feil (Error): row # has #'],
    ['Ola Nordmann', 'uventet feil (string)'],
  ])('%s → %s', (error, expected) => {
    expect(cliErrorMessage(error)).toBe(expected);
  });
});
