/**
 * `npm start`: opens (or creates) the default database, loads the sample data when it is
 * empty, and serves the API and the dashboard on PORT (default 3000). The only listener.
 */
import { join } from 'node:path';
import { openDatabase } from '../etl/db/openDatabase.ts';
import { ensureFigureFacts } from '../etl/figures/index.ts';
import { defaultDatabasePath, projectRoot, secretPathFor } from '../etl/db/defaultPaths.ts';
import { loadOrCreatePseudonymKey } from '../etl/load/pseudonymKey.ts';
import { createApp, todayInOslo } from './createApp.ts';
import { loadSampleDataIfEmpty } from './loadSampleData.ts';

const dbPath = defaultDatabasePath();
const db = await openDatabase(dbPath);
const key = loadOrCreatePseudonymKey(secretPathFor(dbPath));
const loaded = await loadSampleDataIfEmpty(db.connection, key);
if (loaded) {
  const rows = loaded.files.reduce((n, f) => n + f.inserted, 0);
  console.log(`Tom database: lastet eksempeldata (${rows} rader) inn i ${dbPath}`);
}

// Build the figure facts before the first request instead of during it.
await ensureFigureFacts(db.connection);

const app = createApp({ instance: db.instance, dashboardDir: join(projectRoot, 'dashboard', 'dist'), today: todayInOslo });
const port = Number(process.env.PORT ?? 3000);
const server = app.listen(port, () => {
  console.log(`Ressursteam-tall kjører på http://localhost:${port}/ (database: ${dbPath})`);
});

function shutdown() {
  server.close(() => {
    db.close();
    process.exit(0);
  });
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
