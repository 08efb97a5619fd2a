/**
 * The real app on a real DuckDB file loaded with the sample data (a copy of one import per
 * test run: sampleDatabase.ts), listening on a free port.
 * Shared by the server and browser tests; `today` is fixed so as-of defaults are deterministic.
 * By default a request without a session acts as an administrator (`allowAnonymousAdmin`);
 * `startAuthSampleApp` runs with sign-in required and the demo users of `npm start`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../etl/db/openDatabase.ts';
import { pseudonymKey } from '../../etl/load/pseudonymKey.ts';
import type { AuthConfig } from '../../server/auth/authConfig.ts';
import { createApp, type AppDeps } from '../../server/createApp.ts';
import { createDemoUsers, type DemoUser } from '../../server/demoUsers.ts';
import { useOneThread } from './oneThread.ts';
import { copySampleDatabase } from './sampleDatabase.ts';

export const fixedToday = '2026-11-23';

export interface SampleApp {
  readonly url: string;
  readonly db: Database;
  /** The demo users (admin, kommune, ppt, rektor) when started with `demoUsers`; otherwise empty. */
  readonly users: readonly DemoUser[];
  close(): Promise<void>;
}

export interface SampleAppOptions {
  /** Create the demo users of `npm start` (one per role) before the app starts. */
  readonly demoUsers?: boolean;
  /** Listen on this port (default: a free one): the OpenID tests need the redirect URL first. */
  readonly port?: number;
}

export async function startSampleApp(overrides: Partial<AppDeps> = {}, options: SampleAppOptions = {}): Promise<SampleApp> {
  const dir = mkdtempSync(join(tmpdir(), 'rt-app-'));
  const key = pseudonymKey(Buffer.alloc(32, 7));
  const path = join(dir, 'sample.duckdb');
  await copySampleDatabase(path, key);
  const db = await openDatabase(path);
  await useOneThread(db.connection);
  const users = options.demoUsers ? await createDemoUsers(db.connection) : [];
  const app = createApp({ instance: db.instance, today: () => fixedToday, allowAnonymousAdmin: true, pseudonymKey: key, ...overrides });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(options.port ?? 0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    users,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The sample app as `npm start` runs it: sign-in required, one demo user per role. */
export function startAuthSampleApp(auth: AuthConfig = {}, overrides: Partial<AppDeps> = {}, port?: number): Promise<SampleApp> {
  return startSampleApp({ auth, allowAnonymousAdmin: false, ...overrides }, { demoUsers: true, port });
}
