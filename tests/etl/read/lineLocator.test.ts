import { describe, expect, it } from 'vitest';
import { lineLocator } from '../../../etl/read/lineLocator.ts';

describe('lineLocator', () => {
  // `rows` are the physical lines of the data rows DuckDB would load, in order.
  it.each([
    { name: 'plain LF rows', text: 'h1,h2\na,b\nc,d\ne,f\n', rejected: [], rows: [2, 3, 4] },
    { name: 'CRLF rows', text: 'h1,h2\r\na,b\r\nc,d\r\n', rejected: [], rows: [2, 3] },
    { name: 'no final line ending', text: 'h1,h2\na,b\nc,d', rejected: [], rows: [2, 3] },
    { name: 'a quoted LF inside a field', text: 'h1,h2\n"a\nstill a",b\nc,d\n', rejected: [], rows: [2, 4] },
    { name: 'a quoted CRLF inside a CRLF file', text: 'h1,h2\r\n"a\r\n\r\nstill a",b\r\nc,d\r\n', rejected: [], rows: [2, 5] },
    { name: 'Excel style: LF inside quotes, CRLF between rows', text: 'h1;h2\r\n"x\ny";1\r\nz;2\r\n', delimiter: ';', rejected: [], rows: [2, 4] },
    { name: 'blank lines between rows', text: 'h1,h2\na,b\n\n\nc,d\n', rejected: [], rows: [2, 5] },
    { name: 'blank CRLF lines', text: 'h1,h2\r\n\r\na,b\r\n\r\nc,d\r\n', rejected: [], rows: [3, 5] },
    { name: 'escaped quotes ("") in a quoted field', text: 'h1,h2\n"say ""hi""\nthere",b\nc,d\n', rejected: [], rows: [2, 4] },
    { name: 'an empty quoted field and a field of one escaped quote', text: 'h1,h2\n"",""""\n"""a\nb""",c\nd,e\n', rejected: [], rows: [2, 3, 5] },
    { name: 'a record DuckDB rejected (record line 3)', text: 'h1,h2\na,b\nbad\nc,d\n', rejected: [3], rows: [2, 4] },
    { name: 'a rejected record after a quoted newline', text: 'h1,h2\n"a\nb",c\nbad\nd,e\n', rejected: [3], rows: [2, 5] },
    { name: 'a line of delimiters only (a row of empty fields)', text: 'h1,h2\n,\na,b\n', rejected: [], rows: [2, 3] },
    { name: 'blank lines before the header', text: '\n\nh1,h2\na,b\nc,d\n', rejected: [], rows: [4, 5] },
    { name: 'blank CRLF lines before the header and a rejected record', text: '\r\nh1,h2\r\na,b\r\nbad\r\nc,d\r\n', rejected: [4], rows: [3, 5] },
    { name: 'a quote inside an unquoted field (12" skjerm) before a quoted newline', text: 'h1,h2\na,12" skjerm\nb,"x\ny"\nc,d\n', rejected: [], rows: [2, 3, 5] },
    { name: 'a quote at the end of an unquoted last field', text: 'h1,h2\na,b"\nc,d\ne,f\n', rejected: [], rows: [2, 3, 4] },
    { name: 'a quote after a comma in a semicolon file (plain text)', text: 'h1;h2\na,"b;c\nd;e\n', delimiter: ';', rejected: [], rows: [2, 3] },
    { name: 'a quote after a semicolon in a TAB file (plain text)', text: 'h1\th2\na;"b\tc\nd\te\n', delimiter: '\t', rejected: [], rows: [2, 3] },
    { name: 'a quoted field in a TAB file', text: 'h1\th2\n"a\tb\nc"\td\ne\tf\n', delimiter: '\t', rejected: [], rows: [2, 4] },
  ])('lineLocator maps rows to physical lines with $name', ({ text, rejected, rows, delimiter }) => {
    const locate = lineLocator(text, new Set(rejected), delimiter ?? ',');
    expect(rows.map((_, i) => locate.lineOfRow(i))).toEqual(rows);
  });

  it.each([
    { name: 'plain rows', text: 'h\na\nb\nc\n', record: 3, line: 3 },
    { name: 'after a quoted newline', text: 'h,x\n"a\nb",1\nbad\n', record: 3, line: 4 },
    { name: 'after two quoted newlines in CRLF', text: 'h,x\r\n"a\r\nb\r\nc",1\r\nbad\r\n', record: 3, line: 5 },
    { name: 'after blank lines (DuckDB counts them as records)', text: 'h,x\n\n\nbad\n', record: 4, line: 4 },
    { name: 'after a stray quote in an unquoted field', text: 'h,x\n12" skjerm,1\nbad\n', record: 3, line: 3 },
    { name: 'the header', text: 'h,x\na,b\n', record: 1, line: 1 },
  ])('lineLocator.lineOfRecord finds the physical line $name', ({ text, record, line }) => {
    expect(lineLocator(text, new Set(), ',').lineOfRecord(record)).toBe(line);
  });

  it.each([
    { name: 'every quote closed', text: 'h,x\n"a\nb",1\n', open: null },
    { name: 'a quote in the middle of a field (plain text)', text: 'h,x\n12" skjerm,1\n', open: null },
    { name: 'a quote opened in the second field of line 3', text: 'h,x\na,1\nb,"never\nc,2\n', open: { line: 3, field: 1 } },
    { name: 'a quote opened after a closed multi-line field', text: 'h,x\n"a\nb",1\n"c,2\n', open: { line: 4, field: 0 } },
  ])('lineLocator.openQuote is $open for $name', ({ text, open }) => {
    expect(lineLocator(text, new Set(), ',').openQuote).toEqual(open);
  });

  it('lineLocator.recordOfLine finds the record a physical line starts, null inside a quoted field', () => {
    const locate = lineLocator('h,x\n"a\nb",1\n\nc,2\n', new Set(), ',');
    expect([1, 2, 3, 4, 5].map((line) => locate.recordOfLine(line))).toEqual([1, 2, null, 3, 4]);
  });

  it.each([
    { name: 'a one-line record', text: 'h,x\na,1\nb,2\n', record: 2, last: 2 },
    { name: 'a record with a quoted line break', text: 'h,x\n"a\nb",1\nc,2\n', record: 2, last: 3 },
    { name: 'the last record, with a final line break', text: 'h,x\na,1\n"b\nc",2\n', record: 3, last: 4 },
    { name: 'the last record, without a final line break', text: 'h,x\na,1\n"b\r\nc",2', record: 3, last: 4 },
    { name: 'a record followed by blank lines', text: 'h,x\n"a\nb",1\n\n\nc,2\n', record: 2, last: 3 },
  ])('lineLocator.lastLineOfRecord finds the last physical line of $name', ({ text, record, last }) => {
    expect(lineLocator(text, new Set(), ',').lastLineOfRecord(record)).toBe(last);
  });
});
