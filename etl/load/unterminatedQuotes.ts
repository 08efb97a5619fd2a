/**
 * A quote that opens a field and never closes makes DuckDB read the rest of the file as one
 * field of one bad record: every later row would be lost without a word. This finds such a
 * quote and blanks its line (the one row that cannot be read), again until no quote is left
 * open; the caller reads the repaired text and reports each blanked line as rejected.
 */
import { lineLocator } from '../read/lineLocator.ts';

export interface BlankedLine {
  /** Physical line (1-based); the same in the repaired text, which keeps every line break. */
  readonly line: number;
  /** The field (0-based) whose quote was never closed. */
  readonly field: number;
}

export interface QuoteRepair {
  readonly text: string;
  readonly blanked: readonly BlankedLine[];
}

/** Offsets of line `line`'s content (without its line break); one pass, no copies of the text. */
function lineSpan(text: string, line: number): { start: number; end: number } {
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  for (let n = 1; n < line; n++) {
    const found = breaks.exec(text);
    if (!found) return { start: text.length, end: text.length };
    start = found.index + found[0].length;
  }
  const next = breaks.exec(text);
  return { start, end: next ? next.index : text.length };
}

/**
 * Blanks, one at a time, each line whose quote is left open at the end of the text. Lines
 * up to `headerLine` are never touched (a broken header is a problem with the whole file).
 * `limit` bounds the work on a file that is mostly broken quotes.
 */
export function repairUnterminatedQuotes(text: string, delimiter: string, headerLine: number, limit = 1000): QuoteRepair {
  const blanked: BlankedLine[] = [];
  let repaired = text;
  for (let round = 0; round < limit; round++) {
    const open = lineLocator(repaired, new Set(), delimiter).openQuote;
    if (!open || open.line <= headerLine) break;
    const { start, end } = lineSpan(repaired, open.line);
    repaired = repaired.slice(0, start) + repaired.slice(end);
    blanked.push(open);
  }
  return { text: repaired, blanked };
}
