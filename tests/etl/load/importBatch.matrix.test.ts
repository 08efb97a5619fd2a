/**
 * The same logical data written every way the contract allows must load to identical table
 * contents: encodings × delimiters × line endings × header styles × date formats. The full
 * product (108 combinations) is too slow for the suite; a covering array holds every pair of
 * values of every two dimensions (so every value of each) in 9 combinations.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KindName } from '../../../etl/contract/types.ts';
import type { Database } from '../../../etl/db/openDatabase.ts';
import { importBatch } from '../../../etl/load/importBatch.ts';
import { columnsOf, formatDate, norwegianHeaders, type DateFormat, type Row } from '../../helpers/contractRows.ts';
import { makeTempDir, removeTempDirs } from '../../helpers/tempDir.ts';
import { dumpDatabase, openTestDatabase } from '../../helpers/testDatabase.ts';
import { testPseudonymKey } from '../../helpers/testKey.ts';
import { writeCsv, type LineEnding, type TestDelimiter, type TestEncoding } from '../../helpers/writeCsv.ts';

type Written = { canonical: Row; norwegian: Row };

/** Each row as the codes write it and as a Norwegian export writes it (dates in ISO, formatted later). */
const schools: Written[] = [
  {
    canonical: { school_id: 'S-1', school_name: 'Grønnåsen skole, "Nord"', municipality: 'Ålesund', municipality_code: '1507', level: 'barneskole', students: '356', staff: '44' },
    norwegian: { level: 'Barneskole' },
  },
  {
    canonical: { school_id: 'S-2', school_name: 'Ærfuglvika skole – Øst; kantine 25 €', municipality: 'Bærum', municipality_code: '3024', level: 'ungdomsskole', students: '', staff: '' },
    norwegian: { level: 'Ungdomsskole' },
  },
].map((r) => ({ canonical: r.canonical, norwegian: { ...r.canonical, ...r.norwegian } }));

const meetings: Written[] = [
  {
    canonical: {
      meeting_id: 'M-1', school_id: 'S-1', date: '2024-02-29', status: 'held', system_minutes: '60', individual_minutes: '45',
      agenda_sent_date: '2024-02-27', minutes_written: 'true', participants: 'rektor|ppt|helsesykepleier',
    },
    norwegian: { status: 'Gjennomført', minutes_written: 'Ja', participants: 'Rektor | PPT | Helsesykepleier' },
  },
  {
    canonical: {
      meeting_id: 'M-2', school_id: 'S-2', date: '2025-01-03', status: 'cancelled', system_minutes: '', individual_minutes: '',
      agenda_sent_date: '2025-01-01', minutes_written: 'false', participants: 'spesped_koordinator',
    },
    norwegian: { status: 'Avlyst', minutes_written: 'Nei', participants: 'Spesped koordinator' },
  },
  {
    canonical: {
      meeting_id: 'M-3', school_id: 'S-2', date: '2025-12-31', status: '', system_minutes: '0', individual_minutes: '90',
      agenda_sent_date: '', minutes_written: '', participants: '',
    },
    norwegian: {},
  },
].map((r) => ({ canonical: r.canonical, norwegian: { ...r.canonical, ...r.norwegian } }));

/** What every combination must leave in the tables (every column as text, rows in order). */
const expected = {
  schools: {
    columns: columnsOf('schools'),
    rows: [
      ['S-1', 'Grønnåsen skole, "Nord"', 'Ålesund', '1507', 'barneskole', '356', '44'],
      ['S-2', 'Ærfuglvika skole – Øst; kantine 25 €', 'Bærum', '3024', 'ungdomsskole', null, null],
    ],
  },
  meetings: {
    columns: columnsOf('meetings'),
    rows: [
      ['M-1', 'S-1', '2024-02-29', 'held', '60', '45', '2024-02-27', 'true', '[rektor, ppt, helsesykepleier]'],
      ['M-2', 'S-2', '2025-01-03', 'cancelled', null, null, '2025-01-01', 'false', '[spesped_koordinator]'],
      ['M-3', 'S-2', '2025-12-31', 'held', '0', '90', null, null, null],
    ],
  },
};

