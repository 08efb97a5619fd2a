/**
 * A test oracle for generated folders: loads the eight CSV files into an in-memory DuckDB and
 * lists every way they break the data contract (header, types, vocabularies, required
 * columns, keys, foreign keys and the contract's own row rules, run as its SQL). The typed
 * tables stay open so tests can ask further questions of the data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { kinds } from '../../etl/contract/index.ts';
import type { ColumnSpec, KindSpec } from '../../etl/contract/types.ts';
import { tableDdl } from '../../etl/db/schema.ts';

export interface LoadedFolder {
  readonly connection: DuckDBConnection;
  /** Human-readable contract breaks; empty when the folder keeps the contract. */
  readonly problems: string[];
  /** Count of rows matching a query (`SELECT count(*) FROM …`). */
  count(sql: string): Promise<number>;
  close(): void;
}

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
const ident = (s: string) => `"${s}"`;

/** A SQL predicate over the raw text that is true when the value breaks the column's type. */
function typeBreak(col: ColumnSpec): string {
  const x = ident(col.name);
  const t = col.type;
  switch (t.t) {
    case 'id':
    case 'pseudonym':
      return `length(${x}) > 64 OR ${x} <> trim(${x}) OR NOT regexp_full_match(${x}, '[[:print:]]+')`;
    case 'text':
      return `${x} <> trim(${x})`;
    case 'code':
      return `NOT regexp_full_match(${x}, '[a-z0-9_]+')`;
    case 'date':
      return `NOT regexp_full_match(${x}, '\\d{4}-\\d{2}-\\d{2}') OR strftime(try_cast(${x} AS DATE), '%Y-%m-%d') IS DISTINCT FROM ${x}`;
    case 'boolean':
      return `${x} NOT IN ('true', 'false')`;
    case 'integer':
      return `NOT regexp_full_match(${x}, '\\d{1,9}') OR ${x}::INTEGER < ${t.min ?? 0} OR ${x}::INTEGER > ${t.max ?? 2147483647}`;
    case 'vocab':
      return `${x} NOT IN (${t.vocab.codes.map(quote).join(', ')})`;
    case 'list':
      return `len(list_filter(string_split(${x}, '|'), i -> i NOT IN (${t.vocab.codes.map(quote).join(', ')}))) > 0`;
  }
}

function typedValue(col: ColumnSpec): string {
  const x = ident(col.name);
  switch (col.type.t) {
    case 'date':
      return `${x}::DATE`;
    case 'boolean':
      return `${x}::BOOLEAN`;
    case 'integer':
      return `${x}::INTEGER`;
    case 'list':
      return `string_split(${x}, '|')`;
    default:
      return x;
  }
}

async function count(connection: DuckDBConnection, sql: string): Promise<number> {
  const rows = (await connection.runAndReadAll(sql)).getRows();
  return Number(rows[0]?.[0] ?? 0);
}

async function loadKind(connection: DuckDBConnection, dir: string, spec: KindSpec, problems: string[]): Promise<void> {
  const path = join(dir, `${spec.kind}.csv`);
  const text = readFileSync(path, 'utf8');
  const header = text.slice(0, text.indexOf('\n'));
  const expected = spec.columns.map((c) => c.name).join(',');
  if (header !== expected) problems.push(`${spec.kind}: header "${header}" is not "${expected}"`);
  if (text.charCodeAt(0) === 0xfeff) problems.push(`${spec.kind}: starts with a BOM`);
  const types = `{${spec.columns.map((c) => `${quote(c.name)}: 'VARCHAR'`).join(', ')}}`;
  await connection.run(
    `CREATE TABLE ${ident(`raw_${spec.kind}`)} AS SELECT * FROM read_csv(${quote(path)}, header = true, delim = ',', quote = '"', escape = '"', columns = ${types}, auto_detect = false)`,
  );
  for (const col of spec.columns) {
    const where = `${ident(col.name)} IS NOT NULL AND (${typeBreak(col)})${col.required ? ` OR ${ident(col.name)} IS NULL` : ''}`;
    const n = await count(connection, `SELECT count(*) FROM ${ident(`raw_${spec.kind}`)} WHERE ${where}`);
    if (n > 0) problems.push(`${spec.kind}.${col.name}: ${n} rows break its type (${col.type.t})`);
  }
  if (problems.length > 0) return;
  await connection.run(tableDdl(spec));
  await connection.run(`INSERT INTO ${ident(spec.kind)} SELECT ${spec.columns.map(typedValue).join(', ')} FROM ${ident(`raw_${spec.kind}`)}`);
}

async function relationalProblems(connection: DuckDBConnection, spec: KindSpec): Promise<string[]> {
  const problems: string[] = [];
  const table = ident(spec.kind);
  const key = spec.key.map(ident).join(', ');
  const duplicates = await count(connection, `SELECT count(*) - count(DISTINCT (${key})) FROM ${table}`);
  if (duplicates > 0) problems.push(`${spec.kind}: ${duplicates} duplicate keys (${spec.key.join(', ')})`);
  for (const fk of spec.foreignKeys) {
    const target = kinds.find((k) => k.kind === fk.references);
    const targetKey = ident(target?.key[0] ?? fk.column);
    const orphans = await count(
      connection,
      `SELECT count(*) FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM ${ident(fk.references)} r WHERE r.${targetKey} = t.${ident(fk.column)})`,
    );
    if (orphans > 0) problems.push(`${spec.kind}.${fk.column}: ${orphans} rows reference no ${fk.references}`);
  }
  for (const rule of spec.rules) {
    const broken = await count(connection, `SELECT count(*) FROM ${table} WHERE ${rule.broken}`);
    if (broken > 0) problems.push(`${spec.kind}.${rule.column}: ${broken} rows break "${rule.reason}"`);
  }
  return problems;
}

export async function loadFolder(dir: string): Promise<LoadedFolder> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const problems: string[] = [];
  for (const spec of kinds) await loadKind(connection, dir, spec, problems);
  if (problems.length === 0) {
    for (const spec of kinds) problems.push(...(await relationalProblems(connection, spec)));
  }
  return {
    connection,
    problems,
    count: (sql) => count(connection, sql),
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
