/**
 * The app's settings and shared parts, resolved once by `createApp` and handed to every
 * middleware and route (`xRoutes(deps: AppContext)`). Nothing here imports a route or a
 * middleware, so the request path has no import cycle: createApp → routes → appContext.
 */
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { PseudonymKey } from '../etl/load/pseudonymKey.ts';
import type { AppDeps } from './appDeps.ts';
import { AuditWriter } from './auth/AuditWriter.ts';
import { resolveAuthConfig, type ResolvedAuthConfig } from './auth/authConfig.ts';
import { AuditThrottle } from './auth/auditThrottle.ts';
import { OidcClients } from './auth/oidc/oidcClients.ts';
import { PendingLogins } from './auth/oidc/pendingLogins.ts';
import { PlanCache } from './auth/planCache.ts';
import { SessionCache } from './auth/SessionCache.ts';
import { SchoolDirectoryCache } from './auth/SchoolDirectoryCache.ts';
import type { DirectorySchool } from './auth/viewerAccess.ts';
import { AnswerCache } from './cache/AnswerCache.ts';
import { importCounter, type DataVersion } from './cache/dataVersion.ts';
import { createQueue, QueueFullError, type Queue } from './figureQueue.ts';
import { HttpError } from './http/HttpError.ts';
import { resolveServingConfig, type ResolvedServingConfig } from './servingConfig.ts';

export interface AppContext {
  readonly instance: DuckDBInstance;
  /** Today as YYYY-MM-DD (Europe/Oslo in production): the default as-of date. */
  readonly today: () => string;
  /** Sign-in, sessions, suppression threshold, the clock. */
  readonly settings: ResolvedAuthConfig;
  readonly serving: ResolvedServingConfig;
  readonly allowAnonymousAdmin: boolean;
  readonly pseudonymKey: PseudonymKey | undefined;
  readonly auditThrottle: AuditThrottle;
  /** The requests' audit entries, written in batches; each write resolves once committed. */
  readonly auditWriter: AuditWriter;
  /** OpenID Connect: each provider's discovered configuration, and the sign-ins under way. */
  readonly oidc: { readonly clients: OidcClients; readonly pending: PendingLogins };
  /**
   * Runs a figure query (pass the username as key: users are served by turns), at most
   * `serving.concurrency` at once; a full queue throws a 503 with `Retry-After`.
   */
  readonly figureQueue: Queue;
  readonly answerCache: AnswerCache;
  /** The viewers' school-year suppression plans (auth/planCache.ts), emptied with the answers. */
  readonly planCache: PlanCache;
  /** Part of every cache key (cache/dataVersion.ts). */
  readonly dataVersion: DataVersion;
  /** Every school, read once per data version (auth/SchoolDirectoryCache.ts). */
  readonly schoolDirectory: (conn: DuckDBConnection) => Promise<readonly DirectorySchool[]>;
  /** The sessions looked up in the last moment (auth/SessionCache.ts); account writes empty it. */
  readonly sessions: SessionCache;
  /** Call after the data changed (an import): empties the answer cache, moves the version. */
  readonly dataChanged: () => void;
}

function refusingWhenFull(queue: Queue, retryAfterSeconds: number): Queue {
  return (task, key) =>
    queue(task, key).catch((error: unknown) => {
      if (!(error instanceof QueueFullError)) throw error;
      throw new HttpError(503, 'busy', { retry_after_seconds: retryAfterSeconds }, { 'Retry-After': String(retryAfterSeconds) });
    });
}

export function appContextOf(deps: AppDeps): AppContext {
  const settings = resolveAuthConfig(deps.auth);
  const serving = resolveServingConfig(deps.serving);
  const answerCache = new AnswerCache(serving.cacheEntries, serving.cacheBytes);
  const imports = importCounter();
  const planCache = new PlanCache(500);
  const directories = new SchoolDirectoryCache();
  const sessions = deps.sessions ?? new SessionCache(serving.sessionCacheMs);
  const dataVersion = deps.dataVersion ?? imports.version;
  return {
    instance: deps.instance,
    today: deps.today,
    settings,
    serving,
    allowAnonymousAdmin: deps.allowAnonymousAdmin === true,
    pseudonymKey: deps.pseudonymKey,
    auditThrottle: new AuditThrottle(settings.anonymousAuditLimit, settings.anonymousAuditWindowMs),
    auditWriter: deps.auditWriter ?? new AuditWriter(deps.instance),
    oidc: { clients: new OidcClients(), pending: new PendingLogins() },
    figureQueue: refusingWhenFull(createQueue(serving.concurrency, serving.maxWaiting), serving.retryAfterSeconds),
    answerCache,
    planCache,
    dataVersion,
    schoolDirectory: async (conn) => directories.directory(conn, await dataVersion()),
    sessions,
    dataChanged: () => {
      imports.imported();
      // A school's municipality may have moved: a rector's scope is read through it.
      sessions.changed();
      answerCache.clear();
      planCache.clear();
      directories.clear();
    },
  };
}
