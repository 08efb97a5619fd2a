/**
 * Builds the Express app from its dependencies; only server/main.ts listens. Tests import
 * this and drive it with real HTTP.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express } from 'express';
import type { DuckDBInstance } from '@duckdb/node-api';
import type { PseudonymKey } from '../etl/load/pseudonymKey.ts';
import type { AuthConfig } from './auth/authConfig.ts';
import { authSettings } from './auth/authSettings.ts';
import { authenticate, requireViewer } from './auth/authenticate.ts';
import { csrfProtection } from './auth/csrfProtection.ts';
import { errorHandler, notFound } from './http/errorHandler.ts';
import { limitUrlLength } from './http/limitUrlLength.ts';
import { noStore, securityHeaders } from './http/securityHeaders.ts';
import { auditRoutes } from './routes/audit.ts';
import { competenceRoutes } from './routes/competence.ts';
import { figureRoutes } from './routes/figures.ts';
import { followUpRoutes } from './routes/followup.ts';
import { healthRoutes } from './routes/health.ts';
import { importRoutes } from './routes/imports.ts';
import { metaRoutes } from './routes/meta.ts';
import { normsRoutes } from './routes/norms.ts';
import { sessionRoutes, signInRoutes } from './routes/session.ts';
import { yearWheelRoutes } from './routes/yearwheel.ts';

export interface AppDeps {
  readonly instance: DuckDBInstance;
  /** The built dashboard (dashboard/dist); served when present. */
  readonly dashboardDir?: string;
  /** Today as YYYY-MM-DD: the default as-of date. Injected so tests are deterministic. */
  readonly today: () => string;
  /** Sign-in, sessions and suppression (defaults when absent); server/main.ts always sets it. */
  readonly auth?: AuthConfig;
  /**
   * Tests only: a request without a session acts as an administrator. Without it, every API
   * route but GET /api/health and POST /api/session answers 401 to a client not signed in.
   */
  readonly allowAnonymousAdmin?: boolean;
  /** The pseudonym key, for imports uploaded over HTTP (POST /api/imports); 503 without it. */
  readonly pseudonymKey?: PseudonymKey;
}

export function todayInOslo(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', authSettings(deps).trustProxy);
  app.use(securityHeaders());
  app.use(limitUrlLength);
  app.use('/api', noStore, express.json({ limit: '100kb' }));
  app.use(authenticate(deps));
  app.use(csrfProtection(deps));
  app.use(healthRoutes(deps));
  app.use(signInRoutes(deps));
  // Every API route below needs a signed-in viewer (server/auth/README.md).
  app.use('/api', requireViewer);
  app.use(sessionRoutes(deps));
  app.use(metaRoutes(deps));
  app.use(figureRoutes(deps));
  app.use(followUpRoutes(deps));
  app.use(yearWheelRoutes(deps));
  app.use(normsRoutes(deps));
  app.use(competenceRoutes(deps));
  app.use(auditRoutes(deps));
  app.use(importRoutes(deps));
  app.use('/api', notFound);
  if (deps.dashboardDir && existsSync(deps.dashboardDir)) {
    // Vite names assets by content hash: cache them for good. index.html names the current
    // assets, and a rebuild deletes the old ones, so the browser must ask for it every time.
    app.use(
      express.static(deps.dashboardDir, {
        index: 'index.html',
        setHeaders: (res, path) =>
          res.setHeader('Cache-Control', path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable'),
      }),
    );
    // Client-side routes: any other GET that accepts HTML gets the app shell.
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(join(deps.dashboardDir!, 'index.html')));
  }
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
