/**
 * The rejected rows of an import as a file to fix and drop again: the file's own header and
 * rows, each rejected row once, with the reasons in a first column (an extra column, so the
 * importer ignores it when the file comes back). Built in the browser from the file the
 * user still holds and the line numbers and reasons the server answered: the server keeps
 * no row, no value, only line, column and reason (a rejected row may hold a national
 * identity number — often that is why it was rejected).
 */
import Papa from 'papaparse';
import { normaliseName } from '../read/normaliseName.ts';
import type { Delimiter } from '../read/sniffHeader.ts';
import { excelCsv } from './excelCsv.ts';

export interface LineRejection {
  readonly line: number;
  readonly column: string | null;
  readonly reason: string;
}

/** Offset in `text` where each physical line starts (index 0 is line 1); CRLF, CR and LF each end a line, as on the server. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (ch === 10 || ch === 13) starts.push(i + 1);
  }
  return starts;
}

/** The record starting on a line; a quote never closed takes only that line, split plainly. */
function recordAt(text: string, from: number, to: number, delimiter: Delimiter): string[] {
  const parsed = Papa.parse<string[]>(text.slice(from), { delimiter, preview: 1 });
  const row = parsed.data[0];
  if (row && !parsed.errors.some((e) => e.type === 'Quotes')) return row;
  return text.slice(from, to).replace(/\r?\n?$/, '').split(delimiter);
}

/** The rows of the fix file: header first (reason column first), then each rejected line in file order. */
export function rejectedRows(text: string, delimiter: Delimiter, rejections: readonly LineRejection[], reasonHeader: string): string[][] {
  const starts = lineStarts(text);
  const end = (line: number) => starts[line] ?? text.length;
  const headerLine = starts.findIndex((from, i) => text.slice(from, end(i + 1)).trim() !== '');
  const header = headerLine === -1 ? [] : recordAt(text, starts[headerLine]!, end(headerLine + 1), delimiter);
  // A fix file dropped again has the old reasons first: replaced, not kept beside the new ones.
  const skip = header[0] !== undefined && normaliseName(header[0]) === normaliseName(reasonHeader) ? 1 : 0;
  const byLine = new Map<number, string[]>();
  for (const r of rejections) {
    const reasons = byLine.get(r.line) ?? [];
    reasons.push(r.column ? `${r.column}: ${r.reason}` : r.reason);
    byLine.set(r.line, reasons);
  }
  const rows = [...byLine.keys()]
    .sort((a, b) => a - b)
    .filter((line) => line >= 1 && line <= starts.length)
    .map((line) => [byLine.get(line)!.join(' | '), ...recordAt(text, starts[line - 1]!, end(line), delimiter).slice(skip)]);
  return [[reasonHeader, ...header.slice(skip)], ...rows];
}

/** The fix file's text, in Norwegian Excel style. */
export function rejectedRowsFile(text: string, delimiter: Delimiter, rejections: readonly LineRejection[], reasonHeader = 'Årsak til avvisning'): string {
  return excelCsv(rejectedRows(text, delimiter, rejections, reasonHeader));
}
