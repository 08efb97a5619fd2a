/**
 * How a command-line `figures` call opens the database: read-only when the file's facts are
 * current, as before (writable, facts rebuilt in the file) when they are not or the file is
 * new; one DuckDB thread for one school's or one municipality's total only. On a real file
 * holding the sample data (its import built the facts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNarrowScope, openForFigures } from '../../../etl/cli/openForFigures.ts';
import { openDatabase } from '../../../etl/db/openDatabase.ts';
import { factsAreCurrent } from '../../../etl/figures/facts/buildFigureFacts.ts';
import { computeFigures, type FigureQuery } from '../../../etl/figures/index.ts';
import { copySampleDatabase } from '../../helpers/sampleDatabase.ts';
import { makeTempDir, removeTempDirs } from '../../helpers/tempDir.ts';
import { testPseudonymKey } from '../../helpers/testKey.ts';

const dir = makeTempDir('rt-open-for-figures-');
afterAll(removeTempDirs);

const period = { from: '2024-08-01', to: '2025-07-31', asOf: '2025-08-01', allowedSchools: null } as const;

async function single(conn: DuckDBConnection, sql: string): Promise<unknown> {
  return (await conn.runAndReadAll(sql)).getRows()[0]![0];
}
const isReadOnly = (conn: DuckDBConnection) =>
  single(conn, `SELECT readonly FROM duckdb_databases() WHERE database_name = current_database()`);
const threads = (conn: DuckDBConnection) => single(conn, `SELECT current_setting('threads')`);

/** DuckDB's own default thread count on this machine, from an instance nobody configured. */
async function defaultThreads(): Promise<unknown> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    return await threads(conn);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

describe('isNarrowScope', () => {
  it('is one school or one municipality without a breakdown, nothing else', () => {
    expect(isNarrowScope({ ...period, school: 'S1' })).toBe(true);
    expect(isNarrowScope({ ...period, municipality: 'Fjordvik' })).toBe(true);
    expect(isNarrowScope({ ...period, municipality: 'Fjordvik', by: 'school' })).toBe(false);
    expect(isNarrowScope({ ...period })).toBe(false);
    expect(isNarrowScope({ ...period, level: 'barneskole' })).toBe(false);
    expect(isNarrowScope({ ...period, by: 'municipality' })).toBe(false);
  });
});

describe('openForFigures', () => {
  const current = join(dir, 'current.duckdb');
  const stale = join(dir, 'stale.duckdb');
  let school = '';
  let municipality = '';

  beforeAll(async () => {
    await copySampleDatabase(current, testPseudonymKey());
    await copySampleDatabase(stale, testPseudonymKey());
    const db = await openDatabase(stale);
    const [first] = (await db.connection.runAndReadAll('SELECT min(school_id), min(municipality) FROM schools')).getRows();
    school = String(first?.[0]);
    municipality = String(first?.[1]);
    // A row deleted outside the importer: the facts no longer match the data.
    await db.connection.run('DELETE FROM meetings WHERE rowid = (SELECT min(rowid) FROM meetings)');
    db.close();
  });

  it('opens a file with current facts read-only, one thread for one school or municipality', async () => {
    for (const q of [{ ...period, school }, { ...period, municipality }] as FigureQuery[]) {
      const db = await openForFigures(current, q);
      try {
        expect(await isReadOnly(db.connection)).toBe(true);
        expect(await threads(db.connection)).toBe(1n);
      } finally {
        db.close();
      }
    }
  });

  it('keeps DuckDB default threads for a breakdown and for the whole country', async () => {
    const expected = await defaultThreads();
    for (const q of [{ ...period, by: 'municipality' }, { ...period, municipality, by: 'school' }, { ...period }] as FigureQuery[]) {
      const db = await openForFigures(current, q);
      try {
        expect(await isReadOnly(db.connection)).toBe(true);
        expect(await threads(db.connection)).toBe(expected);
      } finally {
        db.close();
      }
    }
  });

  it('opens a file with stale facts writable, so the figures rebuild them in the file once', async () => {
    const db = await openForFigures(stale, { ...period, school });
    try {
      expect(await isReadOnly(db.connection)).toBe(false);
      expect(await factsAreCurrent(db.connection, 'figure_facts')).toBe(false);
      await computeFigures(db.connection, { ...period, school });
    } finally {
      db.close();
    }
    const again = await openForFigures(stale, { ...period, school });
    try {
      expect(await isReadOnly(again.connection)).toBe(true);
      expect(await factsAreCurrent(again.connection, 'figure_facts')).toBe(true);
    } finally {
      again.close();
    }
  });

  it('creates a file that does not exist yet, as before', async () => {
    const fresh = join(dir, 'fresh.duckdb');
    const db = await openForFigures(fresh, { ...period });
    try {
      expect(await isReadOnly(db.connection)).toBe(false);
      expect((await computeFigures(db.connection, { ...period })).meetings_held).toBe(0);
    } finally {
      db.close();
    }
    expect(existsSync(fresh)).toBe(true);
  });
});
