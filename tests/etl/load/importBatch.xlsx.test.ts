/**
 * .xlsx workbooks through the importer: a workbook built here from hand-written XML loads
 * exactly the rows of the equivalent CSV files (written here by hand), its errors name the
 * file, the sheet, the row Excel shows and the column letter with its header, and hostile
 * workbooks (a zip bomb, too many rows, a broken zip, entities) are refused with a reason
 * while the database stays as it was.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../etl/db/openDatabase.ts';
import { importBatch } from '../../../etl/load/importBatch.ts';
import type { ImportReport } from '../../../etl/load/importReport.ts';
import { defaultXlsxLimits, type XlsxLimits } from '../../../etl/read/xlsx/xlsxLimits.ts';
import { validNumberFrom } from '../../helpers/nationalIdentityNumber.ts';
import { dumpDatabase, openTestDatabase } from '../../helpers/testDatabase.ts';
import { testPseudonymKey } from '../../helpers/testKey.ts';
import { buildXlsx, workbookParts, type TestWorkbook } from '../../helpers/xlsxWorkbook.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rt-xlsx-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const key = testPseudonymKey();
const write = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** Everything the import stored, but the batch log (its time and file names differ by design). */
async function storedRows(db: Database) {
  const dump = await dumpDatabase(db.connection);
  delete dump.import_batches;
  delete dump.audit_log;
  // A refused batch is kept in the history by design (recordRefusal.test.ts); the data is what must not change.
  delete dump.import_refusals;
  return dump;
}

// Shared strings: 0 skole_id, 1 skolenavn, 2 kommune, 3 elever, 4 S1, 5 Nordvik skole, 6 Fjordvik, 7 S2
const schoolsSheet = {
  name: 'Skoler',
  rows:
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
    '<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="s"><v>5</v></c><c r="C2" t="s"><v>6</v></c><c r="D2"><v>250</v></c></row>' +
    // An inline string with ø, and a formula whose cached value (212) is what is read.
    '<row r="3"><c r="A3" t="s"><v>7</v></c><c r="B3" t="inlineStr"><is><t>Sørli skole</t></is></c><c r="C3" t="s"><v>6</v></c><c r="D3"><f>200+12</f><v>212</v></c></row>',
};
const casesSheet = {
  name: 'Saker',
  rows:
    '<row r="1"><c r="A1" t="inlineStr"><is><t>sak_id</t></is></c><c r="B1" t="inlineStr"><is><t>skole_id</t></is></c><c r="C1" t="inlineStr"><is><t>sakstype</t></is></c>' +
    '<c r="D1" t="inlineStr"><is><t>forste_bekymring</t></is></c><c r="E1" t="inlineStr"><is><t>avsluttet_dato</t></is></c><c r="F1" t="inlineStr"><is><t>utfall</t></is></c><c r="G1" t="inlineStr"><is><t>trinn</t></is></c></row>' +
    // 45536 is 1 September 2024 in Excel's 1900 system; trinn 5 as a number.
    '<row r="2"><c r="A2" t="inlineStr"><is><t>K1</t></is></c><c r="B2" t="s"><v>4</v></c><c r="C2" t="inlineStr"><is><t>Individsak</t></is></c><c r="D2" s="1"><v>45536</v></c><c r="G2"><v>5</v></c></row>' +
    // A date typed as text, a serial with a time of day (45580.75: 15 October 2024, 18:00), a rich-text string.
    '<row r="3"><c r="A3" t="inlineStr"><is><t>K2</t></is></c><c r="B3" t="s"><v>7</v></c><c r="C3" t="inlineStr"><is><r><t>system</t></r><r><t>sak</t></r></is></c>' +
    '<c r="D3" t="inlineStr"><is><t>15.09.2024</t></is></c><c r="E3"><v>45580.75</v></c><c r="F3" t="str"><f>"avsluttet"</f><v>avsluttet</v></c></row>' +
    // Row 4 is missing (empty in Excel); row 5 has empty cells written out.
    '<row r="5"><c r="A5" t="inlineStr"><is><t>K3</t></is></c><c r="B5" t="s"><v>4</v></c><c r="C5" t="inlineStr"><is><t>anonym</t></is></c><c r="D5"><v>45537</v></c><c r="E5"/><c r="F5" t="inlineStr"><is><t></t></is></c></row>',
};

