/**
 * Maps DuckDB's record positions back to physical line numbers in the file. DuckDB counts
 * records (a quoted field may span lines), so a record's first physical line is found by
 * scanning the text once, honouring RFC 4180 quotes as DuckDB does: a quote opens a quoted
 * field only at the start of a field (`12" skjerm` is plain text). Only run when there are
 * rejections. The same scan tells whether a quote is left open at the end of the text.
 */
export interface LineLocator {
  /** Physical line (1-based) of DuckDB's record line number (1-based, header = 1, blank lines counted). */
  lineOfRecord(recordLine: number): number;
  /** The record's last physical line: later than its first when a quoted field spans lines. */
  lastLineOfRecord(recordLine: number): number;
  /** Physical line of the n-th (0-based) data row DuckDB loaded, given the record lines it rejected. */
  lineOfRow(row: number): number;
  /** The record (DuckDB's numbering) that starts on a physical line, or null if none does. */
  recordOfLine(line: number): number | null;
  /**
   * A quoted field still open at the end of the text: the physical line and the field
   * (0-based) where its quote opened. Everything after that quote reads as one field.
   */
  readonly openQuote: { readonly line: number; readonly field: number } | null;
}

export function lineLocator(text: string, rejectedRecordLines: ReadonlySet<number>, delimiter: string): LineLocator {
  const recordStart: number[] = []; // physical line of each record
  const blank: boolean[] = [];
  const delim = delimiter.charCodeAt(0);
  let line = 1;
  let inQuote = false;
  let fieldStart = true;
  let start = true;
  let empty = true;
  let field = 0;
  let quoteOpened = { line: 0, field: 0 };
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (start) {
      recordStart.push(line);
      blank.push(true);
      start = false;
      empty = true;
      field = 0;
    }
    const atFieldStart = fieldStart;
    fieldStart = !inQuote && ch === delim;
    if (fieldStart) field++;
    if (ch === 34) {
      if (inQuote && text.charCodeAt(i + 1) === 34) i++; // "" inside quotes is one quote
      else if (inQuote) inQuote = false;
      else if (atFieldStart) {
        inQuote = true;
        quoteOpened = { line, field };
      }
    }
    if (ch === 10 || ch === 13) {
      if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
      line++;
      if (!inQuote) {
        blank[blank.length - 1] = empty;
        start = true;
        fieldStart = true;
      }
      continue;
    }
    empty = false;
  }
  if (!start) blank[blank.length - 1] = empty;
  // One past the last line: a final line break does not start another line.
  const endLine = start ? line : line + 1;
  const rows: number[] = [];
  // The header is the first non-blank record (blank lines may come before it).
  const header = blank.indexOf(false);
  for (let r = header + 1; r < recordStart.length; r++) {
    if (!blank[r] && !rejectedRecordLines.has(r + 1)) rows.push(recordStart[r]!);
  }
  return {
    lineOfRecord: (recordLine) => recordStart[recordLine - 1] ?? recordLine,
    lastLineOfRecord: (recordLine) =>
      recordLine > recordStart.length ? recordLine : (recordStart[recordLine] ?? endLine) - 1,
    lineOfRow: (row) => rows[row] ?? row + 2,
    recordOfLine: (physical) => {
      const index = recordStart.indexOf(physical);
      return index === -1 ? null : index + 1;
    },
    openQuote: inQuote ? quoteOpened : null,
  };
}
