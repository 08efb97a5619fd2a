/**
 * The batched audit writer on a real DuckDB file: concurrent requests' entries go in few
 * INSERTs, in order, each write resolves only once its rows are committed, a clean close
 * leaves no entry behind (read back after the file is closed and opened again), and a bad
 * entry fails only its own write.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../etl/audit/auditLog.ts';
import { openDatabase, type Database } from '../../../etl/db/openDatabase.ts';
import { AuditWriter, maxAuditBatch } from '../../../server/auth/AuditWriter.ts';
import { makeTempDir, removeTempDirs } from '../../helpers/tempDir.ts';

const opened: Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  removeTempDirs();
});

async function freshDatabase(): Promise<{ path: string; db: Database }> {
  const path = join(makeTempDir('rt-audit-writer-'), 'audit.duckdb');
  const db = await openDatabase(path);
  opened.push(db);
  return { path, db };
}

const entry = (n: number): AuditEntry => ({
  at: new Date(Date.UTC(2025, 0, 1, 12, 0, 0) + n * 1000),
  username: `user-${n}`,
  role: 'admin',
  via: 'http',
  action: 'view_figures',
  target: `school:S${n}`,
  ip: '127.0.0.1',
  details: { endpoint: 'figures', n },
});

async function loggedUsers(db: Database): Promise<string[]> {
  const reader = await db.connection.runAndReadAll(`SELECT username FROM audit_log ORDER BY audit_id`);
  return reader.getRows().map((r) => String(r[0]));
}

describe('AuditWriter', () => {
  it('writes 600 concurrent entries in order, in far fewer INSERTs than entries, at most 256 rows each', async () => {
    const { db } = await freshDatabase();
    const writer = new AuditWriter(db.instance);
    await Promise.all(Array.from({ length: 600 }, (_, n) => writer.write([entry(n)])));
    expect(await loggedUsers(db)).toEqual(Array.from({ length: 600 }, (_, n) => `user-${n}`));
    expect(writer.written.rows).toBe(600);
    // The first entry goes alone (nothing to wait for), the other 599 wait and go in batches of 256: 1 + 3.
    expect(writer.written.inserts).toBe(4);
    expect(maxAuditBatch).toBe(256);
  });

  it('keeps every column of an entry as one INSERT of one row did', async () => {
    const { db } = await freshDatabase();
    await new AuditWriter(db.instance).write([entry(7)]);
    const reader = await db.connection.runAndReadAll(
      `SELECT strftime(logged_at, '%Y-%m-%dT%H:%M:%S'), username, role, via, action, target, ip, details FROM audit_log`,
    );
    expect(reader.getRows()).toEqual([['2025-01-01T12:00:07', 'user-7', 'admin', 'http', 'view_figures', 'school:S7', '127.0.0.1', '{"endpoint":"figures","n":7}']]);
  });

  it('a write resolves only when its row is committed: another connection sees it at once', async () => {
    const { db } = await freshDatabase();
    const writer = new AuditWriter(db.instance);
    void writer.write([entry(1)]);
    await writer.write([entry(2)]);
    const other = await db.instance.connect();
    try {
      const reader = await other.runAndReadAll(`SELECT count(*)::INTEGER FROM audit_log`);
      expect(reader.getRows()[0]![0]).toBe(2);
    } finally {
      other.closeSync();
    }
  });

  it('a clean close waits for every pending entry: all of them are in the file after it is closed and opened again', async () => {
    const { path, db } = await freshDatabase();
    const writer = new AuditWriter(db.instance);
    // Nobody awaits these writes: only close() stands between them and the closing of the file.
    for (let n = 0; n < 300; n++) void writer.write([entry(n)]);
    expect(writer.waiting).toBe(300);
    await writer.close();
    expect(writer.waiting).toBe(0);
    opened.splice(0).forEach((d) => d.close());
    const reopened = await openDatabase(path);
    opened.push(reopened);
    expect(await loggedUsers(reopened)).toHaveLength(300);
  });

  it('an entry with an unknown action fails its own write only, not the others of its batch', async () => {
    const { db } = await freshDatabase();
    const writer = new AuditWriter(db.instance);
    const bad = { ...entry(2), action: 'no_such_action' } as unknown as AuditEntry;
    const results = await Promise.allSettled([writer.write([entry(1)]), writer.write([bad]), writer.write([entry(3)])]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await loggedUsers(db)).toEqual(['user-1', 'user-3']);
  });
});
