import { describe, expect, it } from 'vitest';
import { repairUnterminatedQuotes } from '../../../etl/load/unterminatedQuotes.ts';

describe('repairUnterminatedQuotes', () => {
  it('repairUnterminatedQuotes leaves a file without an open quote as it is', () => {
    const text = 'h1,h2\n"a\nb",c\n12" skjerm,d\n';
    expect(repairUnterminatedQuotes(text, ',', 1)).toEqual({ text, blanked: [] });
  });

  it.each([
    { name: 'LF', eol: '\n' },
    { name: 'CRLF', eol: '\r\n' },
  ])('repairUnterminatedQuotes blanks the line of a quote never closed and keeps every line ($name)', ({ eol }) => {
    const text = ['h1,h2', 'a,b', 'c,"never closed', 'd,e', 'f,g', ''].join(eol);
    expect(repairUnterminatedQuotes(text, ',', 1)).toEqual({
      text: ['h1,h2', 'a,b', '', 'd,e', 'f,g', ''].join(eol),
      blanked: [{ line: 3, field: 1 }],
    });
  });

  it('repairUnterminatedQuotes blanks two broken lines, the later one first', () => {
    // Line 3's quote closes at line 5's stray quote; line 6's then stays open to the end.
    const text = 'h1;h2\na;b\n"one;x\nc;d\n"two;y\n"three;z\ne;f\n';
    const { text: repaired, blanked } = repairUnterminatedQuotes(text, ';', 1);
    expect(blanked.map((b) => b.line)).toEqual([6]);
    expect(repaired).toBe('h1;h2\na;b\n"one;x\nc;d\n"two;y\n\ne;f\n');
  });

  it('repairUnterminatedQuotes repeats until no quote is left open', () => {
    const text = 'h1,h2\n"a,1\nb,2\n"c,3\nd,4\n"e,5\n';
    // Line 2 opens, line 4 closes it ("c is a closing quote then text: one bad record 2–4);
    // line 6 opens and never closes: blank 6, then nothing is open any more.
    const { blanked } = repairUnterminatedQuotes(text, ',', 1);
    expect(blanked).toEqual([{ line: 6, field: 0 }]);
  });

  it('repairUnterminatedQuotes never blanks the header', () => {
    const text = 'h1,"h2\na,b\n';
    expect(repairUnterminatedQuotes(text, ',', 1).blanked).toEqual([]);
  });

  it('repairUnterminatedQuotes does no more rounds than its limit', () => {
    const text = 'h1,h2\na,"x\n';
    expect(repairUnterminatedQuotes(text, ',', 1, 0)).toEqual({ text, blanked: [] });
  });
});
