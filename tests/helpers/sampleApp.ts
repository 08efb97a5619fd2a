/**
 * The real app on a real DuckDB file loaded with the sample data, listening on a free port.
 * Shared by the server and browser tests; `today` is fixed so as-of defaults are deterministic.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../etl/db/openDatabase.ts';
import { importBatch } from '../../etl/load/importBatch.ts';
import { pseudonymKey } from '../../etl/load/pseudonymKey.ts';
import { createApp, type AppDeps } from '../../server/createApp.ts';
import { sampleDataDir } from '../../server/loadSampleData.ts';

export const fixedToday = '2026-11-23';

export interface SampleApp {
  readonly url: string;
  readonly db: Database;
  close(): Promise<void>;
}

export async function startSampleApp(overrides: Partial<AppDeps> = {}): Promise<SampleApp> {
  const dir = mkdtempSync(join(tmpdir(), 'rt-app-'));
  const db = await openDatabase(join(dir, 'sample.duckdb'));
  await importBatch(db.connection, [sampleDataDir], { key: pseudonymKey(Buffer.alloc(32, 7)) });
  const app = createApp({ instance: db.instance, today: () => fixedToday, ...overrides });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
