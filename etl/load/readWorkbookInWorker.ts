/**
 * Reads an .xlsx workbook in a worker thread of its own (workbookWorker.mjs), so that a
 * hostile file costs that thread, never the server: its heap is capped (resourceLimits) and
 * it is stopped after a time limit; either, or a crash of the thread, refuses the file with
 * a reason in bokmål. The size, row, entry and decompression limits apply inside the worker
 * as before. The server's event loop stays free while the worker inflates and parses.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { KindName } from '../contract/types.ts';
import { projectRoot } from '../db/defaultPaths.ts';
import type { XlsxLimits } from '../read/xlsx/xlsxLimits.ts';
import type { WorkbookJob } from './workbookWorkerMain.ts';
import type { WorkbookOutcome } from './writeWorkbookSheets.ts';

/** Found from the project root, not from this module's URL: a bundle of the server or the CLI sits elsewhere. */
const workerEntry = join(projectRoot, 'etl', 'load', 'workbookWorker.mjs');

const megabytes = (mb: number) => mb.toLocaleString('nb-NO').replace(/\s/g, ' ');

export function outOfMemoryReason(limits: XlsxLimits): string {
  return `arbeidsboken trenger mer enn ${megabytes(limits.workerMemoryMb)} MB minne for å leses og ble stoppet; del den opp eller lagre arkene som CSV`;
}

export function timeLimitReason(limits: XlsxLimits): string {
  return `lesingen av arbeidsboken tok mer enn ${limits.workerSeconds} sekunder og ble stoppet; del den opp eller lagre arkene som CSV`;
}

const crashReason = 'filen kan ikke leses (lesingen av arbeidsboken stoppet uventet); lagre den på nytt fra Excel';

export function readWorkbookInWorker(file: string, tempDir: string, index: number, kind: KindName | undefined, limits: XlsxLimits): Promise<WorkbookOutcome> {
  const job: WorkbookJob = { file, tempDir, index, kind, limits };
  return new Promise((resolve) => {
    let settled = false;
    const worker = new Worker(workerEntry, {
      workerData: job,
      // Not the parent's flags (tsx's loader under `npm start`): the worker loads its own bundle.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: limits.workerMemoryMb },
      stdout: false,
      stderr: false,
    });
    const settle = (outcome: WorkbookOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
      // Only the answer is wanted: the worker is stopped even if it answered and keeps running.
      void worker.terminate();
    };
    const timer = setTimeout(() => settle({ ok: false, reason: timeLimitReason(limits) }), limits.workerSeconds * 1000);
    worker.once('message', (outcome: WorkbookOutcome) => settle(outcome));
    worker.once('error', (error: Error & { code?: string }) =>
      settle({ ok: false, reason: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? outOfMemoryReason(limits) : crashReason }),
    );
    worker.once('exit', () => settle({ ok: false, reason: crashReason }));
  });
}
