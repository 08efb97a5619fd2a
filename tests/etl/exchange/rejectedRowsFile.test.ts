/**
 * The fix file the browser writes from the file the user holds and the server's line
 * numbers and reasons. Expected files written by hand.
 */
import { describe, expect, it } from 'vitest';
import { rejectedRowsFile } from '../../../etl/exchange/rejectedRowsFile.ts';

const bom = '\uFEFF';

describe('rejectedRowsFile', () => {
  it('writes the header and each rejected line once, reasons first, as Norwegian Excel CSV', () => {
    const text = 'sak_id,skole_id,trinn,merknad\r\nS1,1,3,ok\r\nS2,1,11,"to\r\nlinjer"\r\nS3,9,4,"a;b"\r\nS4,1,5,x\r\n';
    const file = rejectedRowsFile(text, ',', [
      { line: 5, column: 'skole_id', reason: 'finnes ikke' },
      { line: 3, column: 'trinn', reason: 'må være fra 1 til 10' },
      { line: 3, column: null, reason: 'annet' },
    ]);
    expect(file).toBe(
      `${bom}Årsak til avvisning;sak_id;skole_id;trinn;merknad\r\n` +
        `trinn: må være fra 1 til 10 | annet;S2;1;11;"to\r\nlinjer"\r\n` +
        `skole_id: finnes ikke;S3;9;4;"a;b"\r\n`,
    );
  });

  it('skips blank lines before the header, and replaces the reasons of a fix file dropped again', () => {
    const text = '\n\nÅrsak til avvisning;skole_id;skolenavn\ngammel grunn;5;A\nny;6;B\n';
    expect(rejectedRowsFile(text, ';', [{ line: 5, column: 'skole_id', reason: 'ny grunn' }])).toBe(
      `${bom}Årsak til avvisning;skole_id;skolenavn\r\nskole_id: ny grunn;6;B\r\n`,
    );
  });

  it('takes only its own line when a quote is never closed', () => {
    const text = 'a;b\n1;"open\n2;ok\n';
    expect(rejectedRowsFile(text, ';', [{ line: 2, column: 'b', reason: 'anførselstegn' }])).toBe(`${bom}Årsak til avvisning;a;b\r\nb: anførselstegn;1;"""open"\r\n`);
  });
});
