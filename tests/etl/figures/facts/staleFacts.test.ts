/**
 * Facts in the file that no longer match the data (rows inserted outside the importer, or
 * built by an older layout version): a writable file gets them rebuilt in place; a file
 * opened read-only cannot, so the figures come from facts built in memory beside it, and
 * the file is left as it was.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../etl/db/openDatabase.ts';
import { factsAreCurrent, factsGeneration } from '../../../../etl/figures/facts/buildFigureFacts.ts';
import { dataVersion } from '../../../../etl/figures/facts/dataVersion.ts';
import { ensureFigureFacts } from '../../../../etl/figures/facts/ensureFigureFacts.ts';
import { computeFigures } from '../../../../etl/figures/index.ts';
import { makeTempDir, removeTempDirs } from '../../../helpers/tempDir.ts';
import { insert, query, schools } from '../figureFixture.ts';

const meeting = (meeting_id: string, date: string) => ({ meeting_id, school_id: 'S1', date, status: 'held' });
const dir = makeTempDir('rt-stale-facts-');
afterAll(removeTempDirs);

/** A file with current facts of one meeting, then a second meeting inserted behind their back. */
async function fileWithStaleFacts(name: string): Promise<string> {
  const path = join(dir, name);
  const db = await openDatabase(path);
  await insert(db.connection, 'schools', schools);
  await insert(db.connection, 'meetings', [meeting('m1', '2024-09-02')]);
  await ensureFigureFacts(db.connection);
  expect(await factsGeneration(db.connection, 'figure_facts')).toBe(1);
  await insert(db.connection, 'meetings', [meeting('m2', '2024-09-09')]);
  expect(await factsAreCurrent(db.connection, 'figure_facts')).toBe(false);
  db.close();
  return path;
}

describe('stale facts in the file', () => {
  it('a read-only reader gets current figures from facts built in memory, and the file keeps its old facts', async () => {
    const path = await fileWithStaleFacts('read-only.duckdb');
    const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
    const conn = await instance.connect();
    try {
      expect(await ensureFigureFacts(conn)).toBe('figure_facts_memory');
      expect((await computeFigures(conn, query())).meetings_held).toBe(2);
      expect(await factsGeneration(conn, 'figure_facts')).toBe(1);
      expect(await factsAreCurrent(conn, 'figure_facts')).toBe(false);
      expect(await dataVersion(conn)).toMatch(/\/1\/1$/);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  });

  it('a writable file gets them rebuilt in place, one generation up', async () => {
    const path = await fileWithStaleFacts('writable.duckdb');
    const db = await openDatabase(path);
    try {
      expect((await computeFigures(db.connection, query())).meetings_held).toBe(2);
      expect(await factsAreCurrent(db.connection, 'figure_facts')).toBe(true);
      expect(await factsGeneration(db.connection, 'figure_facts')).toBe(2);
    } finally {
      db.close();
    }
  });

  it('facts of another layout version are stale even when the data has not changed', async () => {
    const path = join(dir, 'old-layout.duckdb');
    const db = await openDatabase(path);
    try {
      await insert(db.connection, 'schools', schools);
      await ensureFigureFacts(db.connection);
      await db.connection.run('UPDATE figure_facts.built SET version = version - 1');
      expect(await factsAreCurrent(db.connection, 'figure_facts')).toBe(false);
      await ensureFigureFacts(db.connection);
      expect(await factsAreCurrent(db.connection, 'figure_facts')).toBe(true);
    } finally {
      db.close();
    }
  });
});
