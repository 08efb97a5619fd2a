/**
 * How sign-in, sessions and suppression behave. `createApp` takes an AuthConfig (every field
 * optional, defaults below); `server/main.ts` reads it from the environment.
 */
import * as z from 'zod';
import { defaultSuppressionThreshold } from '../../etl/figures/index.ts';
import { oidcProvidersFromEnv, type OidcProviderConfig } from './oidc/oidcProviderConfig.ts';

export interface AuthConfig {
  /** Figures from fewer individual-part cases are suppressed outside the viewer's scope (default 5). */
  readonly suppressionThreshold?: number;
  /** A session unused this long ends (default 30 minutes). */
  readonly idleTimeoutMs?: number;
  /** A session ends this long after sign-in, used or not (default 8 hours). */
  readonly absoluteTimeoutMs?: number;
  /**
   * Failed sign-ins allowed per IP address in `loginWindowMs` before 429 (default 5 in 15
   * minutes). Per username, failures beyond this many in the window slow every further
   * attempt at that name instead: `loginDelayBaseMs` doubled per failure, at most
   * `loginDelayMaxMs` (defaults 1 s and 16 s).
   */
  readonly loginAttempts?: number;
  readonly loginWindowMs?: number;
  readonly loginDelayBaseMs?: number;
  readonly loginDelayMaxMs?: number;
  /**
   * Audit entries written per address and action in `anonymousAuditWindowMs` for requests
   * without a session (default 20 in 15 minutes); the rest are counted in one summary entry.
   */
  readonly anonymousAuditLimit?: number;
  readonly anonymousAuditWindowMs?: number;
  /** `POST /api/audit/export` reports allowed per user in `exportWindowMs` (default 60 in 15 minutes). */
  readonly exportLimit?: number;
  readonly exportWindowMs?: number;
  /** Express's 'trust proxy': set it when a proxy terminates HTTPS (default false). */
  readonly trustProxy?: boolean | number | string;
  /** Origins besides the app's own that may send state-changing requests (default none). */
  readonly allowedOrigins?: readonly string[];
  /** The clock, for session expiry and the audit log; injected by tests. */
  readonly now?: () => Date;
  /** OpenID Connect providers, each a button on the sign-in page (oidc/oidcProviderConfig.ts; default none). */
  readonly oidcProviders?: readonly OidcProviderConfig[];
  /**
   * Whom an unmapped user should ask for access, on the "ingen tilgang ennå" page; null: the
   * page asks for the municipality's administrator in the reader's language.
   */
  readonly accessContact?: string | null;
}

export type ResolvedAuthConfig = Required<AuthConfig>;

const minute = 60_000;

export function resolveAuthConfig(config: AuthConfig = {}): ResolvedAuthConfig {
  return {
    suppressionThreshold: config.suppressionThreshold ?? defaultSuppressionThreshold,
    idleTimeoutMs: config.idleTimeoutMs ?? 30 * minute,
    absoluteTimeoutMs: config.absoluteTimeoutMs ?? 8 * 60 * minute,
    loginAttempts: config.loginAttempts ?? 5,
    loginWindowMs: config.loginWindowMs ?? 15 * minute,
    loginDelayBaseMs: config.loginDelayBaseMs ?? 1000,
    loginDelayMaxMs: config.loginDelayMaxMs ?? 16_000,
    anonymousAuditLimit: config.anonymousAuditLimit ?? 20,
    anonymousAuditWindowMs: config.anonymousAuditWindowMs ?? 15 * minute,
    exportLimit: config.exportLimit ?? 60,
    exportWindowMs: config.exportWindowMs ?? 15 * minute,
    trustProxy: config.trustProxy ?? false,
    allowedOrigins: config.allowedOrigins ?? [],
    now: config.now ?? (() => new Date()),
    oidcProviders: config.oidcProviders ?? [],
    accessContact: config.accessContact ?? null,
  };
}

const positiveInteger = (name: string) => z.coerce.number({ error: `${name} må være et heltall` }).int().positive();

const Env = z.object({
  RT_SUPPRESSION_THRESHOLD: positiveInteger('RT_SUPPRESSION_THRESHOLD').max(1000).optional(),
  RT_SESSION_IDLE_MINUTES: positiveInteger('RT_SESSION_IDLE_MINUTES').optional(),
  RT_SESSION_MAX_HOURS: positiveInteger('RT_SESSION_MAX_HOURS').optional(),
  TRUST_PROXY: z.string().optional(),
  RT_ALLOWED_ORIGINS: z.string().optional(),
  RT_ACCESS_CONTACT: z.string().trim().min(1).max(300).optional(),
});

/** `TRUST_PROXY`: true/false, a hop count, or addresses/subnets as Express takes them. */
export function parseTrustProxy(value: string | undefined): boolean | number | string {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  return text;
}

/** The config from the environment; a malformed variable stops the server with its name. */
export function authConfigFromEnv(env: NodeJS.ProcessEnv): AuthConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const e = parsed.data;
  return {
    suppressionThreshold: e.RT_SUPPRESSION_THRESHOLD,
    idleTimeoutMs: e.RT_SESSION_IDLE_MINUTES === undefined ? undefined : e.RT_SESSION_IDLE_MINUTES * minute,
    absoluteTimeoutMs: e.RT_SESSION_MAX_HOURS === undefined ? undefined : e.RT_SESSION_MAX_HOURS * 60 * minute,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    allowedOrigins: (e.RT_ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    oidcProviders: oidcProvidersFromEnv(env),
    accessContact: e.RT_ACCESS_CONTACT?.trim() || undefined,
  };
}
