/**
 * Builds the SELECT that turns a raw all-text table into typed contract columns, one error
 * column per present column, the position of any field holding a national identity number
 * (`_fnr_pos` Norwegian, `_pnr_pos` Swedish),
 * and `_clean` (no error at all). Three levels so each expression is computed once:
 * trimmed text → typed values (+ row-level gates) → errors. This is the import's hot path:
 * every expression here runs on every field of every row.
 */
import type { HeaderMapping } from '../read/detectKind.ts';
import { sqlType } from '../db/sqlType.ts';
import { pseudonymSql } from './pseudonymKey.ts';
import { columnSql, controlCharacters, sqlIdentifier, sqlString } from './sqlExpressions.ts';

export function errorColumn(name: string): string {
  return sqlIdentifier(`_e_${name}`);
}

/** DuckDB's trim() strips spaces only; testing the ends first avoids copying every string. */
function trimmed(raw: string): string {
  return `CASE WHEN starts_with(${raw}, ' ') OR ends_with(${raw}, ' ') THEN nullif(trim(${raw}), '') ELSE nullif(${raw}, '') END`;
}

/** Separates the extra fields in the one string searched first (a cheap filter; the field itself is checked after): not a digit, not a separator fnrSql allows. */
const fieldSeparator = 'chr(31)';

/**
 * The index of the first field holding an identity number, or NULL. The macro appears twice
 * in the plan, however many fields there are: once over all the fields joined into one string
 * (a cheap filter, one regular expression a row instead of one a field; `fieldSeparator` keeps a
 * number from spanning two fields) and once in a lambda that names the field, only for the rare
 * row that holds one. Written out per field, the macros made a plan of thousands of expressions
 * that took DuckDB about a second to plan for every file, however few its rows.
 */
function firstIdField(fields: readonly string[], indexes: readonly number[], macro: 'rt_has_fnr' | 'rt_has_personnummer'): string {
  if (fields.length === 0) return 'NULL';
  const first = `list_position(list_transform([${fields.join(', ')}], x -> coalesce(${macro}(x), false)), true)`;
  return `CASE WHEN ${macro}(concat_ws(${fieldSeparator}, ${fields.join(', ')})) THEN [${indexes.join(', ')}][${first}] END`;
}

/**
 * Types whose typed value, when there is one, proves its field holds no identity number: a
 * date (at most 8 digits, in runs of 4 or fewer), an integer (at most 9 digits), a
 * vocabulary word (its digits are the word's own, at most 2) or a yes/no. Such a field is
 * searched only when it did not parse, and the search is the import's costliest expression
 * after the typing itself (about 1 of 3.5 s for the national cases and measures).
 */
const cannotHoldIdNumber = new Set<string>(['date', 'integer', 'vocab', 'boolean']);

/**
 * Extra columns (not in the contract) are never typed or trimmed: only searched for national
 * identity numbers, all of a row's extra fields at once.
 */
function extraIdSql(extra: readonly number[], macro: 'rt_has_fnr' | 'rt_has_personnummer'): string {
  return firstIdField(
    extra.map((i) => `c${i}`),
    extra,
    macro,
  );
}

/**
 * A pseudonym column's keyed pseudonyms, one per distinct value, joined in by value: the same
 * student has many rows (1.1 M student_refs of 90,000 students at national scale), and two
 * SHA-256 a value were the costliest expression of the cases file (about 2 of 7 CPU seconds).
 */
function pseudonymJoin(pos: number, rawTable: string): { join: string; column: string } {
  const column = `_p${pos}`;
  const distinct = `SELECT DISTINCT ${trimmed(`c${pos}`)} AS v FROM ${rawTable}`;
  return {
    join: `LEFT JOIN (SELECT v, ${pseudonymSql('v')} AS ${column} FROM (${distinct}) WHERE v IS NOT NULL) ${column} ON ${column}.v = l.v${pos}`,
    column: `${column}.${column}`,
  };
}

