/**
 * The contract's value rules as DuckDB expressions, so a whole file is validated set-wise
 * in one pass instead of row by row in JavaScript. Only contract constants are inlined as
 * literals; user data is never spliced into SQL text.
 */
import type { ColumnSpec, Vocabulary } from '../contract/types.ts';

export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export function sqlIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The normalisation rule of the contract (twin of etl/read/normaliseName.ts). */
export function normaliseSql(expr: string): string {
  return `regexp_replace(replace(replace(replace(lower(trim(${expr})), 'æ', 'ae'), 'ø', 'o'), 'å', 'a'), '[\\s/-]+', '_', 'g')`;
}

/** Up to 40 characters of the offending value, quoted, for a message. */
function shown(v: string): string {
  return `'''' || left(${v}, 40) || ''''`;
}

function vocabularyCase(expr: string, vocab: Vocabulary): string {
  const arms = [
    ...vocab.codes.map((c) => `WHEN ${sqlString(c)} THEN ${sqlString(c)}`),
    ...Object.entries(vocab.aliases).map(([a, c]) => `WHEN ${sqlString(a)} THEN ${sqlString(c)}`),
  ];
  return `CASE ${expr} ${arms.join(' ')} END`;
}

const datePattern = {
  iso: `'[0-9]{4}-[0-9]{2}-[0-9]{2}'`,
  norwegian: `'[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{4}'`,
};

function dateValue(v: string): string {
  const part = (n: number) => `regexp_extract(${v}, '^([0-9]{1,2})\\.([0-9]{1,2})\\.([0-9]{4})$', ${n})`;
  return `CASE
    WHEN regexp_full_match(${v}, ${datePattern.iso}) THEN try_cast(${v} AS DATE)
    WHEN regexp_full_match(${v}, ${datePattern.norwegian}) THEN try_cast(${part(3)} || '-' || lpad(${part(2)}, 2, '0') || '-' || lpad(${part(1)}, 2, '0') AS DATE)
  END`;
}

export interface ColumnSql {
  /** The typed value (NULL when empty or invalid). */
  readonly value: string;
  /** A reason in Norwegian when the value breaks the contract, else NULL. */
  readonly error: string;
}

/**
 * SQL for one contract column, given `v`: the trimmed raw text with '' as NULL.
 * `pseudonym` is the expression that turns a valid student_ref into its keyed pseudonym.
 */
export function columnSql(col: ColumnSpec, v: string, pseudonym: (v: string) => string): ColumnSql {
  const required = col.required ? `WHEN ${v} IS NULL THEN 'mangler verdi (påkrevd kolonne)'` : '';
  const type = col.type;
  const idError = `WHEN length(${v}) > 64 THEN 'er lengre enn 64 tegn' WHEN regexp_matches(${v}, '[\\x00-\\x1F\\x7F]') THEN 'inneholder tegn som ikke kan skrives ut'`;
  switch (type.t) {
    case 'id':
      return { value: v, error: `CASE ${required} ${idError} END` };
    case 'text':
      return { value: v, error: `CASE ${required} WHEN length(${v}) > 200 THEN 'er lengre enn 200 tegn' END` };
    case 'code':
      return { value: normaliseSql(v), error: `CASE ${required} WHEN length(${v}) > 64 THEN 'er lengre enn 64 tegn' END` };
    case 'pseudonym':
      // The raw value is never shown: the messages name the problem only.
      return { value: `CASE WHEN ${v} IS NOT NULL THEN ${pseudonym(v)} END`, error: `CASE ${required} ${idError} END` };
    case 'date':
      return {
        value: dateValue(v),
        error: `CASE ${required} WHEN ${v} IS NOT NULL AND (${dateValue(v)}) IS NULL THEN ${shown(v)} || ' er ikke en gyldig dato (bruk ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ)' END`,
      };
    case 'boolean': {
      const n = normaliseSql(v);
      const value = `CASE WHEN ${n} IN ('true', 'yes', 'ja', '1', 'x') THEN true WHEN ${n} IN ('false', 'no', 'nei', '0') THEN false END`;
      return {
        value,
        error: `CASE ${required} WHEN ${v} IS NOT NULL AND (${value}) IS NULL THEN ${shown(v)} || ' er ikke ja/nei (bruk ja/nei, true/false, 1/0 eller x)' END`,
      };
    }
    case 'integer': {
      const value = `CASE WHEN regexp_full_match(${v}, '[0-9]{1,9}') THEN CAST(${v} AS INTEGER) END`;
      const range =
        type.min !== undefined && type.max !== undefined
          ? `WHEN (${value}) NOT BETWEEN ${type.min} AND ${type.max} THEN ${shown(v)} || ' må være et heltall fra ${type.min} til ${type.max}'`
          : '';
      return {
        value: `CASE WHEN (${value}) BETWEEN ${type.min ?? 0} AND ${type.max ?? 999999999} THEN ${value} END`,
        error: `CASE ${required} WHEN ${v} IS NOT NULL AND (${value}) IS NULL THEN ${shown(v)} || ' er ikke et ikke-negativt heltall' ${range} END`,
      };
    }
    case 'vocab': {
      const value = vocabularyCase(normaliseSql(v), type.vocab);
      const valid = [...type.vocab.codes].join(', ');
      return {
        value: type.default ? `CASE WHEN ${v} IS NULL THEN ${sqlString(type.default)} ELSE ${value} END` : value,
        error: `CASE ${required} WHEN ${v} IS NOT NULL AND (${value}) IS NULL THEN ${shown(v)} || ${sqlString(` er ikke en gyldig verdi for ${type.vocab.name} (gyldige verdier: ${valid})`)} END`,
      };
    }
    case 'list': {
      const items = `list_filter(list_transform(string_split_regex(${v}, '[|;,]'), x -> ${normaliseSql('x')}), x -> x <> '')`;
      const value = `list_transform(${items}, x -> ${vocabularyCase('x', type.vocab)})`;
      const unknown = `list_filter(${items}, x -> (${vocabularyCase('x', type.vocab)}) IS NULL)`;
      return {
        value: `CASE WHEN ${v} IS NOT NULL THEN ${value} END`,
        error: `CASE ${required} WHEN ${v} IS NOT NULL AND len(${unknown}) > 0 THEN ${sqlString(`ukjent ${type.vocab.name}: `)} || left(array_to_string(${unknown}, ', '), 80) END`,
      };
    }
  }
}
