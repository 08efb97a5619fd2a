import { describe, expect, it } from 'vitest';
import { sniffHeader } from '../../../etl/read/sniffHeader.ts';

describe('sniffHeader', () => {
  it.each([
    { name: 'comma', head: 'school_id,school_name,municipality\nS1,A,K\n', delimiter: ',' },
    { name: 'semicolon', head: 'Skole_ID;Skolenavn;Kommune\r\n970000000;Grønnåsen skole;Solstrand\r\n', delimiter: ';' },
    { name: 'TAB', head: 'meeting_id\tcase_id\nM1\tC1\n', delimiter: '\t' },
    { name: 'semicolon with commas inside the values', head: 'a;b;c\n1,5;2,5;"x, y"\n3,1;4,1;z\n', delimiter: ';' },
    { name: 'comma with semicolons inside quoted values', head: 'a,b,c\n"x;y;z",2,3\n"p;q",5,6\n', delimiter: ',' },
    { name: 'comma with quoted header names', head: '"school_id","school name","municipality"\n', delimiter: ',' },
    { name: 'TAB with commas in the values', head: 'a\tb\tc\n1,2\t3,4\t5\n', delimiter: '\t' },
    { name: 'a header-only file without a final newline', head: 'x;y', delimiter: ';' },
  ] as const)('sniffHeader finds $name', ({ head, delimiter }) => {
    expect(sniffHeader(head)?.delimiter).toBe(delimiter);
  });

  it('sniffHeader returns the header names as written, without the line ending', () => {
    expect(sniffHeader('Møte_ID;Skole_ID;Dato\r\nM1;S1;01.02.2025\r\n')).toEqual({
      delimiter: ';',
      names: ['Møte_ID', 'Skole_ID', 'Dato'],
    });
  });

  it('sniffHeader unquotes quoted header names', () => {
    expect(sniffHeader('"case_id","school_id","kind"\n')?.names).toEqual(['case_id', 'school_id', 'kind']);
  });

  it('sniffHeader ignores a last line cut off by the sample size', () => {
    expect(sniffHeader('a;b;c\n1;2;3\n4;5;6\n7;8')).toEqual({ delimiter: ';', names: ['a', 'b', 'c'] });
  });

  it('sniffHeader prefers the delimiter the data rows agree with', () => {
    // The header alone splits on both; only ';' gives every row the header's width.
    expect(sniffHeader('a,b;c,d\n1;2\n3;4\n')?.delimiter).toBe(';');
  });

  it.each([
    { name: 'a single column', head: 'school_id\nS1\n' },
    { name: 'an empty sample', head: '' },
  ])('sniffHeader returns null for $name', ({ head }) => {
    expect(sniffHeader(head)).toBeNull();
  });
});
