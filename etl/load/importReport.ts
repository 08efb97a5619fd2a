/** The import report of contract section 5 (`import --json`). */
import type { KindName } from '../contract/types.ts';
import { UserFacingError } from '../log/userFacingError.ts';

export interface FileReport {
  file: string;
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
  line: number;
  column: string | null;
  reason: string;
}

export interface ImportReport {
  batch_id: number;
  files: FileReport[];
  rejections: Rejection[];
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
