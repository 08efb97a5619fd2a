/**
 * Validates one typed file set-wise and records every broken rule in rt_rejections:
 * `validateRows` what the file alone decides (national identity numbers, column types, row
 * rules, duplicate keys), `validateReferences` its foreign keys against the database plus
 * the batch. The rows that pass are those of the typed table that are `_clean` and not
 * rejected: see `acceptedRowsSql`. A reason names the column and the rule, never a value of
 * the row (not even an id: a name or a birth date may have been typed into it).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { HeaderMapping } from '../read/detectKind.ts';
import { kindSpec } from '../contract/index.ts';
import { errorColumn } from './typedSelectSql.ts';
import { sqlIdentifier as id, sqlString } from './sqlExpressions.ts';

export const rejectionsTableDdl = `CREATE TEMP TABLE IF NOT EXISTS rt_rejections (
  file_index INTEGER, row_id BIGINT, record_line BIGINT, pos INTEGER, col VARCHAR, reason VARCHAR)`;

const fnrReason =
  'inneholder et fødselsnummer (11 siffer med gyldige kontrollsifre); raden er ikke lest inn. Fjern personnummeret fra eksporten';

const personnummerReason =
  'inneholder et svensk personnummer eller samordningsnummer (gyldig kontrollsiffer); raden er ikke lest inn. Fjern personnummeret fra eksporten';

/** The typed rows that broke nothing. */
export function acceptedRowsSql(typed: string, fileIndex: number): string {
  return `(SELECT t.* FROM ${typed} t
    ANTI JOIN (SELECT row_id FROM rt_rejections WHERE file_index = ${fileIndex}) r ON r.row_id = t._row
    WHERE t._clean)`;
}

/** Everything the file alone decides; needs no other file of the batch. */
export async function validateRows(conn: DuckDBConnection, fileIndex: number, mapping: HeaderMapping, typed: string): Promise<void> {
  const spec = mapping.spec;
  const present = spec.columns.filter((c) => mapping.positions.has(c.name));
  const pos = (column: string) => mapping.positions.get(column) ?? 'NULL';
  const reject = (select: string) => conn.run(`INSERT INTO rt_rejections ${select}`);

  await reject(`SELECT ${fileIndex}, _row, NULL, _fnr_pos, NULL, ${sqlString(fnrReason)} FROM ${typed} WHERE _fnr_pos IS NOT NULL`);
  await reject(`SELECT ${fileIndex}, _row, NULL, _pnr_pos, NULL, ${sqlString(personnummerReason)} FROM ${typed} WHERE _pnr_pos IS NOT NULL AND _fnr_pos IS NULL`);
  if (present.length > 0) {
    // Only the few rows with errors are unpivoted into one rejection per broken column.
    const perColumn = present.map(
      (c) => `SELECT ${fileIndex}, _row, NULL, ${pos(c.name)}, ${sqlString(c.name)}, ${errorColumn(c.name)} FROM bad WHERE ${errorColumn(c.name)} IS NOT NULL`,
    );
    await reject(`WITH bad AS (SELECT * FROM ${typed} WHERE NOT _clean AND _fnr_pos IS NULL AND _pnr_pos IS NULL) ${perColumn.join(' UNION ALL ')}`);
  }
  if (spec.rules.length > 0) {
    const perRule = spec.rules.map(
      (rule) => `SELECT ${fileIndex}, _row, NULL, ${pos(rule.column)}, ${sqlString(rule.column)}, ${sqlString(rule.reason)} FROM ${typed} WHERE _clean AND (${rule.broken})`,
    );
    await reject(perRule.join(' UNION ALL '));
  }
  await rejectDuplicateKeys(conn, fileIndex, mapping, typed);
}

/** Foreign keys: run after the batch's parent files are upserted, inside the batch's transaction. */
export async function validateReferences(conn: DuckDBConnection, fileIndex: number, mapping: HeaderMapping, typed: string): Promise<void> {
  await rejectMissingReferences(conn, fileIndex, mapping, typed);
}

async function rejectDuplicateKeys(conn: DuckDBConnection, fileIndex: number, mapping: HeaderMapping, typed: string) {
  const key = mapping.spec.key.map(id).join(', ');
  const first = mapping.spec.key[0]!;
  const reason = `samme nøkkel (${mapping.spec.key.join(' + ')}) står tidligere i filen; bare den første raden er lest inn`;
  // A hash aggregate finds the (rare) repeated keys far cheaper than a window over all rows,
  // and grouping by one hash of the key first is cheaper again than grouping by the text
  // (discussions: 1.0 instead of 3.3 CPU seconds at national scale). Rows with the same key
  // have the same hash, so the exact check below, on the rows whose hash repeats, sees them all.
  await conn.run(`INSERT INTO rt_rejections
    WITH suspect AS (SELECT hash(${key}) AS h FROM ${typed} WHERE _clean GROUP BY h HAVING count(*) > 1),
         rows AS (SELECT _row, ${key} FROM ${typed} WHERE _clean AND hash(${key}) IN (SELECT h FROM suspect)),
         repeated AS (SELECT ${key}, min(_row) AS first_row FROM rows GROUP BY ${key} HAVING count(*) > 1)
    SELECT ${fileIndex}, rows._row, NULL, ${mapping.positions.get(first) ?? 'NULL'}, ${sqlString(first)}, ${sqlString(reason)}
    FROM rows JOIN repeated USING (${key}) WHERE rows._row > repeated.first_row`);
}

/**
 * Every foreign key in one pass of left joins. Parents of this batch are already upserted
 * (kinds load in dependency order, in one transaction), so the parent tables hold
 * "the database plus the batch".
 */
async function rejectMissingReferences(conn: DuckDBConnection, fileIndex: number, mapping: HeaderMapping, typed: string) {
  const fks = mapping.spec.foreignKeys;
  if (fks.length === 0) return;
  const joins = fks.map((fk, i) => {
    const parentKey = kindSpec(fk.references).key[0]!;
    const withSchool = mapping.spec.kind === 'discussions';
    return {
      sql: `LEFT JOIN (SELECT ${id(parentKey)} AS k${withSchool ? ', school_id' : ''} FROM ${id(fk.references)}) p${i} ON p${i}.k = t.${id(fk.column)}`,
      select: `p${i}.k AS found_${i}${withSchool ? `, p${i}.school_id AS school_${i}` : ''}`,
    };
  });
  const missing = fks.map(
    (fk, i) =>
      `SELECT ${fileIndex}, _row, NULL, ${mapping.positions.get(fk.column) ?? 'NULL'}, ${sqlString(fk.column)},
         ${sqlString(`${fk.column} finnes ikke i ${fk.references} (verken i databasen eller i denne importen)`)}
       FROM checked WHERE found_${i} IS NULL`,
  );
  if (mapping.spec.kind === 'discussions') {
    // The case and the meeting must belong to the same school.
    missing.push(`SELECT ${fileIndex}, _row, NULL, ${mapping.positions.get('case_id') ?? 'NULL'}, 'case_id',
      'saken hører til en annen skole enn møtet (se school_id i sakene og i møteloggen)'
      FROM checked WHERE school_0 <> school_1`);
  }
  await conn.run(`INSERT INTO rt_rejections
    WITH checked AS MATERIALIZED (
      SELECT t._row, ${fks.map((fk) => `t.${id(fk.column)}`).join(', ')}, ${joins.map((j) => j.select).join(', ')}
      FROM ${acceptedRowsSql(typed, fileIndex)} t ${joins.map((j) => j.sql).join(' ')})
    ${missing.join(' UNION ALL ')}`);
}
