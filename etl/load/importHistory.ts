/**
 * The import history and the quarantine as read back: who imported what and when with the
 * counts, and a batch's quarantined rows (where and why, never a value). A scope limits both
 * to what a municipality user may see: the batches they imported themselves, and the rows of
 * any batch that name a school of their municipality.
 */
import type { DuckDBConnection } from '@duckdb/node-api';

export interface ImportScope {
  /** Null: everything (an administrator). */
  readonly municipality: string | null;
  readonly username: string;
}

export interface BatchSummary {
  /** Null for a refused batch: nothing of it was loaded. */
  batch_id: number | null;
  imported_at: string;
  username: string | null;
  via: string | null;
  file_names: string[];
  files: number;
  rows_read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Quarantined rows of earlier batches this batch fixed (a valid row with the same key). */
  resolved_earlier: number;
  /** This batch's quarantined rows a later batch fixed. */
  fixed_later: number;
  /** This batch's rows still in quarantine (visible to the asker). */
  still_quarantined: number;
  /**
   * `loaded` (nothing rejected), `loaded_with_rejections`, `fixed` (every rejected row fixed
   * since), or `refused` (nothing loaded; `reason` says why).
   */
  outcome: 'loaded' | 'loaded_with_rejections' | 'fixed' | 'refused';
  /** Why the batch was refused; null for a batch that loaded. */
  reason: string | null;
}

export interface QuarantinedRow {
  file: string;
  kind: string | null;
  line: number;
  column: string | null;
  reason: string;
  /** The later batch that loaded a valid row with the same key; null while still quarantined. */
  resolved_batch: number | null;
}

/** The rows of the quarantine the scope may see, as a SQL condition on alias q (parameters $municipality, $username). */
const visibleRow = `($municipality IS NULL
  OR q.batch_id IN (SELECT batch_id FROM import_batches WHERE username = $username AND via = 'http')
  OR q.school_id IN (SELECT school_id FROM schools WHERE municipality = $municipality))`;

const ownBatch = `($municipality IS NULL OR (b.username = $username AND b.via = 'http'))`;

export async function listBatches(conn: DuckDBConnection, scope: ImportScope, limit = 100): Promise<BatchSummary[]> {
  const result = await conn.runAndReadAll(
    `WITH q AS (SELECT q.batch_id, count(*) FILTER (q.resolved_batch IS NULL) AS open, count(*) FILTER (q.resolved_batch IS NOT NULL) AS fixed
                FROM quarantine q WHERE ${visibleRow} GROUP BY q.batch_id)
     SELECT b.batch_id, strftime(b.imported_at, '%Y-%m-%dT%H:%M:%S') AS imported_at, b.username, b.via, coalesce(b.file_names, []) AS file_names,
            b.files, b.rows_read::INTEGER AS rows_read, b.inserted::INTEGER AS inserted, b.updated::INTEGER AS updated,
            b.unchanged::INTEGER AS unchanged, b.rejected::INTEGER AS rejected, coalesce(b.resolved, 0)::INTEGER AS resolved_earlier,
            coalesce(q.fixed, 0)::INTEGER AS fixed_later, coalesce(q.open, 0)::INTEGER AS still_quarantined
            , NULL::VARCHAR AS reason, b.imported_at AS sort_at
     FROM import_batches b LEFT JOIN q USING (batch_id)
     WHERE ${ownBatch} OR q.batch_id IS NOT NULL
     UNION ALL
     SELECT NULL, strftime(b.refused_at, '%Y-%m-%dT%H:%M:%S'), b.username, b.via, b.file_names, len(b.file_names)::INTEGER,
            0, 0, 0, 0, 0, 0, 0, 0, b.reason, b.refused_at
     FROM import_refusals b WHERE ${ownBatch}
     ORDER BY sort_at DESC, batch_id DESC NULLS FIRST LIMIT $limit`,
    { municipality: scope.municipality, username: scope.username, limit },
  );
  return (result.getRowObjectsJson() as unknown as Array<Omit<BatchSummary, 'outcome'> & { sort_at?: unknown }>).map(({ sort_at: _at, ...b }) => ({
    ...b,
    outcome:
      b.reason !== null ? 'refused' : b.rejected === 0 ? 'loaded' : b.still_quarantined === 0 && b.fixed_later > 0 ? 'fixed' : 'loaded_with_rejections',
  }));
}

/** A batch's quarantined rows, in file and line order; fixed rows only when asked for. */
export async function quarantinedRows(conn: DuckDBConnection, scope: ImportScope, batchId: number, withFixed: boolean): Promise<QuarantinedRow[]> {
  const result = await conn.runAndReadAll(
    `SELECT regexp_extract(q.file, '[^/\\\\]*$') AS file, q.kind, q.line::INTEGER AS line, q."column", q.reason, q.resolved_batch
     FROM quarantine q
     WHERE q.batch_id = $batch AND ($fixed OR q.resolved_batch IS NULL) AND ${visibleRow}
     ORDER BY q.file, q.line, q."column"`,
    { batch: batchId, fixed: withFixed, municipality: scope.municipality, username: scope.username },
  );
  return result.getRowObjectsJson() as unknown as QuarantinedRow[];
}
