/**
 * Upserts a validated file into its table by key, counting inserted, updated and unchanged
 * rows. Columns the file does not have keep their stored values, so a narrower export never
 * blanks out data it did not carry.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { HeaderMapping } from '../read/detectKind.ts';
import { sqlIdentifier as id } from './sqlExpressions.ts';

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** `source` is a subquery of the accepted rows; `staged` names a temp table this may create. */
export async function upsertFile(conn: DuckDBConnection, mapping: HeaderMapping, source: string, staged: string): Promise<UpsertCounts> {
  const spec = mapping.spec;
  const table = id(spec.kind);
  const columns = spec.columns.map((c) => id(c.name)).join(', ');
  if (await isEmpty(conn, table)) {
    // First load of a table: nothing to compare with, so insert straight from the source.
    const inserted = await conn.run(`INSERT INTO ${table} (${columns}) SELECT ${columns} FROM ${source}`);
    return { inserted: Number(inserted.rowsChanged), updated: 0, unchanged: 0 };
  }
  const keyMatch = (a: string, b: string) => spec.key.map((k) => `${a}.${id(k)} = ${b}.${id(k)}`).join(' AND ');
  const isNew = `e.${id(spec.key[0]!)} IS NULL`;
  const merged = spec.columns.map((c) =>
    mapping.positions.has(c.name) ? `s.${id(c.name)}` : `CASE WHEN ${isNew} THEN s.${id(c.name)} ELSE e.${id(c.name)} END AS ${id(c.name)}`,
  );
  const same = spec.columns
    .filter((c) => mapping.positions.has(c.name))
    .map((c) => `s.${id(c.name)} IS NOT DISTINCT FROM e.${id(c.name)}`)
    .join(' AND ');
  await conn.run(`CREATE TEMP TABLE ${staged} AS
    SELECT ${merged.join(', ')}, ${isNew} AS _new, (NOT ${isNew} AND NOT (${same || 'true'})) AS _changed
    FROM ${source} s LEFT JOIN ${table} e ON ${keyMatch('s', 'e')}`);
  const counts = await conn.runAndReadAll(
    // count(*) FILTER, not count_if: count_if over no rows (every row rejected) is NULL, not 0.
    `SELECT count(*) FILTER (_new)::INTEGER, count(*) FILTER (_changed)::INTEGER, count(*) FILTER (NOT _new AND NOT _changed)::INTEGER FROM ${staged}`,
  );
  const [inserted, updated, unchanged] = counts.getRows()[0] as [number, number, number];
  if (updated > 0) await conn.run(`DELETE FROM ${table} t USING ${staged} u WHERE u._changed AND ${keyMatch('t', 'u')}`);
  if (inserted + updated > 0) {
    await conn.run(`INSERT INTO ${table} (${columns}) SELECT ${columns} FROM ${staged} WHERE _new OR _changed`);
  }
  return { inserted, updated, unchanged };
}

async function isEmpty(conn: DuckDBConnection, table: string): Promise<boolean> {
  const result = await conn.runAndReadAll(`SELECT NOT EXISTS (SELECT 1 FROM ${table})`);
  return result.getRows()[0]![0] === true;
}
