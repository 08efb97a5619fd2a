/**
 * Builds the Express app from its dependencies; only server/main.ts listens. Tests import
 * this and drive it with real HTTP.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express } from 'express';
import type { DuckDBInstance } from '@duckdb/node-api';
import { errorHandler, notFound } from './http/errorHandler.ts';
import { figureRoutes } from './routes/figures.ts';
import { healthRoutes } from './routes/health.ts';
import { metaRoutes } from './routes/meta.ts';

export interface AppDeps {
  readonly instance: DuckDBInstance;
  /** The built dashboard (dashboard/dist); served when present. */
  readonly dashboardDir?: string;
  /** Today as YYYY-MM-DD: the default as-of date. Injected so tests are deterministic. */
  readonly today: () => string;
}

export function todayInOslo(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(healthRoutes(deps));
  app.use(metaRoutes(deps));
  app.use(figureRoutes(deps));
  app.use('/api', notFound);
  if (deps.dashboardDir && existsSync(deps.dashboardDir)) {
    app.use(express.static(deps.dashboardDir, { index: 'index.html', maxAge: '1h' }));
    // Client-side routes: any other GET that accepts HTML gets the app shell.
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(join(deps.dashboardDir!, 'index.html')));
  }
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
