/**
 * Builds the SELECT that turns a raw all-text table into typed contract columns, one error
 * column per present column, and the position of any field holding a national identity number.
 */
import type { HeaderMapping } from '../read/detectKind.ts';
import { sqlType } from '../db/sqlType.ts';
import { pseudonymSql } from './pseudonymKey.ts';
import { columnSql, sqlIdentifier, sqlString } from './sqlExpressions.ts';

export function errorColumn(name: string): string {
  return sqlIdentifier(`_e_${name}`);
}

export function typedSelectSql(mapping: HeaderMapping, rawTable: string): string {
  const width = mapping.headerNames.length;
  const raw = (i: number) => `c${i}`;
  const trimmed = (i: number) => `v${i}`;
  // Rowids of a transaction's own rows start at a large offset: make them 0-based.
  const select: string[] = [`rowid - (SELECT min(rowid) FROM ${rawTable}) AS _row`];
  for (const col of mapping.spec.columns) {
    const pos = mapping.positions.get(col.name);
    if (pos === undefined) {
      const fallback = col.type.t === 'vocab' && col.type.default ? sqlString(col.type.default) : 'NULL';
      select.push(`CAST(${fallback} AS ${sqlType(col.type)}) AS ${sqlIdentifier(col.name)}`);
      continue;
    }
    const sql = columnSql(col, trimmed(pos), pseudonymSql);
    select.push(`CAST(${sql.value} AS ${sqlType(col.type)}) AS ${sqlIdentifier(col.name)}`);
    select.push(`${sql.error} AS ${errorColumn(col.name)}`);
  }
  const fnrArms = Array.from({ length: width }, (_, i) => `WHEN rt_is_fnr(${raw(i)}) THEN ${i}`).join(' ');
  select.push(`CASE ${fnrArms} END AS _fnr_pos`);
  const trims = Array.from({ length: width }, (_, i) => `nullif(trim(${raw(i)}), '') AS ${trimmed(i)}`);
  const allEmpty = Array.from({ length: width }, (_, i) => `${trimmed(i)} IS NULL`).join(' AND ');
  // Rows with every field empty (Excel's trailing ";;;;" lines) are not data: skip them.
  return `SELECT ${select.join(',\n  ')}
    FROM (SELECT rowid, ${Array.from({ length: width }, (_, i) => raw(i)).join(', ')}, ${trims.join(', ')} FROM ${rawTable})
    WHERE NOT (${allEmpty})`;
}
