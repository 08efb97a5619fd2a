import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../etl/db/openDatabase.ts';
import { fnrMacros, isNationalIdentityNumber } from '../../../etl/load/fnrSql.ts';
import { validNumberFrom, withCheckDigits } from '../../helpers/nationalIdentityNumber.ts';
import { openTestDatabase } from '../../helpers/testDatabase.ts';

let db: Database;
let conn: DuckDBConnection;
beforeAll(async () => {
  db = await openTestDatabase();
  conn = db.connection;
  for (const macro of fnrMacros) await conn.run(macro);
});
afterAll(() => db.close());

async function sqlSays(value: string | null): Promise<boolean> {
  const result = await conn.runAndReadAll('SELECT rt_is_fnr($v::VARCHAR)', { v: value });
  return result.getRows()[0]![0] as boolean;
}

const valid = [
  validNumberFrom('010190123'), // 1 January 1990
  validNumberFrom('220518749'), // the example export's number: 22051874955
  validNumberFrom('311299499'),
  validNumberFrom('290224500'), // 29 February 2024
  validNumberFrom('410190123'), // D-number: day + 40
  validNumberFrom('015090123'), // H-number: month + 40
  validNumberFrom('000000000'),
];
/** The same number with its first or second check digit changed. */
const wrongCheck = (n: string, at: 9 | 10) => n.slice(0, at) + String((Number(n[at]) + 1) % 10) + n.slice(at + 1);

describe('isNationalIdentityNumber and rt_is_fnr', () => {
  it("withCheckDigits('220518749') is the example export's 22051874955 (the test's own arithmetic)", () => {
    expect(withCheckDigits('220518749')).toBe('22051874955');
  });

  it.each([
    ...valid.map((n) => ({ value: n, expected: true, why: 'valid check digits' })),
    { value: ` ${valid[0]} `, expected: true, why: 'valid, with spaces around' },
    ...valid.map((n) => ({ value: wrongCheck(n, 9), expected: false, why: 'first check digit wrong' })),
    ...valid.map((n) => ({ value: wrongCheck(n, 10), expected: false, why: 'second check digit wrong' })),
    { value: valid[0]!.slice(0, 10), expected: false, why: '10 digits' },
    { value: `${valid[0]}0`, expected: false, why: '12 digits' },
    { value: `${valid[0]!.slice(0, 6)} ${valid[0]!.slice(6)}`, expected: false, why: 'a space inside' },
    { value: `${valid[0]!.slice(0, 10)}x`, expected: false, why: 'a letter' },
    { value: `-${valid[0]!.slice(1)}`, expected: false, why: 'a sign' },
    { value: '12345678901', expected: false, why: 'arbitrary 11 digits' },
    { value: '', expected: false, why: 'empty' },
    { value: '970000000', expected: false, why: 'an organisation number (9 digits)' },
    { value: '２２０５１８７４９５５', expected: false, why: 'full-width digits' },
  ])("isNationalIdentityNumber('$value') and rt_is_fnr agree: $expected ($why)", async ({ value, expected }) => {
    expect(isNationalIdentityNumber(value)).toBe(expected);
    expect(await sqlSays(value)).toBe(expected);
  });

  // Nine digits for which a check digit comes out as 10: no valid number exists.
  const noValid = ['000000000', '010190000', '123456789', '220518700', '311299400']
    .flatMap((nine) => (withCheckDigits(nine) === null ? [nine] : []));
  it('the table has 9-digit prefixes without any valid check digits', () => {
    expect(noValid.length).toBeGreaterThan(0);
  });

  it.each(noValid.flatMap((nine) => Array.from({ length: 100 }, (_, k) => nine + String(k).padStart(2, '0'))).filter((_, i) => i % 7 === 0))(
    "isNationalIdentityNumber('%s') and rt_is_fnr both say no when a check digit would be 10",
    async (value) => {
      expect(isNationalIdentityNumber(value)).toBe(false);
      expect(await sqlSays(value)).toBe(false);
    },
  );

  it('rt_is_fnr(NULL) is false, not NULL', async () => {
    expect(await sqlSays(null)).toBe(false);
  });

  it('isNationalIdentityNumber and rt_is_fnr agree with the arithmetic on 2,000 consecutive numbers', async () => {
    const first = 22051874000;
    const values = Array.from({ length: 2000 }, (_, i) => String(first + i));
    const expected = values.map((v) => withCheckDigits(v.slice(0, 9)) === v);
    const result = await conn.runAndReadAll(`SELECT rt_is_fnr((${first} + i)::VARCHAR) FROM range(2000) t(i) ORDER BY i`);
    expect(expected.filter(Boolean).length).toBeGreaterThan(10);
    expect(values.map(isNationalIdentityNumber)).toEqual(expected);
    expect(result.getRows().map((r) => r[0])).toEqual(expected);
  });
});
