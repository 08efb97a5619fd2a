/**
 * Personal data never reaches the database or any output: student refs are stored only as
 * keyed pseudonyms, name and free-text columns are not stored at all, a national identity
 * number in any written form and in any column rejects its row without being shown, and a
 * name with a birth date typed into an id is refused without being quoted. Checked on every
 * table of the database file (after closing and reopening), on the raw bytes of the file and
 * its WAL, on the import report and the quarantine, and on the command line's output (the
 * JSON and the text report, and `quarantine --json`) and its database.
 */
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBatch } from '../../../etl/load/importBatch.ts';
import type { ImportReport } from '../../../etl/load/importReport.ts';
import { validNumberFrom } from '../../helpers/nationalIdentityNumber.ts';
import { runEtl, type EtlRun } from '../../helpers/runEtl.ts';
import { makeTempDir, removeTempDirs } from '../../helpers/tempDir.ts';
import { dumpDatabase, openTestDatabase, tableNames, type TableDump } from '../../helpers/testDatabase.ts';
import { testKeyBytes, testPseudonymKey } from '../../helpers/testKey.ts';
import { encodeText, writeCsv } from '../../helpers/writeCsv.ts';

const dir = makeTempDir('rt-privacy-');
const dbPath = join(dir, 'personvern.duckdb');
const cliDbPath = join(dir, 'cli', 'personvern.duckdb');

/** A distinct valid number per written form, so each secret is found only where it was put. */
const fnr = {
  ref: validNumberFrom('030405123'),
  freeTextInside: validNumberFrom('170911456'),
  freeText: validNumberFrom('120314321'),
  caseIdInside: validNumberFrom('050607234'),
  caseIdHyphen: validNumberFrom('110208345'),
  refSpace: validNumberFrom('240312456'),
  dateSpace: validNumberFrom('300613567'),
  nameDotted: validNumberFrom('071109678'),
  schoolDot: validNumberFrom('191210789'),
  freeTextLongDate: validNumberFrom('281011890'),
  dNumber: validNumberFrom('450607901'),
  hNumber: validNumberFrom('015290012'),
  caseIdFourSeven: validNumberFrom('081012135'),
  freeTextThrees: validNumberFrom('140307246'),
  dateSixTwoThree: validNumberFrom('260115357'),
  refEnDash: validNumberFrom('090917468'),
};
const six = (n: string) => n.slice(0, 6);
const five = (n: string) => n.slice(6);
const written = {
  caseIdInside: `SAK ${fnr.caseIdInside}`,
  caseIdHyphen: `${six(fnr.caseIdHyphen)}-${five(fnr.caseIdHyphen)}`,
  refSpace: `${six(fnr.refSpace)} ${five(fnr.refSpace)}`,
  dateSpace: `${six(fnr.dateSpace)} ${five(fnr.dateSpace)}`,
  nameDotted: `${fnr.nameDotted.slice(0, 2)}.${fnr.nameDotted.slice(2, 4)}.${fnr.nameDotted.slice(4, 6)} ${five(fnr.nameDotted)}`,
  schoolDot: `${six(fnr.schoolDot)}.${five(fnr.schoolDot)}`,
  freeTextLongDate: `født ${fnr.freeTextLongDate.slice(0, 2)}.${fnr.freeTextLongDate.slice(2, 4)}.20${fnr.freeTextLongDate.slice(4, 6)} ${fnr.freeTextLongDate.slice(6, 9)} ${fnr.freeTextLongDate.slice(9)}`,
  dNumber: `${six(fnr.dNumber)} ${five(fnr.dNumber)}`,
  hNumber: `Elev ${fnr.hNumber}`,
  // The forms a review found getting through: 4+7, 3+3+3+2, 6+2+3 and an en dash (Excel).
  caseIdFourSeven: `${fnr.caseIdFourSeven.slice(0, 4)} ${fnr.caseIdFourSeven.slice(4)}`,
  freeTextThrees: `elev ${fnr.freeTextThrees.slice(0, 3)} ${fnr.freeTextThrees.slice(3, 6)} ${fnr.freeTextThrees.slice(6, 9)} ${fnr.freeTextThrees.slice(9)} i 5. trinn`,
  dateSixTwoThree: `${six(fnr.dateSixTwoThree)} ${fnr.dateSixTwoThree.slice(6, 8)} ${fnr.dateSixTwoThree.slice(8)}`,
  refEnDash: `${six(fnr.refEnDash)}\u2013${five(fnr.refEnDash)}`,
};
/** Not a valid number (last digit changed), but digits in a date column: refused without being quoted. */
const notANumber = `${six(fnr.ref)} ${five(fnr.ref).slice(0, 4)}${(Number(fnr.ref.at(-1)) + 1) % 10}`;
const nameAndBirthDate = 'Ola Nordmann 12.03.2014';
const nameAndBirthDateInDate = 'Kari 01.02.2013';

