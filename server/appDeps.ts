/**
 * What `createApp` is built from. Only `createApp` reads these; it resolves them once into
 * the AppContext (appContext.ts) that every middleware and route is handed.
 */
import type { DuckDBInstance } from '@duckdb/node-api';
import type { PseudonymKey } from '../etl/load/pseudonymKey.ts';
import type { AuditWriter } from './auth/AuditWriter.ts';
import type { AuthConfig } from './auth/authConfig.ts';
import type { SessionCache } from './auth/SessionCache.ts';
import type { AnswerWarmer } from './cache/AnswerWarmer.ts';
import type { DataVersion } from './cache/dataVersion.ts';
import type { ServingConfig } from './servingConfig.ts';

export interface AppDeps {
  readonly instance: DuckDBInstance;
  /** The built dashboard (dashboard/dist); served when present. */
  readonly dashboardDir?: string;
  /** Today as YYYY-MM-DD: the default as-of date. Injected so tests are deterministic. */
  readonly today: () => string;
  /** Sign-in, sessions and suppression (defaults when absent); server/main.ts always sets it. */
  readonly auth?: AuthConfig;
  /** The figure queue and the answer cache (defaults when absent; servingConfig.ts). */
  readonly serving?: ServingConfig;
  /**
   * The data version in the answer cache's keys (cache/dataVersion.ts). Default: the imports
   * made through this app, which is exact while this process is the only writer.
   */
  readonly dataVersion?: DataVersion;
  /**
   * Tests only: a request without a session acts as an administrator. Without it, every API
   * route but GET /api/health and POST /api/session answers 401 to a client not signed in.
   */
  readonly allowAnonymousAdmin?: boolean;
  /**
   * Writes the requests' audit entries in batches (auth/AuditWriter.ts). Default: one of the
   * app's own; server/main.ts hands in its own so a clean stop can wait for it (`close()`).
   */
  readonly auditWriter?: AuditWriter;
  /**
   * The sessions looked up in the last moment (auth/SessionCache.ts). Default: one of the
   * app's own; server/main.ts hands in its own so the admin socket's user commands empty it.
   */
  readonly sessions?: SessionCache;
  /**
   * Computes the dashboard's first answers ahead, after the start and after each import
   * (cache/AnswerWarmer.ts). Default: none (tests ask for what they test); server/main.ts
   * and the load benchmark hand one in.
   */
  readonly warmer?: AnswerWarmer;
  /** The pseudonym key, for imports uploaded over HTTP (POST /api/imports); 503 without it. */
  readonly pseudonymKey?: PseudonymKey;
}