const schoolsCsv = 'skole_id;skolenavn;kommune;elever\nS1;Nordvik skole;Fjordvik;250\nS2;Sørli skole;Fjordvik;212\n';
const casesCsv =
  'sak_id;skole_id;sakstype;forste_bekymring;avsluttet_dato;utfall;trinn\nK1;S1;Individsak;01.09.2024;;;5\nK2;S2;systemsak;15.09.2024;2024-10-15;avsluttet;\nK3;S1;anonym;02.09.2024;;;\n';

const sharedStrings = ['skole_id', 'skolenavn', 'kommune', 'elever', 'S1', 'Nordvik skole', 'Fjordvik', 'S2'];

describe('a workbook with two kinds on two sheets', () => {
  let report: ImportReport;
  let fromXlsx: Awaited<ReturnType<typeof storedRows>>;
  let fromCsv: Awaited<ReturnType<typeof storedRows>>;

  beforeAll(async () => {
    const book: TestWorkbook = {
      sharedStrings,
      sheets: [
        { name: 'Info', rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>Eksportert fra fagsystemet</t></is></c></row>' },
        casesSheet, // the children's sheet first: the batch loads parents first whatever the order
        schoolsSheet,
        // Hidden: a valid cases sheet that must not load (the user does not see it).
        { name: 'Gammel', state: 'hidden', rows: casesSheet.rows.replaceAll('K1', 'K9') },
        { name: 'Tom', rows: '' },
      ],
    };
    const xdb = await openTestDatabase();
    report = await importBatch(xdb.connection, [write('elevdata.xlsx', buildXlsx(book))], { key });
    fromXlsx = await storedRows(xdb);
    xdb.close();
    const cdb = await openTestDatabase();
    await importBatch(cdb.connection, [write('skoler.csv', schoolsCsv), write('saker.csv', casesCsv)], { key });
    fromCsv = await storedRows(cdb);
    cdb.close();
  });

  it('stores exactly the rows of the equivalent CSV files', () => {
    expect(fromXlsx.schools!.rows).toEqual([
      ['S1', 'Nordvik skole', 'Fjordvik', null, null, '250', null],
      ['S2', 'Sørli skole', 'Fjordvik', null, null, '212', null],
    ]);
    expect(fromXlsx.cases!.rows.map((r) => r.slice(0, 4))).toEqual([
      ['K1', 'S1', 'individual', '2024-09-01'],
      ['K2', 'S2', 'system', '2024-09-15'],
      ['K3', 'S1', 'anonymous', '2024-09-02'],
    ]);
    expect(fromXlsx).toEqual(fromCsv);
  });

  it('reports each imported sheet on its own and names the sheets it skipped, with why', () => {
    expect(report.files.map((f) => [f.sheet, f.kind, f.read, f.inserted, f.rejected])).toEqual([
      ['Skoler', 'schools', 2, 2, 0],
      ['Saker', 'cases', 3, 3, 0],
    ]);
    expect(report.files.every((f) => f.file.endsWith('elevdata.xlsx'))).toBe(true);
    expect(report.rejections).toEqual([]);
    expect(report.skipped_sheets!.map((k) => k.sheet)).toEqual(['Info', 'Gammel', 'Tom']);
    expect(report.skipped_sheets![0]!.reason).toMatch(/ukjent filtype/);
    expect(report.skipped_sheets![1]!.reason).toMatch(/^skjult ark/);
    expect(report.skipped_sheets![2]!.reason).toBe('arket er tomt');
  });
});

describe('errors in a sheet', () => {
  const fnr = validNumberFrom('030405123'); // starts with 0: Excel stores it as a 10-digit number
  let report: ImportReport;

  beforeAll(async () => {
    expect(fnr.startsWith('0')).toBe(true);
    const header =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Sak_ID</t></is></c><c r="B1" t="inlineStr"><is><t>Skole_ID</t></is></c><c r="C1" t="inlineStr"><is><t>Sakstype</t></is></c>' +
      '<c r="D1" t="inlineStr"><is><t>Første bekymring</t></is></c><c r="E1" t="inlineStr"><is><t>Merknad</t></is></c></row>';
    const row = (r: number, id: string, school: string | null, kind: string, date: string, extra = '') =>
      `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${id}</t></is></c>` +
      (school === null ? '' : `<c r="B${r}" t="inlineStr"><is><t>${school}</t></is></c>`) +
      `<c r="C${r}" t="inlineStr"><is><t>${kind}</t></is></c>${date}${extra}</row>`;
    const rows = [
      row(2, 'K10', 'S1', 'individsak', '<c r="D2"><v>45536</v></c>'),
      row(4, 'K11', 'S1', 'ukjent_type', '<c r="D4"><v>45536</v></c>'),
      row(7, 'K12', 'S1', 'individsak', '<c r="D7" t="inlineStr"><is><t>31.02.2024</t></is></c>'),
      // Serial 60 is 29 February 1900 in Excel, a day that never was.
      row(8, 'K13', 'S1', 'individsak', '<c r="D8"><v>60</v></c>'),
      // An identity number typed into a free-text column, stored by Excel as a number without its leading zero.
      row(9, 'K14', 'S1', 'individsak', '<c r="D9"><v>45536</v></c>', `<c r="E9"><v>${fnr.slice(1)}</v></c>`),
      // B10:B11 merged: the school is in B10 only, so row 11 has none.
      row(10, 'K15', 'S1', 'individsak', '<c r="D10"><v>45536</v></c>'),
      row(11, 'K16', null, 'individsak', '<c r="D11"><v>45536</v></c>'),
      // A note over two lines (Alt+Enter) does not shift the rows after it.
      row(12, 'K17', 'S1', 'individsak', '<c r="D12"><v>45536</v></c>', '<c r="E12" t="inlineStr"><is><t>første linje\nandre linje</t></is></c>'),
      row(13, 'K18', 'S1', 'individsak', '<c r="D13"><v>99999999</v></c>'),
    ].join('');
    const book: TestWorkbook = { sheets: [{ name: 'Saker 2024', rows: header + rows, after: '<mergeCells count="1"><mergeCell ref="B10:B11"/></mergeCells>' }] };
    const db = await openTestDatabase();
    await importBatch(db.connection, [write('skoler-feil.csv', schoolsCsv)], { key });
    report = await importBatch(db.connection, [write('feil.xlsx', buildXlsx(book))], { key });
    db.close();
  });

  it('names the sheet, the row Excel shows and the column letter with its header', () => {
    const got = report.rejections.map((r) => [r.sheet, r.line, r.column, r.reason]);
    expect(got).toEqual([
      ['Saker 2024', 4, 'C (Sakstype)', expect.stringMatching(/ukjent verdi|ikke en gyldig/)],
      ['Saker 2024', 7, 'D (Første bekymring)', 'er ikke en gyldig dato (bruk ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ)'],
      ['Saker 2024', 8, 'D (Første bekymring)', 'er ikke en gyldig dato (bruk ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ)'],
      ['Saker 2024', 9, 'E (Merknad)', expect.stringMatching(/fødselsnummer/)],
      ['Saker 2024', 11, 'B (Skole_ID)', 'mangler verdi (påkrevd kolonne)'],
      ['Saker 2024', 13, 'D (Første bekymring)', 'er ikke en gyldig dato (bruk ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ)'],
    ]);
    expect(report.rejections.every((r) => r.file.endsWith('feil.xlsx'))).toBe(true);
    expect(report.files).toMatchObject([{ sheet: 'Saker 2024', kind: 'cases', read: 9, inserted: 3, rejected: 6, ignored_columns: ['Merknad'] }]);
  });

  it('never quotes the identity number', () => {
    expect(JSON.stringify(report)).not.toContain(fnr.slice(1));
  });
});

describe('1904 date system', () => {
  it('reads serials from 1 January 1904', async () => {
    const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>sak_id</t></is></c><c r="B1" t="inlineStr"><is><t>skole_id</t></is></c><c r="C1" t="inlineStr"><is><t>sakstype</t></is></c><c r="D1" t="inlineStr"><is><t>forste_bekymring</t></is></c></row>';
    // 44074 days after 1904-01-01 is 2024-09-01 (45536 − 1462, the days between the systems' starts).
    const data = '<row r="2"><c r="A2" t="inlineStr"><is><t>K1</t></is></c><c r="B2" t="inlineStr"><is><t>S1</t></is></c><c r="C2" t="inlineStr"><is><t>systemsak</t></is></c><c r="D2"><v>44074</v></c></row>';
    const db = await openTestDatabase();
    await importBatch(db.connection, [write('skoler-1904.csv', schoolsCsv)], { key });
    await importBatch(db.connection, [write('mac.xlsx', buildXlsx({ date1904: true, sheets: [{ name: 'Ark1', rows: header + data }] }))], { key });
    const rows = (await dumpDatabase(db.connection, ['cases'])).cases!.rows;
    db.close();
    expect(rows.map((r) => r[3])).toEqual(['2024-09-01']);
  });
});

describe('hostile and broken workbooks are refused with a reason, the database unchanged', () => {
  const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>skole_id</t></is></c><c r="B1" t="inlineStr"><is><t>skolenavn</t></is></c><c r="C1" t="inlineStr"><is><t>kommune</t></is></c></row>';
  const school = (r: number, text = `S${r}`) => `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${text}</t></is></c><c r="B${r}" t="inlineStr"><is><t>Skole</t></is></c><c r="C${r}" t="inlineStr"><is><t>Fjordvik</t></is></c></row>`;
  const valid = () => write('gyldig.csv', 'skole_id;skolenavn;kommune\nG1;Gyldig skole;Fjordvik\n');

  async function refused(bytes: Uint8Array | string, limits?: Partial<XlsxLimits>): Promise<string> {
    const db = await openTestDatabase();
    await importBatch(db.connection, [write('forste.csv', 'skole_id;skolenavn;kommune\nF1;Første;Fjordvik\n')], { key });
    const before = await storedRows(db);
    const path = write('fiendtlig.xlsx', bytes);
    const error = await importBatch(db.connection, [valid(), path], { key, xlsxLimits: { ...defaultXlsxLimits, ...limits } }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    // The valid file of the same batch is not loaded either: all or nothing.
    expect(await storedRows(db)).toEqual(before);
    // The refusal is in the history, under the workbook's name, with the same reason.
    const history = (await db.connection.runAndReadAll('SELECT file_names::VARCHAR, reason FROM import_refusals')).getRows();
    db.close();
    expect(history).toHaveLength(1);
    expect(String(history[0]![0])).toContain('fiendtlig.xlsx');
    expect(error?.name).toBe('ImportError');
    expect(error!.message.startsWith(`${path}: `)).toBe(true);
    return error!.message.slice(path.length + 2);
  }

  it('a zip bomb: stops inflating at the limit', async () => {
    // 8 MB of one letter in one cell compresses to a few kilobytes.
    const bomb = buildXlsx({ sheets: [{ name: 'Ark1', rows: header + school(2, 'a'.repeat(8 << 20)) }] });
    expect(bomb.length).toBeLessThan(100_000);
    expect(await refused(bomb, { inflatedBytes: 1 << 20 })).toBe(
      'filen pakkes ut til mer enn 1 MB (en «zip-bombe» eller et altfor stort regneark) og leses ikke inn; del den opp eller lagre arkene som CSV',
    );
  });

  it('a bomb that lies about its size in the zip directory is caught by what it inflates', async () => {
    const parts = workbookParts({ sheets: [{ name: 'Ark1', rows: header + school(2, ' '.repeat(4 << 20)) }] });
    const zip = Buffer.from(zipSync(parts));
    // Rewrite every declared uncompressed size to 1 byte (central directory and local headers).
    for (let at = 0; at < zip.length - 4; at++) {
      const sig = zip.readUInt32LE(at);
      if (sig === 0x02014b50) zip.writeUInt32LE(1, at + 24);
      if (sig === 0x04034b50) zip.writeUInt32LE(1, at + 22);
    }
    expect(await refused(zip, { inflatedBytes: 1 << 20 })).toMatch(/^filen pakkes ut til mer enn 1 MB/);
  });

  it('a text longer than any cell: refused before the parser holds it', async () => {
    // Excel's cells hold at most 32,767 characters; 2 MB of text without markup is no spreadsheet's.
    const long = buildXlsx({ sheets: [{ name: 'Skoler', rows: header + school(2, 'a'.repeat(2 << 20)) }] });
    expect(await refused(long)).toBe('arket «Skoler» har en tekst eller et element som er lengre enn 1 MB; det er ikke en vanlig Excel-fil');
  });

  it('too many rows in a sheet', async () => {
    const rows = [2, 3, 4, 5, 6].map((r) => school(r)).join('');
    expect(await refused(buildXlsx({ sheets: [{ name: 'Skoler', rows: header + rows }] }), { rowsPerSheet: 4 })).toBe('arket «Skoler» har mer enn 4 rader med innhold; del det opp');
  });

  it('more shared strings than the limit, and more cells in a row than Excel has columns', async () => {
    expect(await refused(buildXlsx({ sharedStrings: ['a', 'b', 'c', 'd'], sheets: [{ name: 'Skoler', rows: header + school(2) }] }), { sharedStrings: 3 })).toBe(
      'arbeidsboken har mer enn 3 ulike tekster; del den opp',
    );
    const crowded = '<row r="2">' + '<c r="A2" t="inlineStr"><is><t>x</t></is></c>'.repeat(16_385) + '</row>';
    expect(await refused(buildXlsx({ sheets: [{ name: 'Skoler', rows: header + crowded }] }))).toBe('arket «Skoler» har en rad med mer enn 16384 celler (Excels grense)');
  });

  it('a row number beyond Excel’s last row', async () => {
    expect(await refused(buildXlsx({ sheets: [{ name: 'Skoler', rows: header + school(1_048_577) }] }))).toBe('arket «Skoler» har et radnummer utenfor Excels grense (1048576)');
  });

  it('a file larger than the limit', async () => {
    expect(await refused(buildXlsx({ sheets: [{ name: 'Skoler', rows: header + school(2) }] }), { fileBytes: 100 })).toMatch(/^filen er 1 MB; en Excel-arbeidsbok kan være høyst 0 MB/);
  });

  it('not a zip at all, and a truncated one', async () => {
    expect(await refused('skole_id;skolenavn\n')).toMatch(/^filen er ikke en gyldig \.xlsx-fil/);
    const whole = buildXlsx({ sheets: [{ name: 'Skoler', rows: header + school(2) }] });
    expect(await refused(whole.subarray(0, Math.floor(whole.length / 2)))).toMatch(/^filen er ikke en gyldig \.xlsx-fil/);
  });

  it('a sheet that is not well-formed XML, and one that declares its own entities', async () => {
    expect(await refused(buildXlsx({ sheets: [{ name: 'Skoler', rows: header + '<row r="2"><c r="A2"><v>1</c></row>' }] }))).toBe(
      'filen er skadet: arket «Skoler» er ikke gyldig XML; lagre den på nytt fra Excel',
    );
    const entity = `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${header}<row r="2"><c r="A2" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>`;
    expect(await refused(buildXlsx({ sheets: [{ name: 'Skoler', rows: '' }], parts: { 'xl/worksheets/sheet1.xml': entity } }))).toMatch(/ikke gyldig XML/);
  });

  it('a workbook whose only data sheet is hidden', async () => {
    expect(await refused(buildXlsx({ sheets: [{ name: 'Skoler', state: 'veryHidden', rows: header + school(2) }] }))).toBe(
      'ingen ark i arbeidsboken kan leses inn («Skoler»: skjult ark; vis arket i Excel for å lese det inn)',
    );
  });

  it('an encrypted entry', async () => {
    const zip = Buffer.from(buildXlsx({ sheets: [{ name: 'Skoler', rows: header + school(2) }] }));
    for (let at = 0; at < zip.length - 4; at++) if (zip.readUInt32LE(at) === 0x02014b50) zip.writeUInt16LE(1, at + 8);
    expect(await refused(zip)).toMatch(/^filen er kryptert eller passordbeskyttet/);
  });

  it('a shared string index that does not exist', async () => {
    expect(await refused(buildXlsx({ sheets: [{ name: 'Skoler', rows: header.replace('t="inlineStr"><is><t>skole_id</t></is>', 't="s"><v>7</v>') }] }))).toMatch(
      /en celle viser til en delt tekst som ikke finnes/,
    );
  });
});
