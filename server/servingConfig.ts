/**
 * How the server shares its two cores among requests: how many figure queries run at once
 * (each on a DuckDB connection of its own), how many may wait before the next is answered
 * 503 with `Retry-After`, and how much memory the answer cache may hold.
 */
import { availableParallelism } from 'node:os';
import * as z from 'zod';

export interface ServingConfig {
  /** Figure queries running at once (default: the cores, at most 4). */
  readonly concurrency?: number;
  /** Figure queries waiting at most; one more is refused with 503 (default 256). */
  readonly maxWaiting?: number;
  /** The `Retry-After` of that 503, in seconds (default 2). */
  readonly retryAfterSeconds?: number;
  /** Answers kept in the answer cache at most (default 20,000). */
  readonly cacheEntries?: number;
  /** Bytes kept in the answer cache at most, bodies and their compressed copies (default 256 MB: the warmer's overview answers for
   * 350 municipalities take about 110 MB with their brotli copies). */
  readonly cacheBytes?: number;
  /** How long a looked-up session is used without reading it again, in ms (default 2,000; auth/SessionCache.ts). */
  readonly sessionCacheMs?: number;
  /** Compute the dashboard's first answers ahead after the start and each import (default true; cache/AnswerWarmer.ts). */
  readonly warmAnswers?: boolean;
}

export type ResolvedServingConfig = Required<ServingConfig>;

/*
 * Two queries at once pay on two cores although DuckDB spreads one query over both: a scoped
 * figure query is a few milliseconds of SQL and as much JavaScript (suppression, JSON, Arrow),
 * so one request's JavaScript runs while the other's SQL does. More than the cores only makes
 * each query slower. The waiting bound is above the 100 users of the load benchmark: they
 * should wait their turn, not be refused; a flood beyond it gets a quick 503 instead of a
 * timeout.
 */
export function resolveServingConfig(config: ServingConfig = {}): ResolvedServingConfig {
  return {
    concurrency: config.concurrency ?? Math.max(1, Math.min(4, availableParallelism())),
    maxWaiting: config.maxWaiting ?? 256,
    retryAfterSeconds: config.retryAfterSeconds ?? 2,
    cacheEntries: config.cacheEntries ?? 20_000,
    cacheBytes: config.cacheBytes ?? 256 * 1024 * 1024,
    sessionCacheMs: config.sessionCacheMs ?? 2_000,
    warmAnswers: config.warmAnswers ?? true,
  };
}

const count = (name: string) => z.coerce.number({ error: `${name} må være et heltall` }).int().min(0);

const Env = z.object({
  RT_FIGURE_CONCURRENCY: count('RT_FIGURE_CONCURRENCY').min(1).max(64).optional(),
  RT_FIGURE_QUEUE_MAX: count('RT_FIGURE_QUEUE_MAX').optional(),
  RT_CACHE_MB: count('RT_CACHE_MB').optional(),
  RT_SESSION_CACHE_MS: count('RT_SESSION_CACHE_MS').max(600_000).optional(),
  RT_WARM_ANSWERS: z.enum(['0', '1'], { error: 'RT_WARM_ANSWERS må være 0 eller 1' }).optional(),
});

/** The config from the environment; a malformed variable stops the server with its name. */
export function servingConfigFromEnv(env: NodeJS.ProcessEnv): ServingConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const e = parsed.data;
  return {
    concurrency: e.RT_FIGURE_CONCURRENCY,
    maxWaiting: e.RT_FIGURE_QUEUE_MAX,
    cacheBytes: e.RT_CACHE_MB === undefined ? undefined : e.RT_CACHE_MB * 1024 * 1024,
    sessionCacheMs: e.RT_SESSION_CACHE_MS,
    warmAnswers: e.RT_WARM_ANSWERS === undefined ? undefined : e.RT_WARM_ANSWERS === '1',
  };
}
