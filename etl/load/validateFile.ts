/**
 * Validates one staged file set-wise and records every broken rule in rt_rejections:
 * national identity numbers, column types, row rules, duplicate keys, foreign keys.
 * What survives is left in the temp table `ok` for the upsert.
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

export async function validateFile(
  conn: DuckDBConnection,
  fileIndex: number,
  mapping: HeaderMapping,
  typed: string,
  ok: string,
): Promise<void> {
  const spec = mapping.spec;
  const present = spec.columns.filter((c) => mapping.positions.has(c.name));
  const reject = (select: string) => conn.run(`INSERT INTO rt_rejections ${select}`);

  await reject(`SELECT ${fileIndex}, _row, NULL, _fnr_pos, NULL, ${sqlString(fnrReason)} FROM ${typed} WHERE _fnr_pos IS NOT NULL`);
  if (present.length > 0) {
    await reject(
      present
        .map(
          (c) =>
            `SELECT ${fileIndex}, _row, NULL, ${mapping.positions.get(c.name)}, ${sqlString(c.name)}, ${errorColumn(c.name)}
             FROM ${typed} WHERE _fnr_pos IS NULL AND ${errorColumn(c.name)} IS NOT NULL`,
        )
        .join(' UNION ALL '),
    );
  }
  const clean = present.length > 0 ? `coalesce(${present.map((c) => errorColumn(c.name)).join(', ')}) IS NULL` : 'true';
  for (const rule of spec.rules) {
    const pos = mapping.positions.get(rule.column) ?? 'NULL';
    await reject(
      `SELECT ${fileIndex}, _row, NULL, ${pos}, ${sqlString(rule.column)}, ${sqlString(rule.reason)}
       FROM ${typed} WHERE _fnr_pos IS NULL AND ${clean} AND (${rule.broken})`,
    );
  }
  const columns = spec.columns.map((c) => id(c.name)).join(', ');
  await conn.run(`CREATE TEMP TABLE ${ok} AS SELECT _row, ${columns} FROM ${typed} t
    WHERE _fnr_pos IS NULL AND ${clean}
      AND NOT EXISTS (SELECT 1 FROM rt_rejections r WHERE r.file_index = ${fileIndex} AND r.row_id = t._row)`);

  await rejectDuplicateKeys(conn, fileIndex, mapping, ok);
  await rejectMissingReferences(conn, fileIndex, mapping, ok);
  if (spec.kind === 'discussions') await rejectCrossSchoolDiscussions(conn, fileIndex, mapping, ok);
}

/** Drops the given rows from `ok` after recording them as rejected. */
async function rejectRows(conn: DuckDBConnection, fileIndex: number, ok: string, select: string) {
  await conn.run(`INSERT INTO rt_rejections ${select}`);
  await conn.run(`DELETE FROM ${ok} WHERE _row IN (SELECT row_id FROM rt_rejections WHERE file_index = ${fileIndex})`);
}

async function rejectDuplicateKeys(conn: DuckDBConnection, fileIndex: number, mapping: HeaderMapping, ok: string) {
  const key = mapping.spec.key.map(id).join(', ');
  const first = mapping.spec.key[0]!;
  const label = mapping.spec.key.join(' + ');
  await rejectRows(
    conn,
    fileIndex,
    ok,
    `SELECT ${fileIndex}, _row, NULL, ${mapping.positions.get(first) ?? 'NULL'}, ${sqlString(first)},
       ${sqlString(`samme nøkkel (${label}) står tidligere i filen; bare den første raden er lest inn`)}
     FROM (SELECT _row, row_number() OVER (PARTITION BY ${key} ORDER BY _row) AS n FROM ${ok}) WHERE n > 1`,
  );
}

async function rejectMissingReferences(conn: DuckDBConnection, fileIndex: number, mapping: HeaderMapping, ok: string) {
  for (const fk of mapping.spec.foreignKeys) {
    const parent = kindSpec(fk.references);
    const parentKey = parent.key[0]!;
    // Parents of this batch are already upserted (kinds load in dependency order, in one
    // transaction), so the table holds "the database plus the batch".
    await rejectRows(
      conn,
      fileIndex,
      ok,
      `SELECT ${fileIndex}, _row, NULL, ${mapping.positions.get(fk.column) ?? 'NULL'}, ${sqlString(fk.column)},
         ${sqlString(`${fk.column} `)} || '''' || left(${id(fk.column)}, 40) || '''' || ${sqlString(` finnes ikke i ${fk.references} (verken i databasen eller i denne importen)`)}
       FROM ${ok} t WHERE NOT EXISTS (SELECT 1 FROM ${id(fk.references)} p WHERE p.${id(parentKey)} = t.${id(fk.column)})`,
    );
  }
}

async function rejectCrossSchoolDiscussions(conn: DuckDBConnection, fileIndex: number, mapping: HeaderMapping, ok: string) {
  await rejectRows(
    conn,
    fileIndex,
    ok,
    `SELECT ${fileIndex}, t._row, NULL, ${mapping.positions.get('case_id') ?? 'NULL'}, 'case_id',
       'saken hører til en annen skole enn møtet (' || c.school_id || ' / ' || m.school_id || ')'
     FROM ${ok} t JOIN meetings m USING (meeting_id) JOIN cases c USING (case_id)
     WHERE m.school_id <> c.school_id`,
  );
}
