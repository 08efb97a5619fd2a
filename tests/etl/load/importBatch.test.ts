/**
 * importBatch as a whole: a problem with a whole file loads nothing of the batch (the reason
 * names the file), an error mid-batch rolls everything back, folders contribute their CSV
 * files, and no per-file temporary table outlives the import.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kinds } from '../../../etl/contract/index.ts';
import type { Database } from '../../../etl/db/openDatabase.ts';
import { importBatch } from '../../../etl/load/importBatch.ts';
import { ImportError } from '../../../etl/load/importReport.ts';
import { baseRow, tableOf } from '../../helpers/contractRows.ts';
import { makeTempDir, removeTempDirs } from '../../helpers/tempDir.ts';
import { countRows, openTestDatabase, queryRows } from '../../helpers/testDatabase.ts';
import { testPseudonymKey } from '../../helpers/testKey.ts';
import { writeCsv, writeText } from '../../helpers/writeCsv.ts';

const dir = makeTempDir('rt-batch-');
const key = testPseudonymKey();
let db: Database;
let conn: DuckDBConnection;
let goodSchools: string;
let goodMeetings: string;

beforeAll(async () => {
  db = await openTestDatabase();
  conn = db.connection;
  goodSchools = writeCsv(dir, 'skoler.csv', tableOf('schools', [{ ...baseRow('schools', 1), school_id: 'S1' }]));
  goodMeetings = writeCsv(dir, 'motelogg.csv', tableOf('meetings', [{ ...baseRow('meetings', 1), school_id: 'S1' }]));
});
afterAll(() => {
  db?.close();
  removeTempDirs();
});

async function nothingStored(): Promise<boolean> {
  for (const table of [...kinds.map((k) => k.kind), 'quarantine', 'import_batches']) if ((await countRows(conn, table)) > 0) return false;
  return true;
}

async function importError(paths: string[]): Promise<ImportError> {
  try {
    await importBatch(conn, paths, { key });
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

describe('importBatch with a file that cannot be read as a whole', () => {
  it.each([
    { name: 'a missing file', file: () => join(dir, 'borte.csv'), reason: /borte\.csv: filen eller mappen finnes ikke/ },
    { name: 'an empty file', file: () => writeText(dir, 'tom.csv', ''), reason: /tom\.csv: filen er tom/ },
    { name: 'a file of only a BOM and blank lines', file: () => writeText(dir, 'bom.csv', '\n\r\n', 'utf-8-bom'), reason: /bom\.csv: filen er tom/ },
    { name: 'an unknown header (foo,bar)', file: () => writeText(dir, 'foo.csv', 'foo,bar\n1,2\n'), reason: /foo\.csv: ukjent filtype: ingen av overskriftene er kolonnenavn/ },
    { name: 'a header without delimiters', file: () => writeText(dir, 'en.csv', 'school_id\nS1\n'), reason: /en\.csv: fant ikke skilletegn/ },
    { name: 'a spreadsheet saved under a .csv name', file: () => writeText(dir, 'regneark.csv', 'PK\u0003\u0004\u0000\u0000'), reason: /regneark\.csv: filen er ikke en gyldig \.xlsx-fil/ }, // a zip is read as the workbook it is
    {
      name: 'a big-endian UTF-16 file with an odd number of bytes',
      file: () => {
        const path = join(dir, 'unicode.csv');
        writeFileSync(path, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('school_id;school_name;municipality\nS2;B;K\n', 'utf16le').swap16(), Buffer.from([0x4b])]));
        return path;
      },
      reason: /^[^:]*unicode\.csv: filen er lagret som UTF-16 \(«Unicode-tekst»\), men har et odde antall byte/,
    },
    { name: 'a column given twice', file: () => writeText(dir, 'to.csv', 'school_id;skole_id;school_name;municipality\n'), reason: /to\.csv: kolonnen finnes mer enn én gang: skole_id/ },
  ])('importBatch with $name throws an ImportError naming the file and loads nothing else', async ({ file, reason }) => {
    const error = await importError([goodSchools, file(), goodMeetings]);
    expect(error.message).toMatch(reason);
    expect(await nothingStored()).toBe(true);
  });

  it('importBatch of an empty folder throws an ImportError', async () => {
    const empty = join(dir, 'tom-mappe');
    mkdirSync(empty);
    writeFileSync(join(empty, 'les-meg.md'), 'ikke data');
    expect((await importError([empty])).message).toMatch(/ingen CSV- eller Excel-filer \(\.xlsx\) å importere/);
  });
});

describe('importBatch with an error in the middle of the batch', () => {
  it('importBatch rolls back every file already staged and names the error', async () => {
    const failing = importBatch(conn, [goodSchools, goodMeetings], {
      key,
      onFileLoaded: (file) => {
        if (file === goodMeetings) throw new Error('disk full');
      },
    });
    await expect(failing).rejects.toThrow(/databasefeil, ingenting er lest inn: disk full/);
    expect(await nothingStored()).toBe(true);
    // Files are staged outside the transaction: their temp tables must go with the failure too.
    const left = await queryRows(conn, `SELECT table_name FROM duckdb_tables() WHERE temporary AND regexp_matches(table_name, '^rt_.*_[0-9]+')`);
    expect(left).toEqual([]);
  });
});

describe('importBatch on folders and odd but valid files', () => {
  it('importBatch takes .csv, .tsv and .txt files (and .xlsx: importBatch.xlsx.test.ts) from a folder and leaves other files alone', async () => {
    const folder = join(dir, 'mappe');
    mkdirSync(folder);
    writeCsv(folder, 'a-skoler.CSV', tableOf('schools', [{ ...baseRow('schools', 1), school_id: 'F1' }]));
    writeCsv(folder, 'b-skoler.tsv', tableOf('schools', [{ ...baseRow('schools', 2), school_id: 'F2' }]), { delimiter: '\t' });
    writeCsv(folder, 'c-skoler.txt', tableOf('schools', [{ ...baseRow('schools', 3), school_id: 'F3' }]), { delimiter: ';' });
    writeFileSync(join(folder, 'd-notater.docx'), 'PK\u0003\u0004 not a csv');
    writeFileSync(join(folder, '~$e-laast.xlsx'), 'Excel\'s lock file while a workbook is open');
    const report = await importBatch(conn, [folder], { key });
    expect(report.files.map((f) => [f.file.slice(folder.length + 1), f.inserted])).toEqual([
      ['a-skoler.CSV', 1],
      ['b-skoler.tsv', 1],
      ['c-skoler.txt', 1],
    ]);
  });

  it('importBatch loads a header-only file as zero rows', async () => {
    const report = await importBatch(conn, [writeText(dir, 'bare-overskrift.csv', 'meeting_id;school_id;date\r\n')], { key });
    expect(report.files[0]).toMatchObject({ kind: 'meetings', read: 0, inserted: 0, rejected: 0 });
  });

  it('importBatch reports 0 (not null) inserted, updated and unchanged for a file whose every row is rejected', async () => {
    const report = await importBatch(conn, [writeText(dir, 'alle-avvist.csv', 'meeting_id;school_id;date\nX1;FINNES-IKKE;2025-01-01\n')], { key });
    expect(report.files[0]).toEqual(expect.objectContaining({ read: 1, inserted: 0, updated: 0, unchanged: 0, rejected: 1 }));
  });

  it('importBatch with an explicit kind reads a file whose header fits two kinds equally', async () => {
    await importBatch(conn, [writeCsv(dir, 'skole-k.csv', tableOf('schools', [{ ...baseRow('schools', 1), school_id: 'K' }]))], { key });
    const path = writeText(dir, 'tvetydig.csv', 'school_id,date,activity,meeting_id\nK,2025-01-01,meeting,KM1\n');
    expect((await importError([path])).message).toMatch(/filtypen er tvetydig \(meetings eller yearwheel\); oppgi den med --kind/);
    const report = await importBatch(conn, [path], { key, kind: 'yearwheel' });
    expect(report.files[0]).toMatchObject({ kind: 'yearwheel', inserted: 1, ignored_columns: ['meeting_id'] });
  });

  it("importBatch reads Excel's «Unicode-tekst» (UTF-16 with BOM, TAB-separated)", async () => {
    const text = 'skole_id\tskolenavn\tkommune\r\nU16\tÆrlighet skole\tSolstrand\r\n';
    const path = join(dir, 'unicode.txt');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const report = await importBatch(conn, [path], { key });
    expect(report.files[0]).toMatchObject({ kind: 'schools', read: 1, inserted: 1, rejected: 0 });
    expect(await queryRows(conn, `SELECT school_name FROM schools WHERE school_id = 'U16'`)).toEqual([{ school_name: 'Ærlighet skole' }]);
  });

  it('importBatch reads a file that mixes CRLF and LF line endings, bad rows on their own lines', async () => {
    const text =
      'meeting_id;school_id;date\r\n' + // header and first row from a Windows export …
      'BL1;S1;2025-01-06\r\n' +
      'BL2;S1;2025-01-13\n' + // … the rest pasted from another system
      'BL3;S1;2025-13-40\n' +
      'BL4;S1;2025-01-27\r\n';
    await importBatch(conn, [goodSchools], { key });
    const report = await importBatch(conn, [writeText(dir, 'blandet.csv', text)], { key });
    expect(report.files[0]).toMatchObject({ kind: 'meetings', read: 4, inserted: 3, rejected: 1 });
    expect(report.rejections).toEqual([expect.objectContaining({ line: 4, column: 'date' })]);
  });

  it.each([
    { name: 'UTF-8 with LF', eol: '\n', encoding: 'utf-8' as const, id: 'QU' },
    { name: 'Windows-1252 with CRLF', eol: '\r\n', encoding: 'windows-1252' as const, id: 'QW' },
  ])('importBatch rejects only the line of a quote never closed and reads every row after it ($name)', async ({ eol, encoding, id }) => {
    await importBatch(conn, [goodSchools], { key });
    const lines = ['meeting_id;school_id;date', `${id}1;S1;2025-02-03`, `${id}2;"S1;2025-02-10`, `${id}3;S1;2025-02-17`, `${id}4;S1;2025-13-24`, `${id}5;S1;2025-03-03`, ''];
    const report = await importBatch(conn, [writeText(dir, `anforsel-${encoding}.csv`, lines.join(eol), encoding)], { key });
    expect(report.files[0]).toMatchObject({ kind: 'meetings', read: 5, inserted: 3, rejected: 2 });
    expect(report.rejections.map((r) => [r.line, r.column])).toEqual([
      [3, 'school_id'],
      [5, 'date'],
    ]);
    expect(report.rejections[0]!.reason).toMatch(/anførselstegnet \("\) som åpner feltet lukkes aldri/);
    const stored = await queryRows(conn, `SELECT meeting_id FROM meetings WHERE meeting_id LIKE '${id}%' ORDER BY 1`);
    expect(stored.map((r) => r.meeting_id)).toEqual([`${id}1`, `${id}3`, `${id}5`]);
  });

  it('importBatch leaves none of its per-file temporary tables behind', async () => {
    await importBatch(conn, [goodSchools, goodMeetings], { key });
    const left = await queryRows(conn, `SELECT table_name FROM duckdb_tables() WHERE temporary AND regexp_matches(table_name, '^rt_.*_[0-9]+')`);
    expect(left).toEqual([]);
  });
});