const loadedRefs = ['ELEV-Åse-Ærlig-4711', 'ELEV-Øystein-Bø-0815', 'ELEV-kari-nordmann-2012'];
const rejectedRefs = ['ELEV-avvist-ugyldig-dato-31', 'ELEV-avvist-systemsak-77', 'ELEV-avvist-fnr-i-fritekst', 'ELEV-avvist-fnr-inne-i-fritekst'];
const names = ['Kari Nordmann-Testesen', 'Øystein Ærlig Bø'];
const freeText = ['Eleven virker urolig i timene, «se notat»', 'Mor ringte om mobbing i friminuttene'];
const secrets = [
  ...loadedRefs, ...rejectedRefs, ...names, ...freeText, ...Object.values(fnr), ...Object.values(written),
  notANumber, nameAndBirthDate, 'Ola Nordmann', '12.03.2014', nameAndBirthDateInDate, '01.02.2013',
];

const header = ['case_id', 'school_id', 'kind', 'first_concern_date', 'student_ref', 'elevnavn', 'beskrivelse'];
const row = (caseId: string, over: Partial<Record<(typeof header)[number], string>> = {}) => {
  const base: Record<string, string> = {
    case_id: caseId, school_id: 'S1', kind: 'individual', first_concern_date: '2025-01-02', student_ref: `REF-${caseId}`, elevnavn: names[0]!, beskrivelse: '',
  };
  return header.map((c) => over[c] ?? base[c]!);
};
const rows = [
  row('P-1', { student_ref: loadedRefs[0]!, beskrivelse: freeText[0]! }), // line 2
  row('P-2', { first_concern_date: '2.1.2025', student_ref: loadedRefs[1]!, elevnavn: names[1]!, beskrivelse: freeText[1]! }), // 3
  row('P-3', { kind: 'Individsak', first_concern_date: '02.01.2025', student_ref: loadedRefs[2]! }), // 4
  row('P-4', { first_concern_date: '31.02.2025', student_ref: rejectedRefs[0]! }), // 5
  row('P-5', { kind: 'system', student_ref: rejectedRefs[1]! }), // 6
  row('P-6', { student_ref: fnr.ref }), // 7
  row('P-7', { student_ref: rejectedRefs[3]!, beskrivelse: `Fødselsnummer: ${fnr.freeTextInside}` }), // 8
  row('P-8', { student_ref: rejectedRefs[2]!, beskrivelse: fnr.freeText }), // 9
  row(written.caseIdInside), // 10
  row(written.caseIdHyphen), // 11
  row('P-12', { student_ref: written.refSpace }), // 12
  row('P-13', { first_concern_date: written.dateSpace }), // 13
  row('P-14', { elevnavn: written.nameDotted }), // 14
  row('P-15', { school_id: written.schoolDot }), // 15
  row('P-16', { beskrivelse: written.freeTextLongDate }), // 16
  row('P-17', { first_concern_date: notANumber }), // 17
  row('P-18', { first_concern_date: nameAndBirthDateInDate }), // 18
  row('P-19', { case_id: 'P-19', student_ref: written.dNumber }), // 19
  row('P-20', { beskrivelse: written.hNumber }), // 20
  row(written.caseIdFourSeven), // 21
  row('P-22', { beskrivelse: written.freeTextThrees }), // 22
  row('P-23', { first_concern_date: written.dateSixTwoThree }), // 23
  row('P-24', { student_ref: written.refEnDash }), // 24
];
const fnrReason = 'inneholder et fødselsnummer (11 siffer med gyldige kontrollsifre); raden er ikke lest inn. Fjern personnummeret fra eksporten';
const badDate = 'er ikke en gyldig dato (bruk ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ)';
const expectedCaseRejections: Array<[number, string, string]> = [
  [5, 'first_concern_date', badDate],
  [6, 'student_ref', 'elev_ref skal bare fylles ut for individsaker (sakstype individual)'],
  [7, 'student_ref', fnrReason],
  [8, 'beskrivelse', fnrReason],
  [9, 'beskrivelse', fnrReason],
  [10, 'case_id', fnrReason],
  [11, 'case_id', fnrReason],
  [12, 'student_ref', fnrReason],
  [13, 'first_concern_date', fnrReason],
  [14, 'elevnavn', fnrReason],
  [15, 'school_id', fnrReason],
  [16, 'beskrivelse', fnrReason],
  [17, 'first_concern_date', badDate],
  [18, 'first_concern_date', badDate],
  [19, 'student_ref', fnrReason],
  [20, 'beskrivelse', fnrReason],
  [21, 'case_id', fnrReason],
  [22, 'beskrivelse', fnrReason],
  [23, 'first_concern_date', fnrReason],
  [24, 'student_ref', fnrReason],
];

