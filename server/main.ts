/**
 * `npm start`: opens (or creates) the default database, loads the sample data when it is
 * empty (with one demo user per role, whose passwords it prints this once), and serves the
 * API and the dashboard on PORT (default 3000). The only listener. Sign-in, sessions and
 * suppression are configured from the environment (server/auth/authConfig.ts), the figure
 * queue and the answer cache too (server/servingConfig.ts).
 *
 * With `RT_SNAPSHOT=<file>` it serves a read-only snapshot instead, as one of several
 * processes behind a load balancer: RT_DB is then the process's own small database for its
 * sessions and audit log (etl/db/openSnapshot.ts); nothing is imported or created.
 *
 * Beside the database it listens on an admin socket (server/adminSocket.ts, owner-only, no
 * network port) for the command line's `user` commands, which cannot open the file while
 * this process holds DuckDB's lock. Not in snapshot mode, where the accounts are read-only.
 */
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { openDatabase } from '../etl/db/openDatabase.ts';
import { openSnapshot } from '../etl/db/openSnapshot.ts';
import { ensureFigureFacts } from '../etl/figures/index.ts';
import { defaultDatabasePath, projectRoot, secretPathFor } from '../etl/db/defaultPaths.ts';
import { sweepAbandonedTempDirs } from '../etl/load/importTempDir.ts';
import { loadOrCreatePseudonymKey } from '../etl/load/pseudonymKey.ts';
import { adminSocketPathFor } from '../etl/accounts/adminSocketPath.ts';
import { countUsers } from '../etl/accounts/userStore.ts';
import { listenAdminSocket } from './adminSocket.ts';
import { SessionCache } from './auth/SessionCache.ts';
import { AnswerWarmer } from './cache/AnswerWarmer.ts';
import { AuditWriter } from './auth/AuditWriter.ts';
import { authConfigFromEnv } from './auth/authConfig.ts';
import { createApp, todayInOslo } from './createApp.ts';
import { resolveServingConfig, servingConfigFromEnv } from './servingConfig.ts';
import { createDemoUsers, describeDemoUsers } from './demoUsers.ts';
import { loadSampleDataIfEmpty } from './loadSampleData.ts';

// Uploads and import copies left by a server or an import that was killed may hold personal data.
sweepAbandonedTempDirs();
const dbPath = defaultDatabasePath();
const snapshot = process.env.RT_SNAPSHOT || undefined;
const db = snapshot ? await openSnapshot(snapshot, dbPath) : await openDatabase(dbPath);
// A snapshot is never written: without the key, POST /api/imports answers 503.
const key = snapshot ? undefined : loadOrCreatePseudonymKey(secretPathFor(dbPath));
const loaded = key ? await loadSampleDataIfEmpty(db.connection, key) : null;
if (snapshot) {
  console.log(`Leser øyeblikksbildet ${snapshot} (skrivebeskyttet); økter og revisjonslogg i ${dbPath}`);
} else if (loaded) {
  const rows = loaded.files.reduce((n, f) => n + f.inserted, 0);
  console.log(`Tom database: lastet eksempeldata (${rows} rader) inn i ${dbPath}`);
  if ((await countUsers(db.connection)) === 0) console.log(describeDemoUsers(await createDemoUsers(db.connection)));
} else if ((await countUsers(db.connection)) === 0) {
  console.log('Ingen brukere ennå: legg til en med `npm run --silent etl -- user add <navn> --role admin`.');
}

// Build the figure facts before the first request instead of during it.
await ensureFigureFacts(db.connection);

const auth = authConfigFromEnv(process.env);
const serving = servingConfigFromEnv(process.env);
// Audit entries are written in batches: a clean stop waits for the last one (shutdown below).
const auditWriter = new AuditWriter(db.instance);
// Kept sessions are forgotten when the admin socket changes accounts (auth/SessionCache.ts).
const sessions = new SessionCache(resolveServingConfig(serving).sessionCacheMs);
// The overview's answers for every municipality, computed while nobody waits (cache/AnswerWarmer.ts).
const warmer = resolveServingConfig(serving).warmAnswers ? new AnswerWarmer() : undefined;
const app = createApp({ instance: db.instance, dashboardDir: join(projectRoot, 'dashboard', 'dist'), today: todayInOslo, auth, serving, pseudonymKey: key, auditWriter, sessions, warmer });
void warmer?.settled().then(() => {
  // In the order the warmer did them: the year figures first, then the start views' answers.
  const years = warmer.keptYears.at(-1);
  if (years?.length) console.log(`Årstall lagret for ${years.length} skoleår`);
  const pass = warmer.passes.at(-1);
  if (pass) console.log(`Forvarmet ${pass.answers} svar på ${pass.seconds.toFixed(1)} s`);
});
// The CLI's way in while this process holds the database's lock.
const socketPath = snapshot ? null : adminSocketPathFor(dbPath);
if (!snapshot && socketPath === null) console.log(`Stien til databasen er for lang for en administrasjonskontakt: stopp serveren før \`etl -- user\`.`);
const adminSocket = socketPath ? await listenAdminSocket(db.instance, socketPath, () => sessions.changed()) : null;
if (adminSocket) console.log(`Administrasjonskontakt for \`etl -- user\`: ${socketPath}`);

const port = Number(process.env.PORT ?? 3000);
const server = app.listen(port, () => {
  // The port actually bound (PORT=0 picks a free one: the snapshot test reads it here).
  const bound = (server.address() as AddressInfo).port;
  console.log(`Ressursteam-tall kjører på http://localhost:${bound}/ (database: ${snapshot ?? dbPath})`);
});

function shutdown() {
  adminSocket?.close();
  // The warmer's request under way finishes before the database closes.
  const warmed = warmer?.stop() ?? Promise.resolve();
  server.close(() => {
    // Every request has awaited its own entries; this covers any write still under way.
    void warmed
      .then(() => auditWriter.close())
      .finally(() => {
        db.close();
        process.exit(0);
      });
  });
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