export function typedSelectSql(mapping: HeaderMapping, rawTable: string): string {
  const width = mapping.headerNames.length;
  const mapped = new Set(mapping.positions.values());
  const positions = Array.from({ length: width }, (_, i) => i).filter((i) => mapped.has(i));
  const extra = Array.from({ length: width }, (_, i) => i).filter((i) => !mapped.has(i));
  const v = (i: number) => `v${i}`;
  const values: string[] = [];
  const errors: string[] = [];
  const idPositions: number[] = [];
  const pseudonymJoins: string[] = [];
  // What each field contributes to the identity-number search (see cannotHoldIdNumber).
  const searched = new Map<number, string>();
  for (const col of mapping.spec.columns) {
    const pos = mapping.positions.get(col.name);
    const name = sqlIdentifier(col.name);
    if (pos === undefined) {
      const fallback = col.type.t === 'vocab' && col.type.default ? sqlString(col.type.default) : 'NULL';
      values.push(`CAST(${fallback} AS ${sqlType(col.type)}) AS ${name}`);
      continue;
    }
    if (col.type.t === 'id' || col.type.t === 'pseudonym') idPositions.push(pos);
    let pseudonym = pseudonymSql;
    if (col.type.t === 'pseudonym') {
      const joined = pseudonymJoin(pos, rawTable);
      pseudonymJoins.push(joined.join);
      pseudonym = () => joined.column;
    }
    const sql = columnSql(col, v(pos), name, pseudonym, '_control');
    values.push(`CAST(${sql.value} AS ${sqlType(col.type)}) AS ${name}`);
    searched.set(pos, cannotHoldIdNumber.has(col.type.t) ? `CASE WHEN ${name} IS NULL THEN ${v(pos)} END` : v(pos));
    errors.push(`${sql.error} AS ${errorColumn(col.name)}`);
  }
  const errorNames = mapping.spec.columns.filter((c) => mapping.positions.has(c.name)).map((c) => errorColumn(c.name));
  const fields = positions.map((i) => searched.get(i) ?? v(i));
  const fnr = `coalesce(${firstIdField(fields, positions, 'rt_has_fnr')}, _extra_fnr_pos) AS _fnr_pos`;
  // Swedish personal identity numbers (personnummerSql.ts): a reason of their own.
  const pnr = `coalesce(${firstIdField(fields, positions, 'rt_has_personnummer')}, _extra_pnr_pos) AS _pnr_pos`;
  // One regex per row (over the ids joined) instead of one per id field.
  const control = idPositions.length
    ? `regexp_matches(concat(${idPositions.map(v).join(', ')}), ${controlCharacters}) AS _control`
    : 'false AS _control';
  const trims = positions.map((i) => `${trimmed(`c${i}`)} AS ${v(i)}`).join(', ');
  // Rows with every field empty (Excel's trailing ";;;;" lines) are not data: skip them.
  const anyField = `coalesce(${Array.from({ length: width }, (_, i) => `c${i}`).join(', ')}) IS NOT NULL`;
  // Rowids of a transaction's own rows start at a large offset: make them 0-based.
  const extraIds = `${extraIdSql(extra, 'rt_has_fnr')} AS _extra_fnr_pos, ${extraIdSql(extra, 'rt_has_personnummer')} AS _extra_pnr_pos`;
  const level1 = `SELECT rowid - (SELECT min(rowid) FROM ${rawTable}) AS _row, ${trims}${trims ? ', ' : ''}${extraIds} FROM ${rawTable} WHERE ${anyField}`;
  const level2 = `SELECT _row, ${positions.map((i) => `l.${v(i)}`).join(', ')}${positions.length ? ', ' : ''}${values.join(', ')}, _extra_fnr_pos, _extra_pnr_pos, ${control} FROM (${level1}) l ${pseudonymJoins.join(' ')}`;
  // The search runs beside the errors, where each field's typed value is known.
  const level3 = `SELECT *, ${errors.length ? errors.join(', ') + ', ' : ''}${fnr}, ${pnr}, NULL AS _no_error FROM (${level2})`;
  const clean = `_fnr_pos IS NULL AND _pnr_pos IS NULL AND coalesce(${[...errorNames, '_no_error'].join(', ')}) IS NULL`;
  return `SELECT * EXCLUDE (${[...positions.map(v), '_extra_fnr_pos', '_extra_pnr_pos', '_no_error', '_control'].join(', ')}), ${clean} AS _clean FROM (${level3})`;
}
