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
  validNumberFrom('710190123'), // D-number on the 31st
  validNumberFrom('019090123'), // synthetic test number: month + 80
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

  // Valid check digits, but a day part no number of any kind has (00, 32–40, 72–99).
  const impossibleDays = ['000190123', '320190123', '400190123', '720190123', '990190123'].map(validNumberFrom);
  it.each(impossibleDays)("containsNationalIdentityNumber('%s') and rt_has_fnr say no: valid check digits, impossible day", async (value) => {
    expect(withCheckDigits(value.slice(0, 9))).toBe(value);
    expect(containsNationalIdentityNumber(value)).toBe(false);
    expect(await sqlSays(value)).toBe(false);
  });

  it("a meeting id built from an ISO date, 'M-000-2024-09-11', is not a number (day 00), though its 11 digits have valid check digits", async () => {
    expect(withCheckDigits('000202409')).toBe('00020240911');
    expect(containsNationalIdentityNumber('M-000-2024-09-11')).toBe(false);
    expect(await sqlSays('M-000-2024-09-11')).toBe(false);
  });

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

describe('containsNationalIdentityNumber and rt_has_fnr on the forms a review found getting through', () => {
  // 03040512399 by hand: 3·0 + 7·3 + 6·0 + 1·4 + 8·0 + 9·5 + 4·1 + 5·2 + 2·3 = 90, 90 mod 11 = 2,
  // k1 = 11 − 2 = 9; 5·0 + 4·3 + 3·0 + 2·4 + 7·0 + 6·5 + 5·1 + 4·2 + 3·3 + 2·9 = 90, k2 = 9.
  it.each([
    { field: '0304 0512399', why: '4 + 7' },
    { field: '030 405 123 99', why: '3 + 3 + 3 + 2' },
    { field: '030405 12 399', why: '6 + 2 + 3' },
    { field: '030405\u201312399', why: 'an en dash, as Excel autocorrect writes' },
    { field: 'Sak 0304 0512399, se notat', why: '4 + 7 inside a longer field' },
    { field: '03.04.2005 12399', why: 'the birth date with its century' },
  ])('$field ($why) is taken for a number, and with its last digit changed it is not', async ({ field }) => {
    expect(containsNationalIdentityNumber(field)).toBe(true);
    expect(await sqlSays(field)).toBe(true);
    const wrong = field.replace(/9(?=[^0-9]*$)/, '8');
    expect(wrong).not.toBe(field);
    expect(containsNationalIdentityNumber(wrong)).toBe(false);
    expect(await sqlSays(wrong)).toBe(false);
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
    { field: `1${number.slice(0, 6)} ${rest}`, expected: false, why: 'a digit right before a grouped number (7 + 5 digits)' },
    { field: `${number.slice(0, 6)} ${rest}1`, expected: false, why: '6 + 6 digits' },
    { field: `${number}1 12345678901`, expected: false, why: 'a digit right after, beside an invalid 11-digit run' },
    { field: `1 ${number}`, expected: true, why: 'a digit one space before: the 11 digits after it are checked (over-detection, documented)' },
    { field: `${number} 1`, expected: true, why: 'a digit one space after' },
    { field: `1 ${number.slice(0, 10)} ${number[10]}`, expected: true, why: 'a valid window overlapping an invalid one (1 + 10 + 1 digits)' },
    { field: `${number.slice(0, 4)}.${number.slice(4, 6)}.${rest}`, expected: true, why: 'the grouping of an account number (4.2.5) with valid check digits' },
    { field: '1234.56.78903', expected: false, why: 'an account number whose check digits are not valid' },
    { field: `${number.slice(0, 6)}    ${rest}`, expected: false, why: 'four spaces between the groups' },
    { field: `${number.slice(0, 6)} -- ${rest}`, expected: false, why: 'four mixed separators between the groups' },
    { field: `${number.slice(0, 6)}_${rest}`, expected: false, why: 'an underscore is not a separator' },
    { field: `${number.slice(0, 6)},${rest}`, expected: false, why: 'a comma is not a separator' },
    { field: `${number.slice(0, 6)}:${rest}`, expected: false, why: 'a colon is not a separator' },
    { field: `${dd}.${mm}.2${yy} ${rest}`, expected: false, why: 'a three-digit year' },
    { field: `${dd}${mm}.20${yy} ${rest}`, expected: false, why: 'a four-digit year after an unseparated day and month (13 digits, not the date form)' },
    { field: '2024-03-12 12:00', expected: false, why: 'a date and a time' },
    { field: '1 050 000 000', expected: false, why: 'a number with thousands separators' },
    { field: 'M-0001-2024-08-29', expected: false, why: 'a meeting id of 4 + 4 + 2 + 2 digits (no 11 of them bounded)' },
  ])("containsNationalIdentityNumber('$field') and rt_has_fnr say $expected: $why", async ({ field, expected }) => {
    expect(containsNationalIdentityNumber(field)).toBe(expected);
    expect(await sqlSays(field)).toBe(expected);
  });
});