let files: string[];
let report: ImportReport;
let walBytes: Buffer | null = null;
let fileBytesOpen: Buffer;
let fileBytesClosed: Buffer;
let dump: Record<string, TableDump>;
let tables: string[];
let cli: { json: EtlRun; text: EtlRun; quarantine: EtlRun; dump: Record<string, TableDump>; bytes: Buffer[] };

beforeAll(async () => {
  files = [
    writeCsv(dir, 'skoler.csv', [['school_id', 'school_name', 'municipality'], ['S1', 'Grønnåsen skole', 'Solstrand']]),
    writeCsv(dir, 'saker.csv', [header, ...rows], { encoding: 'windows-1252', delimiter: ';', lineEnding: '\r\n' }),
    writeCsv(dir, 'motelogg.csv', [['Møte_ID', 'Skole_ID', 'Dato'], ['M-1', 'S1', '03.02.2025']], { encoding: 'windows-1252', delimiter: ';', lineEnding: '\r\n' }),
    // A name and a birth date typed into the case column of the discussions.
    writeCsv(dir, 'droftinger.csv', [['Møte_ID', 'Sak_ID'], ['M-1', 'P-1'], ['M-1', nameAndBirthDate]], { encoding: 'windows-1252', delimiter: ';', lineEnding: '\r\n' }),
  ];
  const db = await openTestDatabase(dbPath);
  report = await importBatch(db.connection, files, { key: testPseudonymKey() });
  // The committed batch, while the database is still open: data file and write-ahead log.
  fileBytesOpen = readFileSync(dbPath);
  if (existsSync(`${dbPath}.wal`)) walBytes = readFileSync(`${dbPath}.wal`);
  db.close();
  fileBytesClosed = readFileSync(dbPath);
  const reopened = await openTestDatabase(dbPath);
  tables = await tableNames(reopened.connection);
  dump = await dumpDatabase(reopened.connection);
  reopened.close();

  // The command line: the JSON report, then the same batch again as text (its rejections
  // are listed again), then the quarantine.
  const json = await runEtl(['import', ...files, '--db', cliDbPath, '--json']);
  const text = await runEtl(['import', ...files, '--db', cliDbPath]);
  const quarantine = await runEtl(['quarantine', '--db', cliDbPath, '--json']);
  const bytes = [readFileSync(cliDbPath), ...(existsSync(`${cliDbPath}.wal`) ? [readFileSync(`${cliDbPath}.wal`)] : [])];
  const cliDb = await openTestDatabase(cliDbPath);
  cli = { json, text, quarantine, dump: await dumpDatabase(cliDb.connection), bytes };
  cliDb.close();
}, 120_000);
afterAll(removeTempDirs);

/** Where a value could hide in bytes: as UTF-8 and as Windows-1252 (the file it came from). */
function encodings(value: string): Buffer[] {
  return [Buffer.from(value, 'utf8'), encodeText(value, 'windows-1252')];
}

