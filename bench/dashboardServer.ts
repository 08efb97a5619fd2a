/**
 * The real app over a database, in a process of its own, for `first_chart_ms`
 * (timeDashboard.ts): the figure facts built as at server start, the year figures as the
 * server has them after its first warming pass, no answer kept in advance, an implicit
 * administrator (the bench measures speed, not access control). Prints `listening <port>`
 * once it listens; SIGTERM closes it.
 * Why a process of its own: in the benchmark's process the server shared one event loop with
 * the Playwright driver, which handles every protocol message of the page under test (and
 * reads each answer's body for its size) while the server answers it; in production the
 * server has its process to itself. Measured for issue 9, alternating, four medians of 7
 * each: 856–921 ms (mean 893) in one process, 804–936 ms (mean 863) in two.
 *
 *   node --import tsx bench/dashboardServer.ts <db> <dashboard dist> <today>
 */
import type { AddressInfo } from 'node:net';
import { openDatabase } from '../etl/db/openDatabase.ts';
import { ensureFigureFacts } from '../etl/figures/index.ts';
import { buildYearFigures } from '../etl/figures/yearFigures/buildYearFigures.ts';
import { createApp } from '../server/createApp.ts';

const [dbPath, dashboardDir, today] = process.argv.slice(2);
if (!dbPath || !dashboardDir || !today) throw new Error('usage: dashboardServer.ts <db> <dashboard dist> <today>');

const db = await openDatabase(dbPath);
await ensureFigureFacts(db.connection);
await buildYearFigures(db.connection, today);
const app = createApp({ instance: db.instance, dashboardDir, today: () => today, allowAnonymousAdmin: true });
const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => {
    db.close();
    process.exit(0);
  });
});
