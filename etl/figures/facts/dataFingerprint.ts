/**
 * A cheap fingerprint of the contract tables the figures read: the row counts (DuckDB keeps
 * them, no scan) and the latest import batch. Every import batch changes it; so does any
 * other insert or delete. A writer that updates rows in place outside the importer must
 * call refreshFigureFacts itself.
 *
 * Written as one UNION ALL rather than a scalar subquery per table: every figure query checks
 * it first, and the subqueries cost DuckDB several times more to plan than the counts cost.
 */
const countedTables = ['schools', 'meetings', 'cases', 'discussions', 'measures', 'yearwheel', 'import_batches'];

const parts = [
  ...countedTables.map((table, i) => `SELECT ${i} AS i, count(*) AS n FROM ${table}`),
  `SELECT ${countedTables.length}, coalesce(max(batch_id), 0) FROM import_batches`,
];

/** A SQL expression (VARCHAR) for the current fingerprint. */
export const dataFingerprintSql = `(SELECT string_agg(n::VARCHAR, ',' ORDER BY i) FROM (${parts.join(' UNION ALL ')}))`;
