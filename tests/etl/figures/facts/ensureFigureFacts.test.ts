import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../../etl/db/openDatabase.ts';
import { computeFigures } from '../../../../etl/figures/computeFigures.ts';
import { refreshFigureFacts } from '../../../../etl/figures/facts/ensureFigureFacts.ts';
import { fixtureDatabase, insert, query, schools } from '../figureFixture.ts';

const meeting = (meeting_id: string, date: string, status = 'held') => ({ meeting_id, school_id: 'S1', date, status });

describe('ensureFigureFacts', () => {
  let db: Database;
  beforeEach(async () => {
    db = await fixtureDatabase();
    await insert(db.connection, 'schools', schools);
    await insert(db.connection, 'meetings', [meeting('m1', '2024-09-02')]);
  });
  afterEach(() => db.close());

  it('figures follow rows inserted after an earlier query', async () => {
    expect((await computeFigures(db.connection, query())).meetings_held).toBe(1);
    await insert(db.connection, 'meetings', [meeting('m2', '2024-09-09')]);
    expect((await computeFigures(db.connection, query())).meetings_held).toBe(2);
  });

  it('figures follow an import batch that changed rows without changing counts', async () => {
    expect((await computeFigures(db.connection, query())).meetings_cancelled).toBe(0);
    // what the importer does: update in place (delete + insert) and log the batch
    await db.connection.run(`UPDATE meetings SET status = 'cancelled' WHERE meeting_id = 'm1'`);
    await db.connection.run(`INSERT INTO import_batches (batch_id, imported_at, files, rows_read, inserted, updated, unchanged, rejected) VALUES (1, TIMESTAMP '2025-01-01 12:00', 1, 1, 0, 1, 0, 0)`);
    expect((await computeFigures(db.connection, query())).meetings_cancelled).toBe(1);
  });

  it('refreshFigureFacts picks up an in-place update made outside the importer', async () => {
    expect((await computeFigures(db.connection, query())).meetings_held).toBe(1);
    await db.connection.run(`UPDATE meetings SET date = DATE '2023-09-02' WHERE meeting_id = 'm1'`);
    await refreshFigureFacts(db.connection);
    expect((await computeFigures(db.connection, query())).meetings_held).toBe(0);
  });

  it('a connection per request sees the facts of its instance and changes made on another connection', async () => {
    const first = await db.instance.connect();
    const second = await db.instance.connect();
    try {
      expect((await computeFigures(first, query())).meetings_held).toBe(1);
      await insert(db.connection, 'meetings', [meeting('m2', '2024-09-09')]);
      expect((await computeFigures(second, query())).meetings_held).toBe(2);
    } finally {
      first.closeSync();
      second.closeSync();
    }
  });

  it('concurrent figure queries after a change all see the new data', async () => {
    await computeFigures(db.connection, query());
    await insert(db.connection, 'meetings', [meeting('m2', '2024-09-09')]);
    const results = await Promise.all([1, 2, 3].map(() => computeFigures(db.connection, query())));
    expect(results.map((f) => f.meetings_held)).toEqual([2, 2, 2]);
  });
});

describe('ensureFigureFacts on a read-only database file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'figures-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('figures are computed from a database opened read-only', async () => {
    const path = join(dir, 'ro.duckdb');
    const writable = await openDatabase(path);
    await insert(writable.connection, 'schools', schools);
    await insert(writable.connection, 'meetings', [meeting('m1', '2024-09-02'), meeting('m2', '2024-09-09', 'cancelled')]);
    writable.close();

    const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
    const conn = await instance.connect();
    try {
      expect(await computeFigures(conn, query())).toMatchObject({ meetings_held: 1, meetings_cancelled: 1 });
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  });
});
