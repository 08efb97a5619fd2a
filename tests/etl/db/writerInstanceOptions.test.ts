/**
 * The block allocator's cap (writerInstanceOptions.ts): a sixth of the machine's memory, at
 * most 4 GiB, and given to every instance that imports (openDatabase, openSnapshot), as
 * DuckDB itself reports it.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../etl/db/openDatabase.ts';
import { openSnapshot } from '../../../etl/db/openSnapshot.ts';
import { blockAllocatorBytes } from '../../../etl/db/writerInstanceOptions.ts';
import { makeTempDir, removeTempDirs } from '../../helpers/tempDir.ts';

afterAll(removeTempDirs);

const GiB = 1024 ** 3;

async function setting(db: { connection: { runAndReadAll(sql: string): Promise<{ getRows(): unknown[][] }> } }): Promise<unknown> {
  return (await db.connection.runAndReadAll(`SELECT current_setting('block_allocator_memory')`)).getRows()[0]![0];
}

describe('blockAllocatorBytes', () => {
  it('is a sixth of the memory, at most 4 GiB', () => {
    expect(blockAllocatorBytes(24 * GiB)).toBe(4 * GiB);
    expect(blockAllocatorBytes(64 * GiB)).toBe(4 * GiB);
    expect(blockAllocatorBytes(12 * GiB)).toBe(2 * GiB);
    expect(blockAllocatorBytes(6_000_000_000)).toBe(1_000_000_000);
  });
});

describe('the instances that import keep freed blocks', () => {
  it('openDatabase and openSnapshot create their instance with a block allocator (DuckDB default: 0 bytes)', async () => {
    const dir = makeTempDir();
    const db = await openDatabase(join(dir, 'a.duckdb'));
    try {
      expect(await setting(db)).not.toBe('0 bytes');
    } finally {
      db.close();
    }
    const snapshot = await openSnapshot(join(dir, 'a.duckdb'), join(dir, 'local.duckdb'));
    try {
      expect(await setting(snapshot)).not.toBe('0 bytes');
    } finally {
      snapshot.close();
    }
  });
});
