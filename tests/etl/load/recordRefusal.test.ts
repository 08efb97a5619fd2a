/**
 * A refused batch in the import history (import_refusals): the importer's own reason with
 * the file's last name, never the database's words, never a national identity number; and
 * importBatch writes it after the rollback, with nothing else of the batch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../etl/db/openDatabase.ts';
import { importBatch } from '../../../etl/load/importBatch.ts';
import { ImportError } from '../../../etl/load/importReport.ts';
import { refusalReason } from '../../../etl/load/recordRefusal.ts';
import { makeTempDir, removeTempDirs } from '../../helpers/tempDir.ts';
import { countRows, openTestDatabase, queryRows } from '../../helpers/testDatabase.ts';
import { testPseudonymKey } from '../../helpers/testKey.ts';
import { writeText } from '../../helpers/writeCsv.ts';

const dir = makeTempDir('rt-refusal-');
let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => {
  db?.close();
  removeTempDirs();
});

const last = (path: string) => path.split('/').pop()!;

describe('refusalReason', () => {
  it('keeps only «databasefeil, ingenting er lest inn» of a database error (DuckDB quotes values)', () => {
    const error = new ImportError("databasefeil, ingenting er lest inn: Conversion Error: Could not convert string 'Ola Nordmann' to INT32");
    expect(refusalReason(error, last)).toBe('databasefeil, ingenting er lest inn');
  });

  it('names the file by its last name, as the history shows it', () => {
    expect(refusalReason(new ImportError('filen er tom (mangler overskriftsrad)', '/home/kontor/eksport/tom.csv'), last)).toBe('tom.csv: filen er tom (mangler overskriftsrad)');
  });

  it('keeps no national identity number, in the file name or the reason', () => {
    // 01017000027: an invented number with valid check digits (mod 11).
    expect(refusalReason(new ImportError('filen er tom (mangler overskriftsrad)', '/tmp/01017000027.csv'), last)).toBe('(filnavn med fødselsnummer): filen er tom (mangler overskriftsrad)');
  });
});

describe('importBatch refused', () => {
  it('records the refusal (CLI, named by the last part of the path) and loads nothing else', async () => {
    const good = writeText(dir, 'skoler.csv', 'skole_id;skolenavn;kommune\nS1;A;K\n');
    const bad = writeText(dir, 'rart.csv', 'foo;bar\n1;2\n');
    await expect(importBatch(db.connection, [good, bad], { key: testPseudonymKey(), actor: { username: 'kontor', via: 'cli' } })).rejects.toThrow(ImportError);
    const rows = await queryRows(db.connection, 'SELECT username, via, file_names, reason FROM import_refusals');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ username: 'kontor', via: 'cli', file_names: ['skoler.csv', 'rart.csv'] });
    expect(String(rows[0]!.reason)).toMatch(/^rart\.csv: ukjent filtype/);
    expect(await countRows(db.connection, 'schools')).toBe(0);
    expect(await countRows(db.connection, 'import_batches')).toBe(0);
  });
});
