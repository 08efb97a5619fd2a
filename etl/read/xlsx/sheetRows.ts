/**
 * Streams a worksheet's rows as they are parsed: each row's number (as Excel shows it) and
 * its cells' values as text, the way the cell holds them (never as Excel formats them):
 * shared and inline strings as written, numbers as stored (`1050`, `45536`), booleans as
 * `true`/`false`, error values as shown (`#N/A`), and for a formula the value Excel cached
 * when the file was saved (the formula itself is not read nor recalculated; a formula
 * without a cached value is empty). Only the top-left cell of a merged range holds a value,
 * as in Excel's own CSV export; the others read empty.
 */
import { maxSheetColumns, maxSheetRow } from './xlsxLimits.ts';
import { streamXml } from './streamXml.ts';
import type { InflateBudget, ZipEntry } from './zipEntries.ts';
import { XlsxError } from './xlsxError.ts';

export interface SheetCell {
  /** 0-based column (A = 0). */
  readonly column: number;
  readonly value: string;
  /** A number cell (type `n`): a date column reads it as an Excel serial date. */
  readonly numeric: boolean;
}

/** `B12` → column 1; null for a reference that is not one. */
export function columnOfReference(ref: string): number | null {
  const m = /^([A-Z]{1,3})\d*$/i.exec(ref);
  if (!m) return null;
  let n = 0;
  for (const ch of m[1]!.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Column 0 → `A`, 27 → `AB`. */
export function columnLetter(column: number): string {
  let s = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export async function sheetRows(
  bytes: Buffer,
  entry: ZipEntry,
  budget: InflateBudget,
  sharedStrings: readonly string[],
  /** Rows with content after the first (the header). */
  maxRows: number,
  onRow: (row: number, cells: readonly SheetCell[]) => void,
  sheetName: string,
): Promise<void> {
  let rowNumber = 0;
  let rows = 0;
  let cells: SheetCell[] = [];
  let cell: { column: number; type: string; value: string[]; inValue: boolean; phonetic: number } | null = null;
  let nextColumn = 0;
  const finishCell = () => {
    if (!cell) return;
    const raw = cell.value.join('');
    let value = raw;
    let numeric = false;
    switch (cell.type) {
      case 's': {
        const index = Number(raw.trim());
        const text = raw.trim() === '' ? '' : sharedStrings[index];
        if (text === undefined) throw new XlsxError(`arket «${sheetName}» er skadet (en celle viser til en delt tekst som ikke finnes); lagre filen på nytt fra Excel`);
        value = text;
        break;
      }
      case 'b':
        value = raw.trim() === '1' ? 'true' : raw.trim() === '0' ? 'false' : raw;
        break;
      case 'd':
        value = /^\d{4}-\d{2}-\d{2}/.exec(raw.trim())?.[0] ?? raw;
        break;
      case 'n':
        value = raw.trim();
        numeric = value !== '';
        break;
    }
    if (value !== '') cells.push({ column: cell.column, value, numeric });
    cell = null;
  };
  await streamXml(bytes, entry, budget, {
    open: (name, a) => {
      if (name === 'row') {
        rowNumber = a.r !== undefined ? Number(a.r) : rowNumber + 1;
        if (!Number.isInteger(rowNumber) || rowNumber < 1 || rowNumber > maxSheetRow) throw new XlsxError(`arket «${sheetName}» har et radnummer utenfor Excels grense (${maxSheetRow})`);
        cells = [];
        nextColumn = 0;
      } else if (name === 'c') {
        const column = a.r !== undefined ? columnOfReference(a.r) : nextColumn;
        if (column === null || column >= maxSheetColumns) throw new XlsxError(`arket «${sheetName}» har en cellereferanse utenfor Excels grense (kolonne XFD)`);
        nextColumn = column + 1;
        // A row holds at most one cell per column; more is no spreadsheet's, and would pile up in memory.
        if (cells.length >= maxSheetColumns) throw new XlsxError(`arket «${sheetName}» har en rad med mer enn ${maxSheetColumns} celler (Excels grense)`);
        cell = { column, type: a.t ?? 'n', value: [], inValue: false, phonetic: 0 };
      } else if (cell) {
        if (name === 'rPh') cell.phonetic++;
        // <v> holds the value (or the cached result of a formula); <t> the text of an inline string.
        else if ((name === 'v' && cell.type !== 'inlineStr') || (name === 't' && cell.type === 'inlineStr' && cell.phonetic === 0)) cell.inValue = true;
      }
    },
    close: (name) => {
      if (name === 'c') finishCell();
      else if (name === 'row') {
        if (cells.length > 0) {
          if (++rows > maxRows + 1) throw new XlsxError(`arket «${sheetName}» har mer enn ${maxRows.toLocaleString('nb-NO').replace(/\s/g, ' ')} rader med innhold; del det opp`);
          onRow(rowNumber, cells);
        }
      } else if (cell) {
        if (name === 'rPh') cell.phonetic--;
        else if (name === 'v' || name === 't') cell.inValue = false;
      }
    },
    text: (text) => {
      if (cell?.inValue) cell.value.push(text);
    },
  }, `arket «${sheetName}»`);
}
