/**
 * The database file and its write-ahead log are readable by their owner only (0600), like
 * the pseudonym key: checked with fs.stat on a real DuckDB file after writes, with the WAL
 * present, starting from the usual umask 022 (as a fresh process would).
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { openDatabase, type Database } from '../../../etl/db/openDatabase.ts';
import { makeTempDir, removeTempDirs } from '../../helpers/tempDir.ts';

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

let previousUmask: number;
let opened: Database | undefined;
beforeEach(() => {
  previousUmask = process.umask(0o022);
});
afterEach(() => {
  opened?.close();
  opened = undefined;
  process.umask(previousUmask);
});
afterAll(removeTempDirs);

describe('openDatabase', () => {
  it('creates the database file and its WAL 0600, and a new data folder 0700', async () => {
    const dir = join(makeTempDir(), 'data');
    const path = join(dir, 'ressursteam.duckdb');
    opened = await openDatabase(path);
    await opened.connection.run('CREATE TABLE probe (x INTEGER)');
    await opened.connection.run('INSERT INTO probe VALUES (1), (2)');
    expect(existsSync(`${path}.wal`)).toBe(true);
    expect(modeOf(path)).toBe('600');
    expect(modeOf(`${path}.wal`)).toBe('600');
    expect(modeOf(dir)).toBe('700');
  });

  it('the WAL DuckDB re-creates after a checkpoint is 0600 too', async () => {
    const path = join(makeTempDir(), 'db.duckdb');
    opened = await openDatabase(path);
    await opened.connection.run('CREATE TABLE probe (x INTEGER)');
    await opened.connection.run('CHECKPOINT');
    await opened.connection.run('INSERT INTO probe VALUES (3)');
    expect(existsSync(`${path}.wal`)).toBe(true);
    expect(modeOf(`${path}.wal`)).toBe('600');
  });

  it('makes an existing database and WAL written with mode 0644 private', async () => {
    const path = join(makeTempDir(), 'old.duckdb');
    const old = await DuckDBInstance.create(path);
    const conn = await old.connect();
    await conn.run('CREATE TABLE probe (x INTEGER)');
    conn.closeSync();
    old.closeSync();
    expect(modeOf(path)).toBe('644');
    writeFileSync(`${path}.wal`, '', { mode: 0o644 });
    expect(modeOf(`${path}.wal`)).toBe('644');
    opened = await openDatabase(path);
    expect(modeOf(path)).toBe('600');
    expect(modeOf(`${path}.wal`)).toBe('600');
  });
});
