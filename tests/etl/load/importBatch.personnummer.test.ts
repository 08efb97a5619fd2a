/**
 * Swedish personal identity numbers (personnummer, samordningsnummer) in a Swedish export:
 * the contract names only the Norwegian fødselsnummer, but it also says to do what a
 * municipal user expects where it is silent, and v2 added Swedish exports; a Swedish user
 * expects a personnummer typed into an id or a title to be refused like a fødselsnummer
 * (the project stores no national ids). The numbers' Luhn check digits are worked out here.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../etl/db/openDatabase.ts';
import { importBatch } from '../../../etl/load/importBatch.ts';
import type { ImportReport } from '../../../etl/load/importReport.ts';
import { dumpDatabase, openTestDatabase } from '../../helpers/testDatabase.ts';
import { testPseudonymKey } from '../../helpers/testKey.ts';

/** Luhn over the ten digits YYMMDDNNNC: weights 2,1,2,1,…; a product over 9 counts its digit sum. */
function luhnValid(ten: string): boolean {
  const sum = [...ten].reduce((acc, c, i) => {
    const p = Number(c) * (i % 2 === 0 ? 2 : 1);
    return acc + (p > 9 ? p - 9 : p);
  }, 0);
  return sum % 10 === 0;
}

// Skatteverket's example number; 8+1+2+2+4+8+9+8+5+4 = 50 after doubling every other digit.
const tenWithDash = '811228-9874';
const twelve = '198112289874';
const coordination = '701063-2391'; // samordningsnummer: day 3 + 60; 5+0+2+0+3+3+4+3+9+1 = 30
const wrongCheck = '811228-9875';

let dir: string;
let db: Database;
let report: ImportReport;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rt-pnr-'));
  writeFileSync(join(dir, 'skolenheter.csv'), 'Skolenhetskod;Skolnamn;Kommun\nSE-1;Ängsskolan;Älvsberga\n');
  writeFileSync(
    join(dir, 'arenden.csv'),
    [
      'Ärende_ID;Skolenhetskod;Ärendetyp;Första oro',
      `A-1;SE-1;Individärende;2025-09-01`,
      `${tenWithDash};SE-1;Individärende;2025-09-02`,
      `A-3;SE-1;Individärende;2025-09-03`,
      `${wrongCheck};SE-1;Individärende;2025-09-04`,
    ].join('\n') + '\n',
  );
  writeFileSync(
    join(dir, 'avvikelser.csv'),
    [
      'Avvikelse_ID;Skolenhetskod;Datum;Verksamheter',
      `${twelve};SE-1;2025-09-01;Skola; Socialtjänst`.replace('Skola; Socialtjänst', '"Skola; Socialtjänst"'),
      `AV ${coordination};SE-1;2025-09-02;"Skola; BUP"`,
      `AV-3;SE-1;2025-09-03;"Skola; BUP"`,
    ].join('\n') + '\n',
  );
  db = await openTestDatabase();
  report = await importBatch(db.connection, [dir], { key: testPseudonymKey() });
});
afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('importBatch with Swedish personal identity numbers', () => {
  it('the test numbers are valid (and the control invalid) by the test’s own arithmetic', () => {
    expect([tenWithDash, twelve.slice(2), coordination].map((n) => luhnValid(n.replace('-', '')))).toEqual([true, true, true]);
    expect(luhnValid(wrongCheck.replace('-', ''))).toBe(false);
  });

  it('rejects each row holding one, naming line and column, and loads the rest (a wrong check digit is no number)', () => {
    const files = report.files.map((f) => [basename(f.file), f.read, f.inserted, f.rejected]);
    expect(files).toEqual([
      ['skolenheter.csv', 1, 1, 0],
      ['arenden.csv', 4, 3, 1],
      ['avvikelser.csv', 3, 1, 2],
    ]);
    const rejected = report.rejections.map((r) => [basename(r.file), r.line, r.column]);
    expect(rejected).toEqual([
      ['arenden.csv', 3, 'Ärende_ID'],
      ['avvikelser.csv', 2, 'Avvikelse_ID'],
      ['avvikelser.csv', 3, 'Avvikelse_ID'],
    ]);
    for (const r of report.rejections) {
      expect(r.reason).toMatch(/personnummer/);
      expect(r.reason).not.toMatch(/[0-9]{4}/);
    }
  });

  it('stores no such number anywhere in the database', async () => {
    const everything = JSON.stringify(await dumpDatabase(db.connection));
    for (const n of [tenWithDash, twelve, coordination, '8112289874', '7010632391']) expect(everything).not.toContain(n);
  });
});
