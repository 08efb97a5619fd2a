/**
 * One import at a time per database. Two batches in parallel would race for the same tables
 * and the loser would fail at COMMIT with DuckDB's write-write conflict, shown as
 * "databasefeil"; the second upload is told instead that an import is running (409 with
 * `Retry-After`), before its body is read. Kept per DuckDB instance, so every route that
 * imports into it shares the one lock.
 */
import type { DuckDBInstance } from '@duckdb/node-api';
import { HttpError } from '../http/HttpError.ts';

const running = new WeakSet<DuckDBInstance>();

/** Seconds a refused upload is told to wait. */
export const importRetryAfterSeconds = 10;

export const importRunningReason = 'en import pågår allerede; vent til den er ferdig og prøv igjen';

/** Takes the lock or throws 409; the returned release may be called more than once. */
export function acquireImportLock(instance: DuckDBInstance): () => void {
  if (running.has(instance)) {
    throw new HttpError(
      409,
      'import_running',
      { reason: importRunningReason, retry_after_seconds: importRetryAfterSeconds },
      { 'Retry-After': String(importRetryAfterSeconds) },
    );
  }
  running.add(instance);
  let held = true;
  return () => {
    if (held) running.delete(instance);
    held = false;
  };
}
