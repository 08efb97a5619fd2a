/**
 * Rejections carry the physical line of the file (header = 1), whatever DuckDB counted:
 * quoted line breaks, CRLF, blank lines, rows of empty fields, and CSV-level rejects in between.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../etl/db/openDatabase.ts';
import { importBatch } from '../../../etl/load/importBatch.ts';
import { makeTempDir, removeTempDirs } from '../../helpers/tempDir.ts';
import { openTestDatabase, queryRows } from '../../helpers/testDatabase.ts';
import { testPseudonymKey } from '../../helpers/testKey.ts';
import { writeText, type TestEncoding } from '../../helpers/writeCsv.ts';

const dir = makeTempDir('rt-lines-');
const key = testPseudonymKey();
let db: Database;
let conn: DuckDBConnection;
beforeAll(async () => {
  db = await openTestDatabase();
  conn = db.connection;
});
afterAll(() => {
  db?.close();
  removeTempDirs();
});

const header = 'school_id,school_name,municipality,students';
const few = 'raden har færre felt enn overskriftsraden (4)';
const many = 'raden har flere felt enn overskriftsraden (4)';
const quote = 'feil bruk av anførselstegn (") i raden';
// No value is ever echoed (it could be a name or a birth date typed into the wrong column).
const notInteger = (_v: string) => 'er ikke et heltall (bruk bare sifre, uten desimaler eller minustegn)';

interface LineCase {
  readonly name: string;
  readonly lines: readonly string[];
  readonly eol?: string;
  readonly encoding?: TestEncoding;
  /** Expected rejections as [line, column, reason]. */
  readonly rejected: readonly (readonly [number, string | null, string])[];
  /** Ids of the rows that must load. */
  readonly loaded: readonly string[];
}

/** 35,000 rows of about 200 bytes, a 3.9 MB record, 1,000 more rows and a bad one. */
function acrossBuffers(): LineCase {
  const id = (i: number) => `L${String(i).padStart(5, '0')}`;
  const before = Array.from({ length: 35_000 }, (_, i) => `${id(i)},${'s'.repeat(190)},K,1`);
  const after = Array.from({ length: 1_000 }, (_, i) => `${id(35_000 + i)},Skole,K,2`);
  return {
    name: 'a 3.9 MB record across the reader\'s buffers',
    lines: [header, ...before, `L-lang,${'x'.repeat(3_900_000)},K,1`, ...after, 'L99999,Skole,K,-1'],
    rejected: [
      [35_002, 'school_name', 'er lengre enn 200 tegn'],
      [36_003, 'students', notInteger('-1')],
    ],
    loaded: [...before, ...after].map((_, i) => id(i)),
  };
}

