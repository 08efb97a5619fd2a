/**
 * GET /api/imports/:batch/quarantine?fixed=true: every quarantined row of one batch (file,
 * line, column, reason; never a value). The import report lists at most 10,000 rejections
 * of a file; the file of rejected rows is made complete from these.
 */
import { getJsonNow } from './http.ts';

export interface QuarantinedRowAnswer {
  readonly file: string;
  readonly line: number;
  readonly column: string | null;
  readonly reason: string;
}

/** Rows a later import fixed too: the file of rejected rows is the batch as it was imported. */
export async function getQuarantinedRows(batchId: number): Promise<QuarantinedRowAnswer[]> {
  return (await getJsonNow<{ rows: QuarantinedRowAnswer[] }>(`/api/imports/${batchId}/quarantine?fixed=true`)).rows;
}
