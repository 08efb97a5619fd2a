/**
 * A server process for the kill test: opens the database, prints what it holds (cases per id
 * prefix, import batches, whether a query answers), then serves the real app (anonymous
 * administrator) on a free port and prints `READY <port> <json>`.
 *
 *   node --import tsx tests/helpers/importServer.ts <db>
 */
import type { AddressInfo } from 'node:net';
import { openDatabase } from '../../etl/db/openDatabase.ts';
import { pseudonymKey } from '../../etl/load/pseudonymKey.ts';
import { createApp } from '../../server/createApp.ts';

const [dbPath] = process.argv.slice(2);
// A safety net: never outlive a test that forgot to kill us.
setTimeout(() => process.exit(3), 120_000).unref();
const db = await openDatabase(dbPath!);
const rows = async (sql: string) => (await db.connection.runAndReadAll(sql)).getRowObjectsJson();
const state = {
  cases: Object.fromEntries((await rows(`SELECT split_part(case_id, '-', 1) AS p, count(*)::INTEGER AS n FROM cases GROUP BY p`)).map((r) => [r.p, r.n])),
  quarantine: Object.fromEntries((await rows(`SELECT batch_id, count(*)::INTEGER AS n FROM quarantine GROUP BY batch_id`)).map((r) => [r.batch_id, r.n])),
  batches: (await rows('SELECT batch_id, rows_read::INTEGER AS rows_read, rejected::INTEGER AS rejected FROM import_batches ORDER BY batch_id')),
};
const app = createApp({ instance: db.instance, today: () => '2026-11-23', allowAnonymousAdmin: true, pseudonymKey: pseudonymKey(Buffer.alloc(32, 5)) });
const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write(`READY ${(server.address() as AddressInfo).port} ${JSON.stringify(state)}\n`);
});