/**
 * The rule written out directly, as the test's own reference: from every digit with no digit
 * right before it, read digits and runs of at most three separators; where a digit has no
 * digit right after it and 11 digits have been read (or 13 in the form dd.mm.yyyy + five),
 * check them with the helper's arithmetic.
 */
const separatorChars = [' ', '\u00a0', '\u202f', '-', '.', '/', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212'];
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** Day 01–31, or 41–71 for a D-number: no number of any kind has another day part. */
function possibleDay(digits: string): boolean {
  const day = Number(digits.slice(0, 2));
  return (day >= 1 && day <= 31) || (day >= 41 && day <= 71);
}

function referenceSays(field: string): boolean {
  const chars = [...field];
  for (let start = 0; start < chars.length; start++) {
    if (!isDigit(chars[start]) || isDigit(chars[start - 1])) continue;
    const groups: string[] = [];
    let separatorRun = 0;
    for (let at = start; at < chars.length; at++) {
      const c = chars[at]!;
      if (isDigit(c)) {
        if (separatorRun > 0 || groups.length === 0) groups.push('');
        groups[groups.length - 1] += c;
        separatorRun = 0;
        const digits = groups.join('');
        if (digits.length > 13) break;
        if (isDigit(chars[at + 1])) continue;
        if (digits.length === 11 && possibleDay(digits) && withCheckDigits(digits.slice(0, 9)) === digits) return true;
        const dateForm = groups.length >= 3 && groups[0]!.length === 2 && groups[1]!.length === 2 && groups[2]!.length >= 4;
        const eleven = digits.slice(0, 4) + digits.slice(6);
        if (digits.length === 13 && dateForm && possibleDay(eleven) && withCheckDigits(eleven.slice(0, 9)) === eleven) return true;
      } else if (separatorChars.includes(c) && ++separatorRun <= 3) {
        continue;
      } else {
        break;
      }
    }
  }
  return false;
}

/** mulberry32: a small seeded generator, so the strings are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('containsNationalIdentityNumber and rt_has_fnr on seeded random strings', () => {
  const random = seeded(20261202);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const noise = (length: number) =>
    Array.from({ length }, () => (random() < 0.55 ? String(Math.floor(random() * 10)) : random() < 0.7 ? pick(separatorChars) : pick(['a', 'x', ';', '_', ',', ':', 'Ø']))).join('');
  /** Separators between digits: mostly none, sometimes a run of one to three, rarely four. */
  const gap = () => (random() < 0.6 ? '' : Array.from({ length: 1 + Math.floor(random() * (random() < 0.97 ? 3 : 4)) }, () => pick(separatorChars)).join(''));
  const spread = (digits: string) => [...digits].map((d, i) => (i === 0 ? d : gap() + d)).join('');
  /** A random number with a day part real numbers have (01–31, or 41–71 for a D-number). */
  const number = () => {
    const day = 1 + Math.floor(random() * 62);
    return validNumberFrom(String(day <= 31 ? day : day + 9).padStart(2, '0') + String(Math.floor(random() * 1e7)).padStart(7, '0'));
  };
  const longDate = (n: string) => `${n.slice(0, 2)}${pick(['.', '/', '-'])}${n.slice(2, 4)}${pick(['.', '/', '-'])}${pick(['19', '20'])}${n.slice(4, 6)}${gap()}${spread(n.slice(6))}`;
  const fields = Array.from({ length: 400 }, (_, i) => {
    if (i % 4 === 0) return noise(11 + Math.floor(random() * 30));
    const n = number();
    const written = i % 4 === 3 ? longDate(n) : spread(n);
    // A quarter of them get their last digit changed: near misses.
    const spoiled = random() < 0.25 ? written.replace(/[0-9]$/, (d) => String((Number(d) + 1) % 10)) : written;
    const around = () => (random() < 0.5 ? '' : noise(1 + Math.floor(random() * 5)));
    return around() + spoiled + around();
  });
  const expected = fields.map(referenceSays);

  it('the strings hold numbers (long date forms among them) and near misses by the reference', () => {
    expect(expected.filter(Boolean).length).toBeGreaterThan(80);
    expect(expected.filter((e, i) => e && i % 4 === 3).length, 'long date forms found').toBeGreaterThan(10);
    expect(expected.filter((e) => !e).length).toBeGreaterThan(100);
  });

  it('containsNationalIdentityNumber agrees with the reference on each of 400 strings', () => {
    expect(fields.map((f) => [f, containsNationalIdentityNumber(f)])).toEqual(fields.map((f, i) => [f, expected[i]]));
  });

  it('rt_has_fnr agrees with the reference on each of 400 strings', async () => {
    expect(fields.every((f) => !f.includes("'"))).toBe(true);
    const values = fields.map((f, i) => `(${i}, '${f}')`).join(', ');
    const result = await conn.runAndReadAll(`SELECT rt_has_fnr(v) FROM (VALUES ${values}) t(i, v) ORDER BY i`);
    expect(fields.map((f, i) => [f, result.getRows()[i]![0]])).toEqual(fields.map((f, i) => [f, expected[i]]));
  });
});
