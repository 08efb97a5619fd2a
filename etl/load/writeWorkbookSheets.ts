/**
 * The reading of an .xlsx workbook, as the worker thread runs it (workbookWorkerMain.ts):
 * every visible sheet whose header row (its first row with content) matches a kind is
 * written as a CSV file in the import's temporary folder; the answer is plain data (no
 * functions, no classes) so that it crosses from the worker to the importer as it is, and
 * the importer finds each sheet's kind again from the header names (prepareWorkbook.ts).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { KindName } from '../contract/types.ts';
import { detectKind } from '../read/detectKind.ts';
import { excelSerialDate } from '../read/xlsx/excelSerialDate.ts';
import { sheetHead, writeSheetCsv, type SheetSource } from '../read/xlsx/sheetCsv.ts';
import type { SheetCell } from '../read/xlsx/sheetRows.ts';
import { workbookParts } from '../read/xlsx/workbookParts.ts';
import { XlsxError } from '../read/xlsx/xlsxError.ts';
import type { XlsxLimits } from '../read/xlsx/xlsxLimits.ts';
import { InflateBudget, zipEntries } from '../read/xlsx/zipEntries.ts';
import { containsNationalIdentityNumber } from './fnrSql.ts';
import { ImportError } from './importReport.ts';
import { containsPersonnummer } from './personnummerSql.ts';
import { maxColumns, tooWide, withoutIdentityNumbers } from './prepareFile.ts';

export interface SkippedSheet {
  readonly file: string;
  readonly sheet: string;
  readonly reason: string;
}

/** One sheet written as CSV: its header names decide its kind, `rowOfLine` maps lines back to Excel rows. */
export interface WrittenSheet {
  readonly name: string;
  readonly names: readonly string[];
  readonly utf8Path: string;
  readonly rowOfLine: readonly number[];
}

export interface WrittenWorkbook {
  readonly sheets: readonly WrittenSheet[];
  readonly skipped: readonly SkippedSheet[];
}

/** What the worker answers: the sheets, or the reason the file is refused (bokmål, for the user). */
export type WorkbookOutcome = { readonly ok: true; readonly workbook: WrittenWorkbook } | { readonly ok: false; readonly reason: string };

/** A sheet name reaches the report and the history: one holding an identity number is shown by position. */
function shownSheetName(name: string, index: number): string {
  return containsNationalIdentityNumber(name) || containsPersonnummer(name) ? `ark ${index + 1}` : name;
}

/**
 * The text the importer reads for a cell. A number in a date column is an Excel serial
 * date. A 10-digit whole number that is a national identity number once its leading zero
 * is put back (Excel drops it from a number: 03040512399 → 3040512399) is written with it,
 * so the identity-number check refuses the row as it would the CSV.
 */
function cellText(dateColumns: ReadonlySet<number>, date1904: boolean) {
  return (cell: SheetCell): string => {
    if (!cell.numeric) return cell.value;
    if (dateColumns.has(cell.column)) return excelSerialDate(Number(cell.value), date1904) ?? cell.value;
    if (/^\d{10}$/.test(cell.value) && containsNationalIdentityNumber(`0${cell.value}`)) return `0${cell.value}`;
    return cell.value;
  };
}

/** Never throws: a file that cannot be read, or passes a limit, is an answer with its reason. */
export async function writeWorkbookSheets(file: string, tempDir: string, index: number, kind: KindName | undefined, limits: XlsxLimits): Promise<WorkbookOutcome> {
  try {
    return { ok: true, workbook: await readWorkbook(file, tempDir, index, kind, limits) };
  } catch (error) {
    if (error instanceof ImportError || error instanceof XlsxError) return { ok: false, reason: error.message };
    if (error instanceof RangeError) return { ok: false, reason: 'filen er skadet eller for stor til å leses som Excel-arbeidsbok; lagre den på nytt fra Excel' };
    return { ok: false, reason: 'filen kan ikke leses' };
  }
}

async function readWorkbook(file: string, tempDir: string, index: number, kind: KindName | undefined, limits: XlsxLimits): Promise<WrittenWorkbook> {
  const size = statSync(file).size;
  if (size > limits.fileBytes) {
    throw new XlsxError(`filen er ${Math.ceil(size / (1024 * 1024))} MB; en Excel-arbeidsbok kan være høyst ${Math.round(limits.fileBytes / (1024 * 1024))} MB. Del den opp`);
  }
  const bytes = readFileSync(file);
  const entries = zipEntries(bytes, limits.zipEntries);
  const budget = new InflateBudget(limits.inflatedBytes);
  const workbook = await workbookParts(bytes, entries, budget, limits.sharedStrings);
  const sheets: WrittenSheet[] = [];
  const skipped: SkippedSheet[] = [];
  for (const [s, sheet] of workbook.sheets.entries()) {
    const name = shownSheetName(sheet.name, s);
    const skip = (reason: string) => skipped.push({ file, sheet: name, reason });
    if (sheet.hidden) {
      skip('skjult ark; vis arket i Excel for å lese det inn');
      continue;
    }
    if (!sheet.entry) {
      skip('arket finnes ikke i filen');
      continue;
    }
    const source: SheetSource = { bytes, entry: sheet.entry, budget, sharedStrings: workbook.sharedStrings, maxRows: limits.rowsPerSheet, name };
    const head = await sheetHead(source);
    if (head.headerRow === null) {
      skip('arket er tomt');
      continue;
    }
    const names = Array.from({ length: head.width }, (_, i) => head.header[i] ?? '');
    if (names.length > maxColumns) throw new XlsxError(`arket «${name}»: ${tooWide(names.length, false)}`);
    const detection = detectKind(names, kind);
    if (!detection.ok) {
      skip(detection.reason);
      continue;
    }
    const mapping = withoutIdentityNumbers(detection.mapping);
    const dateColumns = new Set(mapping.spec.columns.filter((c) => c.type.t === 'date').flatMap((c) => mapping.positions.get(c.name) ?? []));
    const utf8Path = join(tempDir, `file-${index}-sheet-${s}.csv`);
    const rowOfLine = await writeSheetCsv(source, head, utf8Path, cellText(dateColumns, workbook.date1904));
    sheets.push({ name, names, utf8Path, rowOfLine });
  }
  if (sheets.length === 0) {
    const why = skipped.map((k) => `«${k.sheet}»: ${k.reason}`).join('; ');
    throw new XlsxError(`ingen ark i arbeidsboken kan leses inn (${why || 'arbeidsboken har ingen ark'})`);
  }
  return { sheets, skipped };
}
