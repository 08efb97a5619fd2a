/**
 * The stage of the import running in a database, for the import page's progress (GET
 * /api/imports/stage): `reading` (files read, typed and checked one by one), `loading` (keys
 * checked and rows upserted in the transaction), `quarantine` (rejections written),
 * `figures` (the figure facts rebuilt), or `idle`. Kept per DuckDB instance, like the import lock.
 */
import type { DuckDBInstance } from '@duckdb/node-api';
import type { ImportStage } from '../../etl/load/importBatch.ts';

const stages = new WeakMap<DuckDBInstance, ImportStage>();

export function setImportStage(instance: DuckDBInstance, stage: ImportStage | 'idle'): void {
  if (stage === 'idle') stages.delete(instance);
  else stages.set(instance, stage);
}

export function importStage(instance: DuckDBInstance): ImportStage | 'idle' {
  return stages.get(instance) ?? 'idle';
}
