/**
 * A cheap fingerprint of the contract tables the figures read: the row counts (DuckDB keeps
 * them, no scan) and the latest import batch. Every import batch changes it; so does any
 * other insert or delete. A writer that updates rows in place outside the importer must
 * call refreshFigureFacts itself.
 */

/** A SQL expression (VARCHAR) for the current fingerprint. */
export const dataFingerprintSql = `concat_ws(',',
  (SELECT count(*) FROM schools),
  (SELECT count(*) FROM meetings),
  (SELECT count(*) FROM cases),
  (SELECT count(*) FROM discussions),
  (SELECT count(*) FROM measures),
  (SELECT count(*) FROM yearwheel),
  (SELECT count(*) FROM import_batches),
  (SELECT coalesce(max(batch_id), 0) FROM import_batches))`;
