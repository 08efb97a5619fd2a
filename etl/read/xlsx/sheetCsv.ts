/**
 * A worksheet as the CSV text the importer reads from a CSV export: read twice as a stream,
 * first for its header row (the first row with content) and its width, then to write every
 * row with content as one CSV record (comma-separated, every value quoted), padded to the
 * sheet's width as Excel's own CSV export pads it. Written to a file piece by piece, so a
 * large sheet never sits in memory as text. Each record's spreadsheet row is kept: the
 * importer's line numbers become the row numbers the user sees in Excel.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { sheetRows, type SheetCell } from './sheetRows.ts';
import { InflateBudget, type ZipEntry } from './zipEntries.ts';

export interface SheetSource {
  readonly bytes: Buffer;
  readonly entry: ZipEntry;
  readonly budget: InflateBudget;
  readonly sharedStrings: readonly string[];
  readonly maxRows: number;
  readonly name: string;
}

export interface SheetHead {
  /** The header row's number in the sheet; null for a sheet without content. */
  readonly headerRow: number | null;
  /** The header's values by column (A = 0), empty where a header cell is empty. */
  readonly header: readonly string[];
  /** Columns up to the rightmost cell with content, in any row. */
  readonly width: number;
  /** Rows with content after the header. */
  readonly dataRows: number;
}

export async function sheetHead(source: SheetSource): Promise<SheetHead> {
  let headerRow: number | null = null;
  let header: string[] = [];
  let width = 0;
  let dataRows = 0;
  await sheetRows(source.bytes, source.entry, source.budget, source.sharedStrings, source.maxRows, (row, cells) => {
    for (const c of cells) width = Math.max(width, c.column + 1);
    if (headerRow === null) {
      headerRow = row;
      header = [];
      for (const c of cells) header[c.column] = c.value;
      header = Array.from(header, (v) => v ?? '');
    } else dataRows++;
  }, source.name);
  return { headerRow, header, width, dataRows };
}

const quoted = (value: string) => (value === '' ? '' : `"${value.replaceAll('"', '""')}"`);
const lineBreaks = (value: string) => value.match(/\r\n|\r|\n/g)?.length ?? 0;

/**
 * Writes the sheet from its header row on; `cellText` turns a cell into the text the
 * importer reads (dates, numbers). Returns each physical line's sheet row (index 0 = line 1).
 */
export async function writeSheetCsv(source: SheetSource, head: SheetHead, path: string, cellText: (cell: SheetCell) => string): Promise<number[]> {
  const rowOfLine: number[] = [];
  const fd = openSync(path, 'w', 0o600);
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = () => {
    if (pending.length) writeSync(fd, pending.join(''));
    pending = [];
    pendingLength = 0;
  };
  try {
    // The second pass inflates what the first already counted against the budget.
    await sheetRows(source.bytes, source.entry, InflateBudget.unlimited, source.sharedStrings, source.maxRows, (row, cells) => {
      if (head.headerRow === null || row < head.headerRow) return;
      const fields: string[] = new Array<string>(head.width).fill('');
      for (const c of cells) fields[c.column] = quoted(cellText(c));
      const record = fields.join(',');
      for (let i = 0; i <= lineBreaks(record); i++) rowOfLine.push(row);
      pending.push(record, '\n');
      pendingLength += record.length + 1;
      if (pendingLength > 1 << 20) flush();
    }, source.name);
    flush();
  } finally {
    closeSync(fd);
  }
  return rowOfLine;
}
