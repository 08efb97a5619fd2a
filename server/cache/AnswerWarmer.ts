/**
 * Computes the answers the dashboard asks for first before anyone asks: after the server
 * starts and after every change of the data version (an import), the answers of each
 * viewer's start view (startViewUrls.ts): the overview's six calls (overviewUrls.ts) for
 * every municipality as an administrator sees them, then for each other scope the app's
 * users have, their own start: a municipality's or PPT's staff their municipality's
 * overview, a rector the year wheel of their school (yearWheelUrls.ts). A hundred users
 * opening the dashboard at once then get kept answers (cache/cacheAnswers.ts) instead of a
 * hundred figure queries each: one cold overview costs 40–130 ms of the two cores, a kept
 * one well under one.
 *
 * The warmer is a client of the app like any other: each answer is a real GET through the
 * whole request path (light-my-request, in this process, no socket), with the viewer marked
 * on the request (auth/internalViewer.ts), so it computes exactly what the viewer's own
 * request would, under the same cache key, through the same figure queue (two requests at a
 * time, under a name of its own, so users get their turns in between). Nothing is audited
 * for it; a viewer served the kept answer is, as for any kept answer. The figure answers are
 * asked for brotli-compressed, so the compressed copy is made ahead too.
 *
 * Before the answers, each school year's figures are computed once and kept in the database
 * (buildYearFigures), where every process finds them: a question for a whole ended school
 * year is then a lookup instead of a figure query, the start views' figures included.
 *
 * It stops a pass when the data version moves (and starts again for the new one), when the
 * answer cache is nearly full (warming would push out what users asked for), or on `stop()`.
 * A new day starts a pass too: the start views of the running school year are read as of
 * today, so yesterday's answers are not what anyone asks, and neither are its kept figures.
 */
import inject from 'light-my-request';
import type { DuckDBInstance } from '@duckdb/node-api';
import { ensureFigureFacts } from '../../etl/figures/facts/ensureFigureFacts.ts';
import { buildYearFigures } from '../../etl/figures/yearFigures/buildYearFigures.ts';
import { keptSchoolYears } from '../../etl/figures/yearFigures/keptSchoolYears.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { markInternal } from '../auth/internalViewer.ts';
import type { Viewer } from '../auth/viewer.ts';
import { withConnection } from '../withConnection.ts';
import type { AnswerCache } from './AnswerCache.ts';
import type { DataVersion } from './dataVersion.ts';
import { startViewUrls, type StartMeta } from './startViewUrls.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** What the warmer reads of the app's context (appContext.ts). */
export interface WarmDeps {
  readonly instance: DuckDBInstance;
  readonly dataVersion: DataVersion;
  readonly answerCache: AnswerCache;
  readonly today: () => string;
}

export interface WarmPass {
  readonly version: string;
  /** Answers asked for (each a 200 now kept, or already kept). */
  readonly answers: number;
  /** Answers that were not a 200 (kept neither). */
  readonly failed: number;
  readonly seconds: number;
  /** What the answer cache held at the end: answers, and bytes with their compressed copies. */
  readonly cache: { readonly answers: number; readonly bytes: number };
  /** The school years whose figures were kept in the database when the pass began (its answers for them were lookups), oldest first. */
  readonly keptYears: readonly number[];
  /** Why the pass ended early, or null when it went through. */
  readonly stopped: 'version' | 'cache_full' | 'stopped' | null;
}

/** A viewer scope to warm for: made for the warmer only (user id 0 is nobody's). */
const warmViewer = (role: Viewer['role'], municipality: string | null, schoolId: string | null): Viewer => ({
  userId: 0,
  username: 'forvarming',
  role,
  municipality,
  schoolId,
});

/** The scopes of the enabled users who are not administrators, as their sessions read them (auth/sessionStore.ts). */
async function userScopes(instance: DuckDBInstance): Promise<Viewer[]> {
  const rows = await withConnection(instance, async (conn) =>
    (
      await conn.runAndReadAll(
        `SELECT DISTINCT u.role, coalesce(u.municipality, sch.municipality) AS municipality, u.school_id
         FROM users u LEFT JOIN schools sch ON sch.school_id = u.school_id
         WHERE NOT u.disabled AND u.role <> 'admin'
         ORDER BY ALL`,
      )
    ).getRowsJS(),
  );
  return rows.map(([role, municipality, school]) => warmViewer(role as Viewer['role'], (municipality as string | null) ?? null, (school as string | null) ?? null));
}

/**
 * Express gives each response its own prototype (app.response), which hides the methods
 * light-my-request's response catches the body with: kept as the object's own properties,
 * they stay in front.
 */
function keepOwnMethods(res: ServerResponse): void {
  const proto = Object.getPrototypeOf(res) as Record<string, unknown>;
  const own = res as unknown as Record<string, unknown>;
  for (const name of ['setTimeout', 'writeHead', 'write', 'end', 'destroy', 'addTrailers']) {
    if (typeof proto[name] === 'function') own[name] = proto[name];
  }
}

