import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../etl/db/openDatabase.ts';
import { containsPersonnummer, personnummerMacros } from '../../../etl/load/personnummerSql.ts';
import { openTestDatabase } from '../../helpers/testDatabase.ts';

let db: Database;
let conn: DuckDBConnection;
beforeAll(async () => {
  db = await openTestDatabase();
  conn = db.connection;
  for (const macro of personnummerMacros) await conn.run(macro);
});
afterAll(() => db.close());

async function sqlSays(value: string | null): Promise<boolean> {
  const result = await conn.runAndReadAll('SELECT rt_has_personnummer($v::VARCHAR)', { v: value });
  return result.getRows()[0]![0] as boolean;
}

// Luhn sums worked out by hand (every other digit from the first doubled, 10-18 as 1-9):
// 811228-9874: 7+1+2+2+4+8+9+8+5+4 = 50; 701063-2391: 5+0+2+0+3+3+4+3+9+1 = 30;
// 010101-000C: 0+1+0+1+0+1+0+0+0+C, so C = 7 (sum 10) is right and 8 (11) wrong.
describe('containsPersonnummer and rt_has_personnummer', () => {
  it.each([
    { value: '811228-9874', expected: true, why: 'YYMMDD-NNNN' },
    { value: '811228+9874', expected: true, why: '+ for 100 years or older' },
    { value: '8112289874', expected: true, why: 'ten digits together' },
    { value: '19811228-9874', expected: true, why: 'with the century' },
    { value: '198112289874', expected: true, why: 'twelve digits together' },
    { value: '811228 9874', expected: true, why: 'a space as separator' },
    { value: '811228\u20139874', expected: true, why: 'an en dash (Excel autocorrect)' },
    { value: '701063-2391', expected: true, why: 'samordningsnummer (day + 60)' },
    { value: 'Elev 811228-9874 i åk 3', expected: true, why: 'inside a text' },
    { value: 'A-1;811228-9874', expected: true, why: 'right after a separator that ended another match' },
    { value: '010101-0007', expected: true, why: 'leading zero' },
    { value: '811228-9875', expected: false, why: 'Luhn check digit wrong' },
    { value: '010101-0008', expected: false, why: 'Luhn check digit wrong, leading zero' },
    { value: '811328-9874', expected: false, why: 'month 13' },
    { value: '811200-9874', expected: false, why: 'day 00' },
    { value: '81122898741', expected: false, why: 'eleven digits (a digit after)' },
    { value: '0198112289874', expected: false, why: 'thirteen digits' },
    { value: '21811228-9874', expected: false, why: 'century 21 is not one' },
    { value: '811228--9874', expected: false, why: 'two separators' },
    { value: 'M-000-2024-09-04', expected: false, why: 'an ISO-date id' },
    { value: '2024-09-04', expected: false, why: 'a date' },
    { value: '99040001', expected: false, why: 'a skolenhetskod (8 digits)' },
    { value: '', expected: false, why: 'empty' },
  ])("containsPersonnummer('$value') and rt_has_personnummer agree: $expected ($why)", async ({ value, expected }) => {
    expect(containsPersonnummer(value)).toBe(expected);
    expect(await sqlSays(value)).toBe(expected);
  });

  it('rt_has_personnummer(NULL) is false', async () => {
    expect(await sqlSays(null)).toBe(false);
  });
});
