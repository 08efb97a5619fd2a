/**
 * The sample data imported into a fresh database file (a copy of one import per test run:
 * sampleDatabase.ts), opened read-only: the set-up of the
 * tests that compare two ways of computing the same answer on the real sample.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll } from 'vitest';
import { copySampleDatabase } from './sampleDatabase.ts';
import { testPseudonymKey } from './testKey.ts';

export interface ReadOnlySample {
  readonly instance: DuckDBInstance;
  readonly conn: DuckDBConnection;
  close(): void;
}

export async function readOnlySample(prefix: string): Promise<ReadOnlySample> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const path = join(dir, 'sample.duckdb');
  await copySampleDatabase(path, testPseudonymKey());
  const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  return {
    instance,
    conn,
    close() {
      conn.closeSync();
      instance.closeSync();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The read-only sample for the tests of the file (or `describe`) it is called in: opened
 * before the first, closed after the last. Its parts are read when a test runs.
 */
export function useReadOnlySample(prefix: string, timeoutMs = 120_000): { readonly instance: DuckDBInstance; readonly conn: DuckDBConnection } {
  let sample: ReadOnlySample | undefined;
  beforeAll(async () => {
    sample = await readOnlySample(prefix);
  }, timeoutMs);
  afterAll(() => sample?.close());
  const opened = () => {
    if (!sample) throw new Error('the read-only sample is opened before the tests (beforeAll)');
    return sample;
  };
  return {
    get instance() {
      return opened().instance;
    },
    get conn() {
      return opened().conn;
    },
  };
}