const cases: LineCase[] = [
  {
    name: 'a quoted newline before a bad row',
    lines: [header, 'A1,"Skole\nmed to linjer",K,1', 'A2,Skole,K,-1', 'A3,Skole,K,3'],
    rejected: [[4, 'students', notInteger('-1')]],
    loaded: ['A1', 'A3'],
  },
  {
    name: 'several quoted newlines, CRLF inside and between rows',
    eol: '\r\n',
    lines: [header, 'B1,"a\r\nb\r\nc",K,1', 'B2,"x\ny",K,tre', 'B3,Skole,K', 'B4,Skole,K,4'],
    rejected: [[5, 'students', notInteger('tre')], [7, null, few]],
    loaded: ['B1', 'B4'],
  },
  {
    name: 'blank lines and a row of empty fields',
    lines: [header, '', 'C1,Skole,K,1', '', '', ',,,', 'C2,Skole,K,x', '', 'C3,Skole,K,3'],
    rejected: [[7, 'students', notInteger('x')]],
    loaded: ['C1', 'C3'],
  },
  {
    name: 'CSV-level rejects (too few, too many, bad quotes) before row-level ones',
    lines: [header, 'D1,Skole', 'D2,Skole,K,2,ekstra', 'D3,"Sk"ole,K,3', 'D4,"Skole\n",K,-4', 'D5,Skole,K,5', 'D6,,K,6'],
    rejected: [[2, null, few], [3, null, many], [4, null, quote], [5, 'students', notInteger('-4')], [8, 'school_name', 'mangler verdi (påkrevd kolonne)']],
    loaded: ['D5'],
  },
  {
    name: 'a quote inside an unquoted field (12" skjerm) before a quoted newline',
    lines: [header, 'I1,"12"" skjerm",K,1', 'I2,12" skjerm,K,2', 'I3,"Skole\nnord",K,3', 'I4,Skole,K,-4', 'I5,Skole 5",K,5', 'I6,Skole,K,-6'],
    rejected: [[6, 'students', notInteger('-4')], [8, 'students', notInteger('-6')]],
    loaded: ['I1', 'I2', 'I3', 'I5'],
  },
  {
    name: 'a quote not closed on its line, closed two lines later (the report names every line it took)',
    lines: [header, 'J1,"Skole,K,1', 'J2,Skole,K,2', 'J3",K', 'J4,Skole,K,-4', 'J5,Skole,K,5'],
    rejected: [[2, null, `${few} (linje 2–4 ble lest som én rad fordi et anførselstegn ikke er lukket på linjen)`], [5, 'students', notInteger('-4')]],
    loaded: ['J5'],
  },
  {
    name: 'a line over 4 MB',
    lines: [header, `K1,${'x'.repeat(4_100_000)},K,1`, 'K2,Skole,K,2'],
    rejected: [[2, null, 'raden er lengre enn 4 MB og kan ikke leses']],
    loaded: ['K2'],
  },
  // The reader splits a file into 8 MB buffers (readCsvSql.ts): a record longer than 3.9 MB
  // that starts at about 7 MB crosses a boundary, and the lines after it keep their numbers.
  acrossBuffers(),
  {
    name: 'a Windows-1252 CRLF file with a quoted newline',
    encoding: 'windows-1252',
    eol: '\r\n',
    lines: ['Skole_ID;Skolenavn;Kommune;Antall elever', 'E1;"Grønnåsen\r\nskole – øst";Bærum;1', 'E2;Åsheim;Bærum;én', 'E3;Ørje;Bærum;3'],
    rejected: [[4, 'Antall elever', notInteger('én')]],
    loaded: ['E1', 'E3'],
  },
  {
    name: 'a file without a final line ending',
    lines: [header, 'F1,Skole,K,1', 'F2,Skole,K,-2'],
    eol: '',
    rejected: [[3, 'students', notInteger('-2')]],
    loaded: ['F1'],
  },
  {
    name: 'blank lines before the header',
    lines: ['', '', header, 'G1,Skole,K,1', 'G2,Skole,K,-2', 'G3,Skole,K,3'],
    rejected: [[5, 'students', notInteger('-2')]],
    loaded: ['G1', 'G3'],
  },
  {
    name: 'blank CRLF lines before the header and a quoted newline',
    eol: '\r\n',
    lines: ['', header, 'H1,"Skole\r\nnord",K,1', '', 'H2,Skole,K', 'H3,Skole,K,-3', 'H4,Skole,K,4'],
    rejected: [[6, null, few], [7, 'students', notInteger('-3')]],
    loaded: ['H1', 'H4'],
  },
];

describe('collectRejections', () => {
  it.each(cases.map((c, i) => [c.name, c, i] as const))('importBatch reports physical lines with %s', async (_name, c, i) => {
    const eol = c.eol ?? '\n';
    const text = c.lines.join(c.eol === '' ? '\n' : eol) + eol;
    const path = writeText(dir, `lines-${i}.csv`, text, c.encoding);
    const report = await importBatch(conn, [path], { key });
    expect(report.rejections).toEqual(c.rejected.map(([line, column, reason]) => ({ file: path, line, column, reason })));
    expect(report.files[0]).toMatchObject({ read: c.loaded.length + c.rejected.length, inserted: c.loaded.length, rejected: c.rejected.length });
    const prefix = c.loaded[0]?.[0] ?? c.rejected.length.toString();
    const stored = await queryRows(conn, `SELECT school_id FROM schools WHERE school_id LIKE '${prefix}%' ORDER BY school_id`);
    expect(stored.map((r) => r.school_id)).toEqual(c.loaded);
  });
});
