/**
 * Maps DuckDB's record positions back to physical line numbers in the file. DuckDB counts
 * records (a quoted field may span lines), so a record's first physical line is found by
 * scanning the text once, honouring RFC 4180 quotes. Only run when there are rejections.
 */
export interface LineLocator {
  /** Physical line (1-based) of DuckDB's record line number (1-based, header = 1, blank lines counted). */
  lineOfRecord(recordLine: number): number;
  /** Physical line of the n-th (0-based) data row DuckDB loaded, given the record lines it rejected. */
  lineOfRow(row: number): number;
}

export function lineLocator(text: string, rejectedRecordLines: ReadonlySet<number>): LineLocator {
  const recordStart: number[] = []; // physical line of each record
  const blank: boolean[] = [];
  let line = 1;
  let inQuote = false;
  let start = true;
  let empty = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (start) {
      recordStart.push(line);
      blank.push(true);
      start = false;
      empty = true;
    }
    if (ch === 34) inQuote = !inQuote;
    if (ch === 10 || ch === 13) {
      if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
      line++;
      if (!inQuote) {
        blank[blank.length - 1] = empty;
        start = true;
      }
      continue;
    }
    empty = false;
  }
  if (!start) blank[blank.length - 1] = empty;
  const rows: number[] = [];
  for (let r = 1; r < recordStart.length; r++) {
    if (!blank[r] && !rejectedRecordLines.has(r + 1)) rows.push(recordStart[r]!);
  }
  return {
    lineOfRecord: (recordLine) => recordStart[recordLine - 1] ?? recordLine,
    lineOfRow: (row) => rows[row] ?? row + 2,
  };
}
