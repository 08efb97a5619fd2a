/**
 * The database schema: one table per contract kind (derived from the contract), plus the
 * quarantine of rejected rows and the import log, the accounts, sessions and audit log
 * (accountsSchema.ts), and the municipalities' year-wheel norms (normsSchema.ts). No primary-key indexes: the importer
 * upserts set-wise (anti-join + delete/insert), which is faster than index maintenance
 * and avoids DuckDB's over-eager unique-constraint checks inside one transaction.
 */
import { kinds } from '../contract/index.ts';
import type { KindSpec } from '../contract/types.ts';
import { accountsDdl } from './accountsSchema.ts';
import { normsDdl } from './normsSchema.ts';
import { sqlType } from './sqlType.ts';

/** The kind's table, under its own name or `name` (a copy being made, vocabularyColumns.ts). */
export function tableDdl(spec: KindSpec, name: string = spec.kind): string {
  const cols = spec.columns.map((c) => `"${c.name}" ${sqlType(c.type)}${c.required ? ' NOT NULL' : ''}`);
  return `CREATE TABLE IF NOT EXISTS "${name}" (${cols.join(', ')})`;
}

export const schemaVersion = 1;

export function schemaDdl(): string[] {
  return [
    ...kinds.map((spec) => tableDdl(spec)),
    `CREATE SEQUENCE IF NOT EXISTS import_batch_seq START 1`,
    `CREATE TABLE IF NOT EXISTS import_batches (
       batch_id INTEGER PRIMARY KEY,
       imported_at TIMESTAMP NOT NULL,
       files INTEGER NOT NULL,
       rows_read BIGINT NOT NULL,
       inserted BIGINT NOT NULL,
       updated BIGINT NOT NULL,
       unchanged BIGINT NOT NULL,
       rejected BIGINT NOT NULL
     )`,
    // Rejected rows: where and why, never the row's values (they may hold personal data).
    `CREATE TABLE IF NOT EXISTS quarantine (
       batch_id INTEGER NOT NULL,
       file VARCHAR NOT NULL,
       kind VARCHAR,
       line BIGINT NOT NULL,
       "column" VARCHAR,
       reason VARCHAR NOT NULL
     )`,
    // Added after the first release (import history, issue 13): ALTERs, so older databases gain them too.
    // Who imported (a user name, or the operating-system user of the command line), how, the
    // files' names, and how many earlier quarantined rows it fixed. (A refused batch leaves no
    // row: it rolls back; the audit log notes the attempt.)
    `ALTER TABLE import_batches ADD COLUMN IF NOT EXISTS username VARCHAR`,
    `ALTER TABLE import_batches ADD COLUMN IF NOT EXISTS via VARCHAR`,
    `ALTER TABLE import_batches ADD COLUMN IF NOT EXISTS file_names VARCHAR[]`,
    `ALTER TABLE import_batches ADD COLUMN IF NOT EXISTS resolved BIGINT DEFAULT 0`,
    // A quarantined row's key as a keyed pseudonym (never the key itself), so a later import
    // that loads a valid row with the same key can mark it fixed (resolved_batch); and its
    // school when the row names one the database knows (for municipality users' scope).
    `ALTER TABLE quarantine ADD COLUMN IF NOT EXISTS row_key VARCHAR`,
    `ALTER TABLE quarantine ADD COLUMN IF NOT EXISTS resolved_batch INTEGER`,
    `ALTER TABLE quarantine ADD COLUMN IF NOT EXISTS school_id VARCHAR`,
    // Refused batches (nothing loaded): who, when, which files and our own reason, never the
    // database's words (they may quote a value). Apart from import_batches, whose every row
    // is a batch that loaded.
    `CREATE TABLE IF NOT EXISTS import_refusals (
       refused_at TIMESTAMP NOT NULL,
       username VARCHAR,
       via VARCHAR,
       file_names VARCHAR[] NOT NULL,
       reason VARCHAR NOT NULL
     )`,
    `CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)`,
    `INSERT INTO meta VALUES ('schema_version', '${schemaVersion}') ON CONFLICT DO NOTHING`,
    ...accountsDdl,
    ...normsDdl,
  ];
}
