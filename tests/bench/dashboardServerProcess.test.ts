/**
 * The dashboard benchmark's server (bench/dashboardServer.ts) in its own process: it serves
 * the real app to an implicit administrator, with the year figures built before it listens,
 * and SIGTERM closes it cleanly and releases the database file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { startDashboardServer, stopDashboardServer } from '../../bench/dashboardServerProcess.ts';
import { computeFigures } from '../../etl/figures/index.ts';
import { FACTS } from '../../etl/figures/facts/factTables.ts';
import { yearFiguresTable } from '../../etl/figures/yearFigures/yearFiguresTable.ts';
import { copySampleDatabase } from '../helpers/sampleDatabase.ts';
import { testPseudonymKey } from '../helpers/testKey.ts';

const dir = mkdtempSync(join(tmpdir(), 'rt-bench-server-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bench/dashboardServer.ts', () => {
  it('answers as an administrator, keeps the year figures, and stops on SIGTERM', async () => {
    const path = join(dir, 'sample.duckdb');
    await copySampleDatabase(path, testPseudonymKey());
    const { child, url } = await startDashboardServer(path, dir, '2026-11-23');
    let body: Record<string, unknown>;
    try {
      const res = await fetch(`${url}api/figures?from=2024-08-01&to=2025-07-31&asOf=2025-07-31`);
      expect(res.status).toBe(200);
      body = (await res.json()) as Record<string, unknown>;
    } finally {
      expect(await stopDashboardServer(child)).toBe(0);
    }
    // The file is free again, and holds what the server answered from.
    const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
    const conn = await instance.connect();
    try {
      const kept = await conn.runAndReadAll(`SELECT count(*) FROM ${yearFiguresTable(FACTS)}`);
      expect(Number(kept.getRows()[0]![0])).toBeGreaterThan(0);
      const expected = await computeFigures(conn, { from: '2024-08-01', to: '2025-07-31', asOf: '2025-07-31', allowedSchools: null });
      expect(body.meetings_held).toBe(expected.meetings_held);
      expect(body.open_cases).toBe(expected.open_cases);
      expect(expected.meetings_held).toBeGreaterThan(0);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  }, 60_000);
});