export class AnswerWarmer {
  private app: Handler | null = null;
  private deps: WarmDeps | null = null;
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** The data version and day last warmed: the start views and the running year are read as of today. */
  private warmed: string | null = null;
  /** The passes so far, newest last (the bench and the log read them). */
  readonly passes: WarmPass[] = [];
  /** The school years whose year figures each round left kept, newest first (one entry per round, before its pass). */
  readonly keptYears: number[][] = [];

  /**
   * @param pollMs how often the data version is looked at between passes.
   * @param lanes requests in flight at once: two keep both of the figure queue's slots busy
   *   on a quiet server; the queue still gives a user's request the next free slot.
   */
  constructor(
    readonly pollMs = 5_000,
    readonly lanes = 2,
  ) {}

  /** Called by createApp: starts the first pass and watches the data version. */
  attach(app: Handler, deps: WarmDeps): void {
    this.app = app;
    this.deps = deps;
    this.kick();
    this.timer = setInterval(() => this.kick(), this.pollMs);
    this.timer.unref();
  }

  /** Starts a pass unless one runs or the version is warm already for today. */
  kick(): void {
    if (this.stopped || !this.app || this.running) return;
    this.running = this.loop()
      .catch((error: unknown) => {
        // A failed pass (the database closing under it) leaves the cache as users fill it.
        if (!this.stopped) console.error(`Forvarming av svar stoppet: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        this.running = null;
      });
  }

  /** Resolves when no pass runs: the current version is warm, or the warmer gave up on it. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  /** No new pass; the one under way ends after its current request. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.settled();
  }

  private async loop(): Promise<void> {
    const deps = this.deps!;
    for (;;) {
      const version = await deps.dataVersion();
      const today = deps.today();
      if (this.stopped || `${version} ${today}` === this.warmed) return;
      // First every school year's figures, kept in the database (etl/figures/yearFigures/):
      // the start views read a whole school year, so with them kept the pass below asks for
      // lookups, not figure queries, and any other process finds them too. The running year
      // and the last ended one (the dashboard's default) are built first, in seconds.
      const keep = await withConnection(deps.instance, (conn) =>
        buildYearFigures(conn, today, { shouldStop: async () => this.stopped || (await deps.dataVersion()) !== version }),
      );
      this.keptYears.push(keep);
      if (this.stopped) return;
      if ((await deps.dataVersion()) !== version) continue;
      const pass = await this.pass(version);
      this.passes.push(pass);
      if (pass.stopped === 'stopped') return;
      if (pass.stopped === 'version') continue;
      // A pass cut short by a full cache counts as done: another would push out the same answers.
      this.warmed = `${version} ${today}`;
    }
  }

  private async pass(version: string): Promise<WarmPass> {
    const deps = this.deps!;
    const started = performance.now();
    const keptYears = await withConnection(deps.instance, async (conn) => keptSchoolYears(conn, await ensureFigureFacts(conn)));
    let answers = 0;
    let failed = 0;
    let stopped: WarmPass['stopped'] = null;
    const items: Array<{ url: string; viewer: Viewer }> = [];
    for (const viewer of [warmViewer('admin', null, null), ...(await userScopes(deps.instance))]) {
      const meta = await this.get('/api/meta?form=columns', viewer);
      if (meta.statusCode !== 200) {
        failed++;
        continue;
      }
      for (const url of startViewUrls(viewer, JSON.parse(meta.payload) as StartMeta)) items.push({ url, viewer });
    }
    let next = 0;
    const lane = async () => {
      while (next < items.length && stopped === null) {
        if (this.stopped) stopped = 'stopped';
        else if ((await deps.dataVersion()) !== version) stopped = 'version';
        else if (deps.answerCache.bytes > 0.8 * deps.answerCache.maxBytes || deps.answerCache.size >= 0.9 * deps.answerCache.maxEntries) stopped = 'cache_full';
        if (stopped !== null) return;
        const { url, viewer } = items[next++]!;
        if ((await this.get(url, viewer)).statusCode === 200) answers++;
        else failed++;
      }
    };
    await Promise.all(Array.from({ length: this.lanes }, lane));
    return { version, answers, failed, keptYears, seconds: (performance.now() - started) / 1000, cache: { answers: deps.answerCache.size, bytes: deps.answerCache.bytes }, stopped };
  }

  private get(url: string, viewer: Viewer) {
    const app = this.app!;
    return inject(
      (req, res) => {
        markInternal(req, viewer);
        keepOwnMethods(res);
        app(req, res);
      },
      { method: 'GET', url, headers: { accept: 'application/json', ...(url.startsWith('/api/meta') ? {} : { 'accept-encoding': 'br' }) } },
    );
  }
}
