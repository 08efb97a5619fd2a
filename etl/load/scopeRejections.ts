/**
 * A municipality user imports for their own municipality's schools only: every row that
 * would add to, change or move data of a school outside it is rejected with a reason, the
 * rest of the file loads. A row is in scope when the school it belongs to (directly, or
 * through its meeting or case) is in the municipality, and, when its key already exists,
 * the existing row's school is too (else a known case id could be moved to one's own
 * school). Runs inside the batch's transaction after the foreign keys, so the schools of
 * this batch that passed count as the municipality's.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { KindName } from '../contract/types.ts';
import type { HeaderMapping } from '../read/detectKind.ts';
import { sqlString } from './sqlExpressions.ts';
import { acceptedRowsSql } from './validateFile.ts';

export interface ImportScope {
  /** The municipality whose schools the importer may write. */
  readonly municipality: string;
}

export const outOfScopeReason = (municipality: string) =>
  `skolen hører ikke til ${municipality}; du kan bare lese inn data for skolene i din egen kommune`;

export const effortsOutOfScopeReason =
  'kompetansesatsinger gjelder ikke én skole og kan bare leses inn av en administrator';

/** Rows of the typed table (alias t) that are out of scope, per kind, with the column blamed. */
function outOfScopeSql(kind: KindName, own: string): { column: string; where: string } {
  const inScope = (school: string) => `${school} IN (SELECT school_id FROM ${own})`;
  const existing = (table: string, key: string, school: string) =>
    `EXISTS (SELECT 1 FROM ${table} x WHERE x.${key} = t.${key} AND NOT ${inScope(`x.${school}`)})`;
  switch (kind) {
    case 'schools':
      return {
        column: 'municipality',
        where: `lower(trim(t.municipality)) <> lower(trim($municipality))
          OR EXISTS (SELECT 1 FROM schools x WHERE x.school_id = t.school_id AND lower(trim(x.municipality)) <> lower(trim($municipality)))`,
      };
    case 'meetings':
      return { column: 'school_id', where: `NOT ${inScope('t.school_id')} OR ${existing('meetings', 'meeting_id', 'school_id')}` };
    case 'cases':
      return { column: 'school_id', where: `NOT ${inScope('t.school_id')} OR ${existing('cases', 'case_id', 'school_id')}` };
    case 'deviations':
      return { column: 'school_id', where: `NOT ${inScope('t.school_id')} OR ${existing('deviations', 'deviation_id', 'school_id')}` };
    case 'yearwheel':
    case 'competence_participation':
      // The school is part of the key: the row found by the key is at the same school.
      return { column: 'school_id', where: `NOT ${inScope('t.school_id')}` };
    case 'discussions':
      return {
        column: 'meeting_id',
        where: `NOT EXISTS (SELECT 1 FROM meetings m WHERE m.meeting_id = t.meeting_id AND ${inScope('m.school_id')})`,
      };
    case 'measures':
      return {
        column: 'case_id',
        where: `NOT EXISTS (SELECT 1 FROM cases c WHERE c.case_id = t.case_id AND ${inScope('c.school_id')})
          OR EXISTS (SELECT 1 FROM measures x JOIN cases c ON c.case_id = x.case_id WHERE x.measure_id = t.measure_id AND NOT ${inScope('c.school_id')})`,
      };
    case 'competence_efforts':
      return { column: 'effort_id', where: 'true' };
  }
}

/** Records a rejection in rt_rejections for each accepted row of file `fileIndex` outside the scope. */
export async function rejectOutOfScope(conn: DuckDBConnection, fileIndex: number, mapping: HeaderMapping, typed: string, scope: ImportScope): Promise<void> {
  const kind = mapping.spec.kind;
  const { column, where } = outOfScopeSql(kind, 'rt_scope_schools');
  const reason = kind === 'competence_efforts' ? effortsOutOfScopeReason : outOfScopeReason(scope.municipality);
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE rt_scope_schools AS
       SELECT school_id FROM schools WHERE lower(trim(municipality)) = lower(trim($municipality))`,
    { municipality: scope.municipality },
  );
  const sql = `INSERT INTO rt_rejections
    SELECT ${fileIndex}, t._row, NULL, ${mapping.positions.get(column) ?? 'NULL'}, ${sqlString(column)}, ${sqlString(reason)}
    FROM ${acceptedRowsSql(typed, fileIndex)} t WHERE ${where}`;
  await conn.run(sql, kind === 'schools' ? { municipality: scope.municipality } : {});
  await conn.run('DROP TABLE rt_scope_schools');
}
