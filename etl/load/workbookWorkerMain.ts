/**
 * The worker thread's body (started through workbookWorker.mjs by readWorkbookInWorker.ts):
 * reads the one workbook it is given and answers once. Whatever the file does to this
 * thread — a parser's stack, a heap past its limit, minutes of work — stays in it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { KindName } from '../contract/types.ts';
import type { XlsxLimits } from '../read/xlsx/xlsxLimits.ts';
import { writeWorkbookSheets } from './writeWorkbookSheets.ts';

export interface WorkbookJob {
  readonly file: string;
  readonly tempDir: string;
  readonly index: number;
  readonly kind: KindName | undefined;
  readonly limits: XlsxLimits;
}

const job = workerData as WorkbookJob;
parentPort?.postMessage(await writeWorkbookSheets(job.file, job.tempDir, job.index, job.kind, job.limits));
