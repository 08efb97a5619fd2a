/**
 * Personal data never reaches the database: student refs are stored only as keyed
 * pseudonyms, name and free-text columns are not stored at all, and a national identity
 * number rejects its row without being shown. Checked on every table of the database file
 * (after closing and reopening), on the raw bytes of the file and its WAL, on the import
 * report and on the quarantine.
 */
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBatch } from '../../../etl/load/importBatch.ts';
import type { ImportReport } from '../../../etl/load/importReport.ts';
import { validNumberFrom } from '../../helpers/nationalIdentityNumber.ts';
import { makeTempDir, removeTempDirs } from '../../helpers/tempDir.ts';
import { dumpDatabase, openTestDatabase, tableNames, type TableDump } from '../../helpers/testDatabase.ts';
import { testKeyBytes, testPseudonymKey } from '../../helpers/testKey.ts';
import { encodeText, writeCsv } from '../../helpers/writeCsv.ts';

const dir = makeTempDir('rt-privacy-');
const dbPath = join(dir, 'personvern.duckdb');

const fnrInRef = validNumberFrom('030405123');
const fnrInFreeText = validNumberFrom('170911456');
const loadedRefs = ['ELEV-Åse-Ærlig-4711', 'ELEV-Øystein-Bø-0815', 'ELEV-kari-nordmann-2012', 'ELEV-med-fnr-inne-i-fritekst'];
const rejectedRefs = ['ELEV-avvist-ugyldig-dato-31', 'ELEV-avvist-systemsak-77', 'ELEV-avvist-fnr-i-fritekst'];
const names = ['Kari Nordmann-Testesen', 'Øystein Ærlig Bø'];
const freeText = ['Eleven virker urolig i timene, «se notat»', 'Mor ringte om mobbing i friminuttene'];
const secrets = [...loadedRefs, ...rejectedRefs, ...names, ...freeText, fnrInRef, fnrInFreeText];

const header = ['case_id', 'school_id', 'kind', 'first_concern_date', 'student_ref', 'elevnavn', 'beskrivelse'];
const rows = [
  ['P-1', 'S1', 'individual', '2025-01-02', loadedRefs[0]!, names[0]!, freeText[0]!],
  ['P-2', 'S1', 'individual', '2.1.2025', loadedRefs[1]!, names[1]!, freeText[1]!],
  ['P-3', 'S1', 'Individsak', '02.01.2025', loadedRefs[2]!, names[0]!, ''],
  ['P-4', 'S1', 'individual', '31.02.2025', rejectedRefs[0]!, names[1]!, freeText[0]!],
  ['P-5', 'S1', 'system', '2025-01-02', rejectedRefs[1]!, names[0]!, freeText[1]!],
  ['P-6', 'S1', 'individual', '2025-01-02', fnrInRef, names[1]!, ''],
  // An identity number inside free text is not a field holding one: the row loads, the text is dropped.
  ['P-7', 'S1', 'individual', '2025-01-02', loadedRefs[3]!, names[0]!, `Fødselsnummer: ${fnrInFreeText}`],
  ['P-8', 'S1', 'individual', '2025-01-02', 'ELEV-avvist-fnr-i-fritekst', names[0]!, fnrInFreeText],
];

let report: ImportReport;
let walBytes: Buffer | null = null;
let fileBytesOpen: Buffer;
let fileBytesClosed: Buffer;
let dump: Record<string, TableDump>;
let tables: string[];

beforeAll(async () => {
  const schools = writeCsv(dir, 'skoler.csv', [['school_id', 'school_name', 'municipality'], ['S1', 'Grønnåsen skole', 'Solstrand']]);
  const cases = writeCsv(dir, 'saker.csv', [header, ...rows], { encoding: 'windows-1252', delimiter: ';', lineEnding: '\r\n' });
  const db = await openTestDatabase(dbPath);
  report = await importBatch(db.connection, [schools, cases], { key: testPseudonymKey() });
  // The committed batch, while the database is still open: data file and write-ahead log.
  fileBytesOpen = readFileSync(dbPath);
  if (existsSync(`${dbPath}.wal`)) walBytes = readFileSync(`${dbPath}.wal`);
  db.close();
  fileBytesClosed = readFileSync(dbPath);
  const reopened = await openTestDatabase(dbPath);
  tables = await tableNames(reopened.connection);
  dump = await dumpDatabase(reopened.connection);
  reopened.close();
});
afterAll(removeTempDirs);

/** Where a value could hide in bytes: as UTF-8 and as Windows-1252 (the file it came from). */
function encodings(value: string): Buffer[] {
  return [Buffer.from(value, 'utf8'), encodeText(value, 'windows-1252')];
}

describe('importBatch and personal data', () => {
  it('the import loads the valid cases and rejects the ones with an identity number, a bad date or a ref on a system case', () => {
    expect(report.files.map((f) => [f.kind, f.inserted, f.rejected, f.ignored_columns])).toEqual([
      ['schools', 1, 0, []],
      ['cases', 4, 4, ['elevnavn', 'beskrivelse']],
    ]);
    expect(report.rejections.map((r) => [r.line, r.column])).toEqual([
      [5, 'first_concern_date'],
      [6, 'student_ref'],
      [7, 'student_ref'],
      [9, 'beskrivelse'],
    ]);
  });

  it('the dump covers every table, including the quarantine and the import log', () => {
    expect(tables).toEqual(expect.arrayContaining(['schools', 'cases', 'quarantine', 'import_batches', 'meta']));
    expect(dump.quarantine!.rows).toHaveLength(4);
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
