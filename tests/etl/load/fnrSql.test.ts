import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../etl/db/openDatabase.ts';
import { containsNationalIdentityNumber, fnrMacros } from '../../../etl/load/fnrSql.ts';
import { validNumberFrom, withCheckDigits, writtenForms } from '../../helpers/nationalIdentityNumber.ts';
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
  const result = await conn.runAndReadAll('SELECT rt_has_fnr($v::VARCHAR)', { v: value });
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

describe('containsNationalIdentityNumber and rt_has_fnr', () => {
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
    { value: `${valid[0]!.slice(0, 10)}x`, expected: false, why: 'a letter instead of the last digit' },
    { value: `-${valid[0]!.slice(1)}`, expected: false, why: 'a sign instead of the first digit' },
    { value: '12345678901', expected: false, why: 'arbitrary 11 digits' },
    { value: '', expected: false, why: 'empty' },
    { value: '970000000', expected: false, why: 'an organisation number (9 digits)' },
    { value: '２２０５１８７４９５５', expected: false, why: 'full-width digits' },
  ])("containsNationalIdentityNumber('$value') and rt_has_fnr agree: $expected ($why)", async ({ value, expected }) => {
    expect(containsNationalIdentityNumber(value)).toBe(expected);
    expect(await sqlSays(value)).toBe(expected);
  });

  // Nine digits for which a check digit comes out as 10: no valid number exists.
  const noValid = ['000000000', '010190000', '123456789', '220518700', '311299400']
    .flatMap((nine) => (withCheckDigits(nine) === null ? [nine] : []));
  it('the table has 9-digit prefixes without any valid check digits', () => {
    expect(noValid.length).toBeGreaterThan(0);
  });

  it.each(noValid.flatMap((nine) => Array.from({ length: 100 }, (_, k) => nine + String(k).padStart(2, '0'))).filter((_, i) => i % 7 === 0))(
    "containsNationalIdentityNumber('%s') and rt_has_fnr both say no when a check digit would be 10",
    async (value) => {
      expect(containsNationalIdentityNumber(value)).toBe(false);
      expect(await sqlSays(value)).toBe(false);
    },
  );

  it('rt_has_fnr(NULL) is false, not NULL', async () => {
    expect(await sqlSays(null)).toBe(false);
  });

  it('containsNationalIdentityNumber and rt_has_fnr agree with the arithmetic on 2,000 consecutive numbers', async () => {
    const first = 22051874000;
    const values = Array.from({ length: 2000 }, (_, i) => String(first + i));
    const expected = values.map((v) => withCheckDigits(v.slice(0, 9)) === v);
    const result = await conn.runAndReadAll(`SELECT rt_has_fnr((${first} + i)::VARCHAR) FROM range(2000) t(i) ORDER BY i`);
    expect(expected.filter(Boolean).length).toBeGreaterThan(10);
    expect(values.map(containsNationalIdentityNumber)).toEqual(expected);
    expect(result.getRows().map((r) => r[0])).toEqual(expected);
  });
});

describe('containsNationalIdentityNumber and rt_has_fnr on numbers as people write them', () => {
  const number = validNumberFrom('030405123'); // 3 April 2005
  const other = validNumberFrom('170911456');
  const [dd, mm, yy, rest] = [number.slice(0, 2), number.slice(2, 4), number.slice(4, 6), number.slice(6)];

  const forms = [...writtenForms(number), ...writtenForms(validNumberFrom('410190123'), '19'), ...writtenForms(validNumberFrom('015090123'), '19')];
  it.each(forms.map(({ form, written }) => ({ form, written })))('the form $form ($written) is found, alone and inside a longer field', async ({ written }) => {
    for (const field of [written, `SAK ${written}`, `SAK${written}`, `${written}x`, `Fødselsnummer: ${written}.`, `(${written})`, `Elev ${written}, 5. trinn`]) {
      expect(containsNationalIdentityNumber(field), field).toBe(true);
      expect(await sqlSays(field), field).toBe(true);
    }
  });

  it.each(writtenForms(number).map(({ form, written }) => ({ form, written })))('the form $form with a wrong check digit is not taken for a number', async ({ written }) => {
    // The last digit written, whatever the form, is the second check digit.
    const wrong = written.slice(0, -1) + String((Number(written.at(-1)) + 1) % 10);
    expect(containsNationalIdentityNumber(wrong)).toBe(false);
    expect(await sqlSays(wrong)).toBe(false);
  });

  it.each([
    { field: `${number} ${other}`, expected: true, why: 'two numbers one space apart' },
    { field: `12345678901 ${number}`, expected: true, why: 'an invalid 11-digit run, then a valid number' },
    { field: `${dd}.${mm}.${yy} ${number.slice(0, 6)} ${rest}`, expected: true, why: 'a date, then the number (they overlap as groupings)' },
    { field: `${number};${other}`, expected: true, why: 'two numbers joined by ;' },
    { field: `1${number}`, expected: false, why: 'a digit right before (a longer number)' },
    { field: `${number}1`, expected: false, why: 'a digit right after (a longer number)' },
    { field: `${number.slice(0, 6)} ${rest}1`, expected: false, why: '6 + 6 digits' },
    { field: `${number.slice(0, 5)} ${number.slice(5)}`, expected: false, why: '5 + 6 digits' },
    { field: `${number.slice(0, 4)}.${number.slice(4, 6)}.${rest}`, expected: false, why: 'an account number grouping 4.2.5' },
    { field: `${number.slice(0, 6)}    ${rest}`, expected: false, why: 'four spaces between the groups' },
    { field: `${number.slice(0, 6)}_${rest}`, expected: false, why: 'an underscore is not a separator' },
    { field: `${dd}.${mm}.2${yy} ${rest}`, expected: false, why: 'a three-digit year' },
    { field: `${dd}${mm}.${yy} ${rest}`, expected: false, why: 'a half-separated date (4.2.5)' },
    { field: '2024-03-12 12:00', expected: false, why: 'a date and a time' },
    { field: '1 050 000 000', expected: false, why: 'a number with thousands separators' },
  ])("containsNationalIdentityNumber('$field') and rt_has_fnr say $expected: $why", async ({ field, expected }) => {
    expect(containsNationalIdentityNumber(field)).toBe(expected);
    expect(await sqlSays(field)).toBe(expected);
  });
});
