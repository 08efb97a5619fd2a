/**
 * Reads an .xlsx workbook into the same prepared files a CSV export gives: every visible
 * sheet whose header row (its first row with content) matches a kind becomes one file of
 * the batch, written as CSV and then read, typed, validated, quarantined and checked for
 * identity numbers exactly as a CSV file is; nothing in a workbook is trusted more.
 * Hidden sheets (the user does not see them), empty sheets and sheets whose header matches
 * no kind are skipped and named in the report; a workbook with no sheet to import refuses
 * the batch, as a CSV file of unknown kind does.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { KindName } from '../contract/types.ts';
import { detectKind } from '../read/detectKind.ts';
import { excelSerialDate } from '../read/xlsx/excelSerialDate.ts';
import { sheetHead, writeSheetCsv, type SheetSource } from '../read/xlsx/sheetCsv.ts';
import type { SheetCell } from '../read/xlsx/sheetRows.ts';
import { workbookParts } from '../read/xlsx/workbookParts.ts';
import { XlsxError } from '../read/xlsx/xlsxError.ts';
import { defaultXlsxLimits, type XlsxLimits } from '../read/xlsx/xlsxLimits.ts';
import { InflateBudget, zipEntries } from '../read/xlsx/zipEntries.ts';
import { containsNationalIdentityNumber } from './fnrSql.ts';
import { ImportError } from './importReport.ts';
import { containsPersonnummer } from './personnummerSql.ts';
import { maxColumns, tooWide, withoutIdentityNumbers, type PreparedFile } from './prepareFile.ts';

/** An .xlsx by its name, or by its zip signature (a workbook renamed to .csv is read as what it is). */
export function isWorkbook(file: string): boolean {
  if (/\.xlsx$/i.test(file)) return true;
  try {
    const fd = openSync(file, 'r');
    try {
      const head = Buffer.alloc(4);
      return readSync(fd, head, 0, 4, 0) === 4 && head.readUInt32LE(0) === 0x04034b50;
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

export interface SkippedSheet {
  readonly file: string;
  readonly sheet: string;
  readonly reason: string;
}

export interface PreparedWorkbook {
  readonly prepared: PreparedFile[];
  readonly skipped: SkippedSheet[];
}

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

export async function prepareWorkbook(file: string, tempDir: string, index: number, kind?: KindName, limits: XlsxLimits = defaultXlsxLimits): Promise<PreparedWorkbook> {
  try {
    return await readWorkbook(file, tempDir, index, kind, limits);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    if (error instanceof XlsxError) throw new ImportError(error.message, file);
    if (error instanceof RangeError) throw new ImportError('filen er skadet eller for stor til å leses som Excel-arbeidsbok; lagre den på nytt fra Excel', file);
    throw new ImportError('filen kan ikke leses', file);
  }
}

async function readWorkbook(file: string, tempDir: string, index: number, kind: KindName | undefined, limits: XlsxLimits): Promise<PreparedWorkbook> {
  const size = statSync(file).size;
  if (size > limits.fileBytes) {
    throw new XlsxError(`filen er ${Math.ceil(size / (1024 * 1024))} MB; en Excel-arbeidsbok kan være høyst ${Math.round(limits.fileBytes / (1024 * 1024))} MB. Del den opp`);
  }
  const bytes = readFileSync(file);
  const entries = zipEntries(bytes, limits.zipEntries);
  const budget = new InflateBudget(limits.inflatedBytes);
  const workbook = await workbookParts(bytes, entries, budget, limits.sharedStrings);
  const prepared: PreparedFile[] = [];
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
    prepared.push({
      file,
      decoded: { encoding: 'utf-8', utf8Path, head: '', lineEndings: 'lf' },
      delimiter: ',',
      mapping,
      headerLine: 1,
      sheet: { name, rowOfLine },
    });
  }
  if (prepared.length === 0) {
    const why = skipped.map((k) => `«${k.sheet}»: ${k.reason}`).join('; ');
    throw new XlsxError(`ingen ark i arbeidsboken kan leses inn (${why || 'arbeidsboken har ingen ark'})`);
  }
  return { prepared, skipped };
}
