import { describe, expect, it } from 'vitest';
import { LineEndingScan, lineEndingsOf, normaliseLineEndings } from '../../../etl/read/lineEndings.ts';

describe('lineEndingsOf', () => {
  it.each([
    { name: 'LF only', text: 'a,b\n1,2\n', expected: 'lf' },
    { name: 'CRLF only', text: 'a,b\r\n1,2\r\n', expected: 'crlf' },
    { name: 'CR only (old Mac)', text: 'a,b\r1,2\r', expected: 'cr' },
    { name: 'no line break at all', text: 'a,b', expected: 'none' },
    { name: 'CRLF and LF', text: 'a,b\r\n1,2\n3,4\r\n', expected: 'mixed' },
    { name: 'LF then one CRLF at the end', text: 'a,b\n1,2\n3,4\r\n', expected: 'mixed' },
    { name: 'CRLF and a lone CR', text: 'a,b\r\n1,2\r3,4\r\n', expected: 'mixed' },
    { name: 'LF and a lone CR at the very end', text: 'a,b\n1,2\r', expected: 'mixed' },
  ])('lineEndingsOf finds $expected in $name', ({ text, expected }) => {
    expect(lineEndingsOf(Buffer.from(text))).toBe(expected);
  });

  it('LineEndingScan pairs a CR ending one chunk with the LF starting the next', () => {
    const scan = new LineEndingScan();
    scan.add(Buffer.from('a,b\r'));
    scan.add(Buffer.from('\n1,2\r'));
    scan.add(Buffer.from('\n'));
    expect(scan.result()).toBe('crlf');
  });

  it('LineEndingScan sees a lone LF right after a chunk-ending CRLF pair', () => {
    const scan = new LineEndingScan();
    scan.add(Buffer.from('a,b\r'));
    scan.add(Buffer.from('\n\n1,2'));
    expect(scan.result()).toBe('mixed');
  });

  it('LineEndingScan sees LF in one chunk and CRLF in a later one as mixed', () => {
    const scan = new LineEndingScan();
    scan.add(Buffer.from('a,b\n1,2\n'));
    scan.add(Buffer.from('3,4\r\n'));
    expect(scan.result()).toBe('mixed');
  });
});

describe('normaliseLineEndings', () => {
  it('normaliseLineEndings keeps the number of lines and makes every ending LF', () => {
    expect(normaliseLineEndings('a\r\nb\rc\nd\r\n')).toBe('a\nb\nc\nd\n');
  });
});
