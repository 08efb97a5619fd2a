/**
 * A database file made before the vocabulary columns were ENUMs: openDatabase changes their
 * types and keeps every value; a value that is not a code leaves the file's text columns as
 * they were, and the file still opens. The old tables are written out by hand here, as the
 * importer made them (text and lists of text).
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { openDatabase } from '../../../etl/db/openDatabase.ts';
import { refreshFigureFacts } from '../../../etl/figures/facts/ensureFigureFacts.ts';
import { makeTempDir, removeTempDirs } from '../../helpers/tempDir.ts';

afterAll(removeTempDirs);

async function oldFile(status: string): Promise<string> {
  const path = join(makeTempDir(), 'old.duckdb');
  const instance = await DuckDBInstance.create(path);
  const conn = await instance.connect();
  await conn.run(`CREATE TABLE meetings (meeting_id VARCHAR NOT NULL, school_id VARCHAR NOT NULL, "date" DATE NOT NULL, status VARCHAR,
    system_minutes INTEGER, individual_minutes INTEGER, agenda_sent_date DATE, minutes_written BOOLEAN, participants VARCHAR[])`);
  await conn.run(`INSERT INTO meetings VALUES ('M1', 'S1', DATE '2025-09-01', '${status}', 30, 45, NULL, true, ['rektor', 'tgl']),
    ('M2', 'S1', DATE '2025-09-08', NULL, NULL, NULL, NULL, NULL, NULL)`);
  conn.closeSync();
  instance.closeSync();
  return path;
}

async function meetingColumns(path: string) {
  const db = await openDatabase(path);
  try {
    const types = await db.connection.runAndReadAll(
      `SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'meetings' AND column_name IN ('status', 'participants') ORDER BY column_name`,
    );
    const rows = await db.connection.runAndReadAll(`SELECT meeting_id, status::VARCHAR, participants::VARCHAR[] FROM meetings ORDER BY meeting_id`);
    return { types: types.getRows(), rows: rows.getRowsJson() };
  } finally {
    db.close();
  }
}

const roleEnum =
  "ENUM('annet', 'avdelingsleder', 'barnevern', 'bup', 'elev', 'fbu', 'flerspraklig_koordinator', 'flyktningetjeneste', 'foresatte', 'helsesykepleier', " +
  "'inspektor', 'kontaktlaerer', 'laererrepresentant', 'logoped', 'miljolaerer', 'ppt', 'psykisk_helseteam', 'radgiver', 'rektor', 'sosiallaerer', " +
  "'spesped_koordinator', 'tgl', 'ungdom_og_fritid')";

describe('vocabulary columns of an older file', () => {
  it('become ENUMs in code order with every value kept', async () => {
    const path = await oldFile('cancelled');
    const { types, rows } = await meetingColumns(path);
    expect(types).toEqual([
      ['participants', `${roleEnum}[]`],
      ['status', "ENUM('cancelled', 'held')"],
    ]);
    expect(rows).toEqual([
      ['M1', 'cancelled', ['rektor', 'tgl']],
      ['M2', null, null],
    ]);
    // Opening it again changes nothing more (and does not fail).
    expect((await meetingColumns(path)).types).toEqual(types);
  });

  it('stay text when a value is not a code, and the file opens as before', async () => {
    const path = await oldFile('avlyst av rektor');
    const { types, rows } = await meetingColumns(path);
    expect(types).toEqual([
      ['participants', 'VARCHAR[]'],
      ['status', 'VARCHAR'],
    ]);
    expect(rows[0]).toEqual(['M1', 'avlyst av rektor', ['rektor', 'tgl']]);
  });

  it('stay text with a value that is not a code, and the facts are still built, that value unknown', async () => {
    const path = join(makeTempDir(), 'old-measures.duckdb');
    const instance = await DuckDBInstance.create(path);
    const conn = await instance.connect();
    await conn.run(`CREATE TABLE measures (measure_id VARCHAR NOT NULL, case_id VARCHAR NOT NULL, level VARCHAR NOT NULL, category VARCHAR,
      responsible_role VARCHAR, started_date DATE, evaluation_due_date DATE, evaluated_date DATE, staff_reached INTEGER)`);
    await conn.run(`INSERT INTO measures VALUES ('T1', 'K1', 'tiltak på skolenivå', NULL, 'rektor', DATE '2025-09-01', NULL, NULL, NULL),
      ('T2', 'K1', 'individual', NULL, 'ppt', DATE '2025-09-02', NULL, NULL, NULL)`);
    conn.closeSync();
    instance.closeSync();
    const db = await openDatabase(path);
    try {
      await db.connection.run(`INSERT INTO schools (school_id, school_name, municipality) VALUES ('S1', 'Skole', 'Kommune')`);
      await db.connection.run(`INSERT INTO cases (case_id, school_id, kind, first_concern_date) VALUES ('K1', 'S1', 'individual', DATE '2025-08-20')`);
      await refreshFigureFacts(db.connection);
      const facts = await db.connection.runAndReadAll(`SELECT measure_id, level::VARCHAR, responsible_role::VARCHAR, case_kind::VARCHAR FROM figure_facts.measures ORDER BY measure_id`);
      expect(facts.getRowsJson()).toEqual([
        ['T1', null, 'rektor', 'individual'],
        ['T2', 'individual', 'ppt', 'individual'],
      ]);
      const level = await db.connection.runAndReadAll(`SELECT data_type FROM duckdb_columns() WHERE table_name = 'measures' AND column_name = 'level' AND schema_name = 'main'`);
      expect(level.getRows()).toEqual([['VARCHAR']]);
    } finally {
      db.close();
    }
  });
});
