/** The import report of contract section 5 (`import --json`). */
import type { KindName } from '../contract/types.ts';
import { UserFacingError } from '../log/userFacingError.ts';

export interface FileReport {
  file: string;
  /** The sheet, for a file that is an .xlsx workbook (each imported sheet is reported on its own). */
  sheet?: string;
  kind: KindName;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  ignored_columns: string[];
}

export interface Rejection {
  file: string;
  /** The sheet of an .xlsx workbook; `line` is then the row number Excel shows, `column` the column letter and its header. */
  sheet?: string;
  line: number;
  column: string | null;
  reason: string;
}

/**
 * A file with more rejections than the report lists (collectRejections.ts): how many are
 * left out of `rejections`, and every rejection of the file counted per reason. The
 * quarantine table keeps them all (`etl -- quarantine`, GET /api/imports/<batch>/quarantine).
 */
export interface RejectionsOmitted {
  file: string;
  count: number;
  by_reason: Record<string, number>;
}

export interface ImportReport {
  batch_id: number;
  files: FileReport[];
  rejections: Rejection[];
  /** Sheets of .xlsx workbooks not imported (hidden, empty, or no kind recognised), with why; only when the batch had a workbook. */
  skipped_sheets?: Array<{ file: string; sheet: string; reason: string }>;
  /** Only when a file had more rejections than the report lists. */
  rejections_omitted?: RejectionsOmitted[];
}

/** A problem with a whole file or the database: nothing of the batch is loaded. */
export class ImportError extends UserFacingError {
  constructor(
    message: string,
    readonly file?: string,
  ) {
    super(file ? `${file}: ${message}` : message);
    this.name = 'ImportError';
  }
}
