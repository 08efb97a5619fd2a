/**
 * The limits an .xlsx file is read within. A workbook is a zip of XML: a few kilobytes can
 * inflate to gigabytes (a zip bomb), and a sheet may claim a million rows. Every limit is
 * checked while reading, on what is actually inflated and parsed (never on sizes the file
 * declares), so a hostile file is refused with a reason before it costs memory or minutes.
 */
export interface XlsxLimits {
  /** The .xlsx file itself: the upload limit of the server. */
  readonly fileBytes: number;
  /** Inflated bytes of all parts read together (workbook, shared strings, every sheet; a sheet is read twice and counts once). */
  readonly inflatedBytes: number;
  /** Data rows of one sheet: Excel's own maximum is 1,048,576 rows. */
  readonly rowsPerSheet: number;
  /** Entries in the zip (a real workbook has a few dozen). */
  readonly zipEntries: number;
  /**
   * Shared strings (every distinct text of the workbook, held in memory while its sheets are
   * read): a national cases file has about a million. Without this cap, 256 MB of tiny
   * strings would take gigabytes as JavaScript strings.
   */
  readonly sharedStrings: number;
  /**
   * The heap of the worker thread that reads the workbook (etl/load/readWorkbookInWorker.ts):
   * a file that needs more is refused, and the server's own heap is never at stake.
   */
  readonly workerMemoryMb: number;
  /** Seconds the worker may read one workbook before it is stopped and the file refused. */
  readonly workerSeconds: number;
}

export const defaultXlsxLimits: XlsxLimits = {
  fileBytes: 50 * 1024 * 1024,
  inflatedBytes: 256 * 1024 * 1024,
  rowsPerSheet: 1_048_576,
  zipEntries: 10_000,
  sharedStrings: 4_000_000,
  // Room for the 4 million shared strings allowed above, with the parser and a sheet's row beside them.
  workerMemoryMb: 1024,
  workerSeconds: 300,
};

/** Excel's last column is XFD (16,384); a reference beyond it is not a spreadsheet's. */
export const maxSheetColumns = 16_384;
/** Excel's last row. */
export const maxSheetRow = 1_048_576;
