/**
 * POST /api/imports with the files of one drop as one batch: `filename` and `size` once per
 * file, the bytes one after the other. XMLHttpRequest rather than fetch: only it reports
 * the bytes sent, which the page turns into progress per file.
 */
import type { KindName } from '../../etl/contract/types.ts';
import { csrfToken } from './http.ts';

export interface ImportFileReport {
  readonly file: string;
  /** The sheet, for an .xlsx workbook (each imported sheet is a row of its own). */
  readonly sheet?: string;
  readonly kind: KindName;
  readonly read: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
  readonly ignored_columns: readonly string[];
}

export interface ImportRejection {
  readonly file: string;
  readonly sheet?: string;
  readonly line: number;
  readonly column: string | null;
  readonly reason: string;
}

export interface ImportAnswer {
  readonly batch_id: number;
  readonly files: readonly ImportFileReport[];
  readonly rejections: readonly ImportRejection[];
  /** Sheets of .xlsx workbooks not imported, with why. */
  readonly skipped_sheets?: ReadonlyArray<{ readonly file: string; readonly sheet: string; readonly reason: string }>;
  /** Files with more rejections than `rejections` lists (the first 10,000 of each): how many more. */
  readonly rejections_omitted?: ReadonlyArray<{ readonly file: string; readonly count: number }>;
}

export type ImportOutcome =
  | { readonly ok: true; readonly report: ImportAnswer }
  /** `reason`: the server's own (bokmål) reason for refusing the batch, when it gave one. */
  | { readonly ok: false; readonly status: number; readonly reason: string | null; readonly file: string | null };

export interface UploadFile {
  readonly name: string;
  readonly blob: Blob;
}

export function uploadBatch(files: readonly UploadFile[], onSent: (bytes: number) => void): Promise<ImportOutcome> {
  const query = files.map((f) => `filename=${encodeURIComponent(f.name)}&size=${f.blob.size}`).join('&');
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/imports?${query}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-CSRF-Token', csrfToken());
    xhr.upload.onprogress = (event) => onSent(event.loaded);
    xhr.upload.onload = () => onSent(files.reduce((n, f) => n + f.blob.size, 0));
    xhr.onerror = () => resolve({ ok: false, status: 0, reason: null, file: null });
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 200 && body) return resolve({ ok: true, report: body as ImportAnswer });
      const details = (body as { details?: { reason?: unknown; file?: unknown } } | null)?.details;
      resolve({
        ok: false,
        status: xhr.status,
        reason: typeof details?.reason === 'string' ? details.reason : null,
        file: typeof details?.file === 'string' ? details.file : null,
      });
    };
    xhr.send(new Blob(files.map((f) => f.blob)));
  });
}