describe('importBatch and personal data', () => {
  it('the test numbers have valid check digits by the test’s own arithmetic (they are not rejected by accident)', () => {
    expect(Object.values(fnr).every((n) => /^[0-9]{11}$/.test(n))).toBe(true);
    expect(new Set(Object.values(fnr)).size).toBe(Object.keys(fnr).length);
  });

  it('the import loads the valid cases and rejects every identity number form, bad date and foreign key, each with its line, column and reason', () => {
    expect(report.files.map((f) => [f.kind, f.inserted, f.rejected, f.ignored_columns])).toEqual([
      ['schools', 1, 0, []],
      ['meetings', 1, 0, []],
      ['cases', 3, 20, ['elevnavn', 'beskrivelse']],
      ['discussions', 1, 1, []],
    ]);
    const own = (name: string) => report.rejections.filter((r) => r.file.endsWith(name)).map((r) => [r.line, r.column, r.reason]);
    expect(own('saker.csv')).toEqual(expectedCaseRejections);
    expect(own('droftinger.csv')).toEqual([[3, 'Sak_ID', 'case_id finnes ikke i cases (verken i databasen eller i denne importen)']]);
  });

  it('the dump covers every table, including the quarantine and the import log', () => {
    expect(tables).toEqual(expect.arrayContaining(['schools', 'cases', 'discussions', 'quarantine', 'import_batches', 'meta']));
    expect(dump.quarantine!.rows).toHaveLength(21);
    expect(dump.import_batches!.rows).toHaveLength(1);
  });

  it('the cases hold the HMAC-SHA-256 pseudonym of each valid student_ref instead of the ref', () => {
    const pseudonyms = loadedRefs.map((ref) => createHmac('sha256', testKeyBytes).update(ref, 'utf8').digest('hex'));
    const stored = dump.cases!.rows.map((r) => r[dump.cases!.columns.indexOf('student_ref')]);
    expect([...stored].sort()).toEqual([...pseudonyms].sort());
  });

  it.each(secrets)('no table of the reopened database holds %j', (secret) => {
    expect(JSON.stringify(dump)).not.toContain(secret);
  });

  it.each(secrets)('neither the import report nor the quarantine shows %j', (secret) => {
    expect(JSON.stringify(report)).not.toContain(secret);
    expect(JSON.stringify(dump.quarantine)).not.toContain(secret);
  });

  it.each(secrets)('the bytes of the database file and its WAL do not contain %j', (secret) => {
    for (const bytes of [fileBytesOpen, fileBytesClosed, ...(walBytes ? [walBytes] : [])]) {
      for (const needle of encodings(secret)) expect(bytes.includes(needle)).toBe(false);
    }
  });

  it('the byte search would find a stored value (the school name) in the database file', () => {
    const all = Buffer.concat([fileBytesClosed, ...(walBytes ? [walBytes] : [])]);
    expect(all.includes(Buffer.from('Grønnåsen skole', 'utf8'))).toBe(true);
  });
});

describe('etl import and etl quarantine and personal data', () => {
  it('the command line ran and reported the same rejections (JSON, then text)', () => {
    for (const run of [cli.json, cli.text, cli.quarantine]) expect(run.code, run.stderr).toBe(0);
    const parsed = JSON.parse(cli.json.stdout) as ImportReport;
    expect(parsed.rejections.map((r) => [r.line, r.column])).toEqual(report.rejections.map((r) => [r.line, r.column]));
    expect(cli.text.stdout).toContain(`saker.csv:13 [first_concern_date] ${fnrReason}`);
    expect(cli.text.stdout).toContain(`saker.csv:23 [first_concern_date] ${fnrReason}`);
    expect(cli.text.stdout).toContain('droftinger.csv:3 [Sak_ID] case_id finnes ikke i cases');
    expect((JSON.parse(cli.quarantine.stdout) as unknown[]).length).toBe(42);
  });

  it.each(secrets)('no output of the command line (stdout, stderr) shows %j', (secret) => {
    for (const run of [cli.json, cli.text, cli.quarantine]) {
      expect(run.stdout).not.toContain(secret);
      expect(run.stderr).not.toContain(secret);
    }
  });

  it.each(secrets)('no table (audit log included) nor byte of the command line’s database holds %j', (secret) => {
    expect(JSON.stringify(cli.dump)).not.toContain(secret);
    for (const bytes of cli.bytes) for (const needle of encodings(secret)) expect(bytes.includes(needle)).toBe(false);
  });
});

describe('importBatch with a national identity number in a header name', () => {
  it('importBatch names that column by its position in the ignored columns and in the rejection', async () => {
    const number = validNumberFrom('221106333');
    const headerDir = makeTempDir('rt-privacy-header-');
    const file = writeCsv(headerDir, 'skoler.csv', [
      ['school_id', 'school_name', 'municipality', `merknad ${number}`, 'kommentar'],
      ['S1', 'Grønnåsen skole', 'Solstrand', '', ''],
      ['S2', 'Havbakken skole', 'Solstrand', number, ''],
    ]);
    const db = await openTestDatabase();
    const result = await importBatch(db.connection, [file], { key: testPseudonymKey() });
    db.close();
    expect(result.files.map((f) => [f.inserted, f.rejected, f.ignored_columns])).toEqual([[1, 1, ['kolonne 4', 'kommentar']]]);
    expect(result.rejections.map((r) => [r.line, r.column, r.reason])).toEqual([[3, 'kolonne 4', fnrReason]]);
    expect(JSON.stringify(result)).not.toContain(number);
  });
});
