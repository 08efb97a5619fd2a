/**
 * Foreign keys are checked against the database plus the batch: a parent in the same batch
 * (in any file order) or from an earlier import passes; a parent rejected in the same batch
 * does not exist, so its children are rejected too.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kinds, kindSpec } from '../../../etl/contract/index.ts';
import type { KindName } from '../../../etl/contract/types.ts';
import type { Database } from '../../../etl/db/openDatabase.ts';
import { importBatch } from '../../../etl/load/importBatch.ts';
import type { ImportReport } from '../../../etl/load/importReport.ts';
import { baseRow, tableOf, type Row } from '../../helpers/contractRows.ts';
import { makeTempDir, removeTempDirs } from '../../helpers/tempDir.ts';
import { openTestDatabase, queryRows } from '../../helpers/testDatabase.ts';
import { testPseudonymKey } from '../../helpers/testKey.ts';
import { writeCsv } from '../../helpers/writeCsv.ts';

const key = testPseudonymKey();
const root = makeTempDir('rt-fk-');
afterAll(removeTempDirs);

/** One row of every kind, each referring to the others by ids starting with `p`. */
function family(p: string): Record<KindName, Row> {
  return {
    schools: { ...baseRow('schools', 1), school_id: `${p}S` },
    competence_efforts: { ...baseRow('competence_efforts', 1), effort_id: `${p}E` },
    meetings: { ...baseRow('meetings', 1), meeting_id: `${p}M`, school_id: `${p}S` },
    cases: { ...baseRow('cases', 1), case_id: `${p}C`, school_id: `${p}S` },
    discussions: { meeting_id: `${p}M`, case_id: `${p}C` },
    measures: { ...baseRow('measures', 1), measure_id: `${p}T`, case_id: `${p}C` },
    yearwheel: { ...baseRow('yearwheel', 1), school_id: `${p}S` },
    competence_participation: { ...baseRow('competence_participation', 1), effort_id: `${p}E`, school_id: `${p}S` },
    deviations: { ...baseRow('deviations', 1), deviation_id: `${p}D`, school_id: `${p}S` },
  };
}

function writeFamily(name: string, rows: Record<KindName, Row>, only: readonly KindName[]): string[] {
  const dir = join(root, name);
  mkdirSync(dir);
  return only.map((kind) => writeCsv(dir, `${kind}.csv`, tableOf(kind, [rows[kind]])));
}

const foreignKeys = kinds.flatMap((spec) => spec.foreignKeys.map((fk) => ({ child: spec.kind, column: fk.column, parent: fk.references })));
const allKinds = kinds.map((k) => k.kind);

async function stored(conn: Database['connection'], kind: KindName, row: Row): Promise<boolean> {
  const keyColumns = kindSpec(kind).key;
  const where = keyColumns.map((k, i) => `CAST("${k}" AS VARCHAR) = $k${i}`).join(' AND ');
  const rows = await queryRows(conn, `SELECT 1 FROM "${kind}" WHERE ${where}`, Object.fromEntries(keyColumns.map((k, i) => [`k${i}`, row[k]!])));
  return rows.length === 1;
}

describe('importBatch with parents in the same batch', () => {
  const rows = family('SB-');
  let db: Database;
  let report: ImportReport;
  beforeAll(async () => {
    db = await openTestDatabase();
    // Children first: the batch must load its files in dependency order by itself.
    report = await importBatch(db.connection, writeFamily('same-batch', rows, allKinds).reverse(), { key });
  });
  afterAll(() => db?.close());

  it('importBatch loads every file of the batch without rejections', () => {
    expect(report.rejections).toEqual([]);
    expect(report.files.map((f) => [f.kind, f.inserted])).toEqual(allKinds.map((k) => [k, 1]));
  });

  it.each(foreignKeys)('importBatch accepts $child.$column whose $parent row is in the same batch', async ({ child }) => {
    expect(await stored(db.connection, child, rows[child])).toBe(true);
  });
});

describe('importBatch with parents from an earlier import', () => {
  const rows = family('EI-');
  const stages: KindName[][] = [
    ['schools', 'competence_efforts'],
    ['meetings', 'cases', 'yearwheel', 'competence_participation', 'deviations'],
    ['discussions', 'measures'],
  ];
  let db: Database;
  const reports: ImportReport[] = [];
  beforeAll(async () => {
    db = await openTestDatabase();
    for (const [i, stage] of stages.entries()) reports.push(await importBatch(db.connection, writeFamily(`earlier-${i}`, rows, stage), { key }));
  });
  afterAll(() => db?.close());

  it('importBatch loads each stage without rejections', () => {
    expect(reports.flatMap((r) => r.rejections)).toEqual([]);
    expect(reports.map((r) => r.files.map((f) => f.inserted))).toEqual(stages.map((s) => s.map(() => 1)));
  });

  it.each(foreignKeys)('importBatch accepts $child.$column whose $parent row came in an earlier import', async ({ child }) => {
    expect(await stored(db.connection, child, rows[child])).toBe(true);
  });
});

describe('importBatch with a parent rejected in the same batch', () => {
  const rows = family('RJ-');
  rows.schools.municipality = '';
  rows.competence_efforts.name = '';
  let db: Database;
  let report: ImportReport;
  beforeAll(async () => {
    db = await openTestDatabase();
    report = await importBatch(db.connection, writeFamily('rejected-parent', rows, allKinds), { key });
  });
  afterAll(() => db?.close());
  const rejectedBy = (kind: KindName) => report.rejections.filter((r) => r.file.endsWith(`${kind}.csv`));

  it('importBatch rejects the parents for their own errors', () => {
    expect(rejectedBy('schools')).toEqual([expect.objectContaining({ line: 2, column: 'municipality' })]);
    expect(rejectedBy('competence_efforts')).toEqual([expect.objectContaining({ line: 2, column: 'name' })]);
  });

  // A row whose parents are all missing may be told about each of them; it is one rejected row.
  it.each(allKinds.filter((k) => kindSpec(k).foreignKeys.length > 0))('importBatch rejects the %s row whose parent was rejected', (kind) => {
    expect(report.files.find((f) => f.kind === kind)).toMatchObject({ read: 1, inserted: 0, rejected: 1 });
    const fkColumns = kindSpec(kind).foreignKeys.map((fk) => fk.column);
    const rejections = rejectedBy(kind);
    expect(rejections.map((r) => r.column)).toContain(fkColumns[0]);
    for (const rejection of rejections) {
      expect(rejection).toEqual({
        file: expect.stringMatching(new RegExp(`${kind}\\.csv$`)),
        line: 2,
        column: expect.toBeOneOf(fkColumns),
        reason: expect.stringMatching(/finnes ikke i .* \(verken i databasen eller i denne importen\)/),
      });
    }
  });

  it('importBatch stores none of the family', async () => {
    for (const kind of allKinds) expect(await stored(db.connection, kind, rows[kind]), kind).toBe(false);
  });
});
