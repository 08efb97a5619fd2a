/**
 * Reads an .xlsx workbook into the same prepared files a CSV export gives: every visible
 * sheet whose header row (its first row with content) matches a kind becomes one file of
 * the batch, written as CSV (in a worker thread: readWorkbookInWorker.ts) and then read,
 * typed, validated, quarantined and checked for identity numbers exactly as a CSV file is;
 * nothing in a workbook is trusted more. Hidden sheets (the user does not see them), empty
 * sheets and sheets whose header matches no kind are skipped and named in the report; a
 * workbook with no sheet to import refuses the batch, as a CSV file of unknown kind does.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { KindName } from '../contract/types.ts';
import { detectKind } from '../read/detectKind.ts';
import { defaultXlsxLimits, type XlsxLimits } from '../read/xlsx/xlsxLimits.ts';
import { ImportError } from './importReport.ts';
import { withoutIdentityNumbers, type PreparedFile } from './prepareFile.ts';
import { readWorkbookInWorker } from './readWorkbookInWorker.ts';
import type { SkippedSheet, WrittenSheet } from './writeWorkbookSheets.ts';

export type { SkippedSheet } from './writeWorkbookSheets.ts';

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

export interface PreparedWorkbook {
  readonly prepared: PreparedFile[];
  readonly skipped: SkippedSheet[];
}

/** The worker found the sheet's kind from these names; the same names give the same mapping here. */
function preparedSheet(file: string, sheet: WrittenSheet, kind: KindName | undefined): PreparedFile {
  const detection = detectKind(sheet.names, kind);
  if (!detection.ok) throw new ImportError(detection.reason, file);
  return {
    file,
    decoded: { encoding: 'utf-8', utf8Path: sheet.utf8Path, head: '', lineEndings: 'lf' },
    delimiter: ',',
    mapping: withoutIdentityNumbers(detection.mapping),
    headerLine: 1,
    sheet: { name: sheet.name, rowOfLine: sheet.rowOfLine },
  };
}

export async function prepareWorkbook(file: string, tempDir: string, index: number, kind?: KindName, limits: XlsxLimits = defaultXlsxLimits): Promise<PreparedWorkbook> {
  const outcome = await readWorkbookInWorker(file, tempDir, index, kind, limits);
  if (!outcome.ok) throw new ImportError(outcome.reason, file);
  return { prepared: outcome.workbook.sheets.map((sheet) => preparedSheet(file, sheet, kind)), skipped: [...outcome.workbook.skipped] };
}
