/**
 * Where the year figures are kept: beside the figure facts they are computed from (the
 * facts' schema in the file, or the in-memory facts of a read-only file), one row per school
 * year, as-of date and group, the figure SQL's row as JSON, stamped with the generation of the
 * facts and a hash of the figure SQL. A row counts only while both stamps are current: an import (a new
 * generation) or a change to any figure's SQL (a new hash) retires every kept row at once,
 * and until a year is built again its figures are computed live.
 *
 * JSON, not a column per figure: a lookup then reads one text value instead of ~90 columns
 * (2.4 ms against 12 ms a lookup at national scale, measured for issue 9), and JSON keeps
 * every finite JS number exactly.
 */
import { createHash } from 'node:crypto';
import type { FactsLocation } from '../facts/ensureFigureFacts.ts';
import { keyFiguresSql } from '../keyFiguresSql.ts';

/** The groupings kept: the scope total, and one row per school or per municipality. */
export type KeptGrouping = 'all' | 'school' | 'municipality';

export const yearFiguresTable = (at: FactsLocation) => `${at}.year_figures`;

export function yearFiguresDdl(at: FactsLocation): string {
  return `CREATE TABLE IF NOT EXISTS ${yearFiguresTable(at)} (
    generation BIGINT NOT NULL,
    sql_version VARCHAR NOT NULL,
    school_year INTEGER NOT NULL,
    as_of DATE NOT NULL,
    grouping VARCHAR NOT NULL,
    group_key VARCHAR NOT NULL,
    municipality VARCHAR,
    row_json VARCHAR NOT NULL
  )`;
}

let version: string | undefined;

/**
 * A hash of the SQL the kept rows come from: the rows of other SQL are not these figures.
 * Computed at first use, not at import: the command line loads this module for every call.
 */
export function figureSqlVersion(): string {
  version ??= createHash('sha256')
    .update((['all', 'school', 'municipality'] as const).map((g) => keyFiguresSql(g, 'whole')).join('\n;\n'))
    .digest('hex')
    .slice(0, 16);
  return version;
}

/** SQL for the generation of the facts at `at` (the stamp a current row carries). */
export const currentGenerationSql = (at: FactsLocation) => `(SELECT max(generation) FROM ${at}.built)`;