const encodings: readonly TestEncoding[] = ['utf-8', 'utf-8-bom', 'windows-1252'];
const delimiters: readonly TestDelimiter[] = [',', ';', '\t'];
const dates: readonly DateFormat[] = ['iso', 'dd.mm.yyyy', 'd.m.yyyy'];
const lineEndings: readonly LineEnding[] = ['\n', '\r\n'];
const headerStyles = ['canonical', 'norwegian'] as const;

/**
 * A covering array: in any two columns every pair of values occurs (an orthogonal array
 * OA(9, 4, 3, 2) for the first four columns, the line ending collapsed to two values, and
 * the header style chosen so its pairs are covered too).
 */
const coveringArray = [
  [0, 0, 0, 0, 0], [0, 1, 1, 0, 1], [0, 2, 2, 1, 0],
  [1, 0, 1, 1, 0], [1, 1, 2, 0, 0], [1, 2, 0, 0, 1],
  [2, 0, 2, 0, 1], [2, 1, 0, 1, 1], [2, 2, 1, 0, 0],
] as const;
const levels = [encodings.length, delimiters.length, dates.length, lineEndings.length, headerStyles.length];

const combinations = coveringArray.map(([e, d, f, l, h]) => {
  const combination = { encoding: encodings[e]!, delimiter: delimiters[d]!, dateFormat: dates[f]!, lineEnding: lineEndings[l]!, headers: headerStyles[h]! };
  const label = `${combination.encoding}, ${JSON.stringify(combination.delimiter)}, ${l ? 'CRLF' : 'LF'}, ${combination.headers} headers, ${combination.dateFormat} dates`;
  return { label, ...combination };
});

const dir = makeTempDir('rt-matrix-');
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

function table(kind: KindName, rows: readonly Written[], c: (typeof combinations)[number]): string[][] {
  const columns = columnsOf(kind);
  const header = columns.map((col) => (c.headers === 'norwegian' ? norwegianHeaders[kind][col]! : col));
  const isoDate = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
  const value = (v: string) => (isoDate.test(v) ? formatDate(v, c.dateFormat) : v);
  return [header, ...rows.map((r) => columns.map((col) => value(r[c.headers][col]!)))];
}

describe('importBatch over encodings, delimiters, line endings, headers and date formats', () => {
  it('the combinations hold every pair of values of every two dimensions', () => {
    for (let i = 0; i < levels.length; i++) {
      for (let j = i + 1; j < levels.length; j++) {
        const pairs = new Set(coveringArray.map((row) => `${row[i]}/${row[j]}`));
        expect(pairs.size, `dimensions ${i} and ${j}`).toBe(levels[i]! * levels[j]!);
      }
    }
  });

  it.each(combinations.map((c, i) => [c.label, c, i] as const))('importBatch loads the same rows from %s', async (_label, c, i) => {
    await conn.run('DELETE FROM meetings');
    await conn.run('DELETE FROM schools');
    const here = join(dir, String(i));
    mkdirSync(here);
    const options = { encoding: c.encoding, delimiter: c.delimiter, lineEnding: c.lineEnding };
    const files = [writeCsv(here, 'motelogg.csv', table('meetings', meetings, c), options), writeCsv(here, 'skoler.csv', table('schools', schools, c), options)];
    const report = await importBatch(conn, files, { key });
    expect(report.rejections).toEqual([]);
    expect(report.files.map((f) => [f.kind, f.read, f.inserted, f.ignored_columns])).toEqual([
      ['schools', 2, 2, []],
      ['meetings', 3, 3, []],
    ]);
    expect(await dumpDatabase(conn, ['schools', 'meetings'])).toEqual(expected);
  });
});
