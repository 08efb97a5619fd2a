/**
 * Brings the vocabulary columns of a database file made before they were ENUMs
 * (vocabularyEnum.ts) to their ENUM types, all tables in one transaction.
 * A file made since has them already, and a file that is current is not written at all.
 *
 * Why migrate at all, when every query reads an ENUM and a VARCHAR alike: an older file
 * would keep paying for text columns at every import, and one schema is easier to reason
 * about than two. A value that is not a code of its vocabulary (never written by this
 * importer, but a file can be edited by hand) makes DuckDB refuse the copy: the file is
 * then left as it was, with text columns, which work as before.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { kinds } from '../contract/index.ts';
import type { ColumnType, KindSpec } from '../contract/types.ts';
import { tableDdl } from './schema.ts';

/** The contract tables that hold a vocabulary column as text (VARCHAR, or a list of VARCHAR). */
async function tablesWithTextVocabularies(conn: DuckDBConnection): Promise<KindSpec[]> {
  const stored = await conn.runAndReadAll(
    `SELECT table_name, column_name FROM duckdb_columns()
     WHERE database_name = current_database() AND schema_name = 'main' AND data_type IN ('VARCHAR', 'VARCHAR[]')`,
  );
  const text = new Set(stored.getRows().map(([t, c]) => `${String(t)}.${String(c)}`));
  const isVocabulary = (t: ColumnType['t']) => t === 'vocab' || t === 'list';
  return kinds.filter((spec) => spec.columns.some((c) => isVocabulary(c.type.t) && text.has(`${spec.kind}.${c.name}`)));
}

/**
 * Returns the tables changed (none when the file is current or a value is not a code). Each
 * is copied into a table of today's DDL, in its row order, and takes the old one's name:
 * DuckDB cannot ALTER a column to a list of an ENUM written out in the statement.
 */
export async function migrateVocabularyColumns(conn: DuckDBConnection): Promise<readonly string[]> {
  const tables = await tablesWithTextVocabularies(conn);
  if (tables.length === 0) return [];
  await conn.run('BEGIN TRANSACTION');
  try {
    for (const spec of tables) {
      const columns = spec.columns.map((c) => `"${c.name}"`).join(', ');
      const copy = `rt_new_${spec.kind}`;
      await conn.run(tableDdl(spec, copy));
      await conn.run(`INSERT INTO "${copy}" (${columns}) SELECT ${columns} FROM "${spec.kind}" ORDER BY rowid`);
      await conn.run(`DROP TABLE "${spec.kind}"`);
      await conn.run(`ALTER TABLE "${copy}" RENAME TO "${spec.kind}"`);
    }
    await conn.run('COMMIT');
    return tables.map((t) => t.kind);
  } catch {
    await conn.run('ROLLBACK');
    return [];
  }
}
