/**
 * The entry of the worker thread that reads an .xlsx workbook (readWorkbookInWorker.ts):
 * plain JavaScript, so that a worker starts the same way from the sources (vitest, tsx,
 * `npm start`) and from an esbuild bundle of the server or the command line, none of which
 * a worker inherits. It runs workbookWorkerMain.ts from its own bundle (etl/runBundled.mjs).
 */
import { runBundled } from '../runBundled.mjs';

await runBundled('etl/load/workbookWorkerMain.ts', 'dist/etl/workbookWorker.mjs');
