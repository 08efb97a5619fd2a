import { describe, expect, it } from 'vitest';
import { csvField, csvNumber, neutraliseFormula, toCsv } from '../../dashboard/export/csv.ts';
import { fileSlug } from '../../dashboard/export/download.ts';

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+47 123', `'+47 123`],
    ['-1+2', `'-1+2`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tTab', `'\tTab`],
    ['\rReturn', `'\rReturn`],
    ['Bjørkestrand skole', 'Bjørkestrand skole'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('neutraliseFormula(%j) is %j', (input, expected) => expect(neutraliseFormula(input)).toBe(expected));
});

describe('csvNumber', () => {
  it.each([
    [0.7279874213836478, '0,7279874214'],
    [636, '636'],
    [190.20000000000005, '190,2'],
    [160.60000000000005, '160,6'],
    [0.1 + 0.2, '0,3'],
    [2 / 3, '0,6666666667'],
    [0.5, '0,5'],
    [59.5, '59,5'],
    // Whole numbers keep every digit, however many.
    [12345678901234, '12345678901234'],
    [0.000000123456789012, '0,000000123456789'],
    [-1.25, '-1,25'],
    [Number.NaN, ''],
    [Number.POSITIVE_INFINITY, ''],
  ])('csvNumber(%s) is %j: ten significant digits at most, a decimal comma', (value, expected) => expect(csvNumber(value)).toBe(expected));
});

describe('csvField', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    [12.5, '12,5'],
    [-3, '-3'],
    ['Avlyste møter', 'Avlyste møter'],
    ['a;b', '"a;b"'],
    ['sa "hei"', '"sa ""hei"""'],
    ['sa "hei"; ja', '"sa ""hei""; ja"'],
    ['to\nlinjer', '"to\nlinjer"'],
    ['=1+2;3', `"'=1+2;3"`],
  ])('csvField(%j) is %j', (value, expected) => expect(csvField(value)).toBe(expected));
});

describe('toCsv', () => {
  const columns = [
    { header: 'Skole', value: (r: { name: string; n: number | null }) => r.name },
    { header: 'Andel', value: (r: { name: string; n: number | null }) => r.n },
  ];

  it('starts with a byte-order mark, separates with ; and ends lines with CRLF', () => {
    const text = toCsv([{ name: 'Øvre Dal', n: 0.5 }, { name: '=cmd', n: null }], columns);
    expect(text).toBe(`\uFEFFSkole;Andel\r\nØvre Dal;0,5\r\n'=cmd;\r\n`);
  });

  it('writes only the header for no rows', () => expect(toCsv([], columns)).toBe('\uFEFFSkole;Andel\r\n'));
});

describe('fileSlug', () => {
  it('makes Norwegian names safe file names', () => expect(fileSlug('Bjørkestrand skole', 'Æra Å', '2025-08-01')).toBe('bjorkestrand-skole-aera-a-2025-08-01'));
});
