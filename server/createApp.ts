/**
 * Builds the Express app from its dependencies; only server/main.ts listens. Tests import
 * this and drive it with real HTTP.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express } from 'express';
import { appContextOf } from './appContext.ts';
import type { AppDeps } from './appDeps.ts';
import { authenticate, requireViewer } from './auth/authenticate.ts';
import { csrfProtection } from './auth/csrfProtection.ts';
import { compressAnswers } from './http/compressAnswers.ts';
import { compressedAssets } from './http/compressedAssets.ts';
import { errorHandler, notFound } from './http/errorHandler.ts';
import { limitUrlLength } from './http/limitUrlLength.ts';
import { noStore, securityHeaders } from './http/securityHeaders.ts';
import { auditRoutes } from './routes/audit.ts';
import { competenceRoutes } from './routes/competence.ts';
import { deviationRoutes } from './routes/deviations.ts';
import { figureRoutes } from './routes/figures.ts';
import { followUpRoutes } from './routes/followup.ts';
import { healthRoutes } from './routes/health.ts';
import { importHistoryRoutes } from './routes/importHistory.ts';
import { importRoutes } from './routes/imports.ts';
import { metaRoutes } from './routes/meta.ts';
import { normsRoutes } from './routes/norms.ts';
import { oidcRoutes } from './routes/oidc.ts';
import { sessionRoutes, signInRoutes } from './routes/session.ts';
import { userRoutes } from './routes/users.ts';
import { yearWheelRoutes } from './routes/yearwheel.ts';

export type { AppDeps } from './appDeps.ts';

export function todayInOslo(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
}

/**
 * A new route: `app.use(xRoutes(context))`, where `xRoutes(deps: AppContext)` reads settings
 * from `deps.settings`, runs figure queries through `deps.figureQueue` (figureView does), and
 * puts `cacheAnswers(deps)` in front of a GET whose answer depends only on the data, the
 * query and the viewer's scope (server/README.md).
 */
export function createApp(options: AppDeps): Express {
  const deps = appContextOf(options);
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', deps.settings.trustProxy);
  app.use(securityHeaders());
  app.use(limitUrlLength);
  app.use('/api', noStore, compressAnswers, express.json({ limit: '100kb' }));
  app.use(authenticate(deps));
  app.use(csrfProtection(deps));
  app.use(healthRoutes(deps));
  app.use(signInRoutes(deps));
  app.use(oidcRoutes(deps));
  // Every API route below needs a signed-in viewer (server/auth/README.md).
  app.use('/api', requireViewer);
  app.use(sessionRoutes(deps));
  app.use(metaRoutes(deps));
  app.use(figureRoutes(deps));
  app.use(followUpRoutes(deps));
  app.use(deviationRoutes(deps));
  app.use(yearWheelRoutes(deps));
  app.use(normsRoutes(deps));
  app.use(competenceRoutes(deps));
  app.use(auditRoutes(deps));
  app.use(importRoutes(deps));
  app.use(userRoutes(deps));
  app.use(importHistoryRoutes(deps));
  app.use('/api', notFound);
  const dashboardDir = options.dashboardDir;
  if (dashboardDir && existsSync(dashboardDir)) {
    // Vite names assets by content hash: cache them for good. index.html names the current
    // assets, and a rebuild deletes the old ones, so the browser must ask for it every time.
    const cacheControl = (path: string) => (path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
    app.use(compressedAssets(dashboardDir, cacheControl));
    app.use(express.static(dashboardDir, { index: 'index.html', setHeaders: (res, path) => res.setHeader('Cache-Control', cacheControl(path)) }));
    // Client-side routes: any other GET that accepts HTML gets the app shell.
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(join(dashboardDir, 'index.html')));
  }
  app.use(notFound);
  app.use(errorHandler);
  options.warmer?.attach(app, deps);
  return app;
}
