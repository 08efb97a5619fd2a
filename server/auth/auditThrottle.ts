/**
 * Audit entries from requests without a session (failed sign-ins, CSRF refusals, rate
 * limits) cost nothing to send, so a flood would write one row per request without bound.
 * Per address and action, at most `anonymousAuditLimit` such entries are written per
 * window (default 20 in 15 minutes); the rest are counted, and once the window has passed,
 * one summary entry of the same action says how many more there were
 * (`details.more_in_window`). The summary is written by the next audit entry of any kind
 * after the window, so a flood that stops is summed up at the next request that is logged.
 * `rate_limited` entries are throttled the same way for signed-in users too.
 */
import { ipKeyGenerator } from 'express-rate-limit';
import type { AuditEntry } from '../../etl/audit/auditLog.ts';

interface Window {
  readonly action: AuditEntry['action'];
  readonly ip: string | null;
  readonly startedAt: number;
  written: number;
  omitted: number;
}

/** Windows kept at most; past it, new addresses share one window per action. */
const maxWindows = 10_000;

export class AuditThrottle {
  private readonly windows = new Map<string, Window>();
  /** The earliest end of a kept window: before it, there is nothing to sum up. */
  private earliestEnd = Infinity;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Whether the entry is written (true) or only counted (false). */
  admit(action: AuditEntry['action'], ip: string | null, now: Date): boolean {
    const address = ip === null ? 'unknown' : ipKeyGenerator(ip);
    let key = `${action} ${address}`;
    if (!this.windows.has(key) && this.windows.size >= maxWindows) key = `${action} *`;
    let window = this.windows.get(key);
    if (!window || window.startedAt + this.windowMs <= now.getTime()) {
      // An expired window with omissions is summed up by takeSummaries, called first.
      window = { action, ip: key.endsWith(' *') ? null : ip, startedAt: now.getTime(), written: 0, omitted: 0 };
      this.windows.set(key, window);
      this.earliestEnd = Math.min(this.earliestEnd, window.startedAt + this.windowMs);
    }
    if (window.written < this.limit) {
      window.written++;
      return true;
    }
    window.omitted++;
    return false;
  }

  /** Summary entries for the windows that have ended with entries left out; those windows are forgotten. */
  takeSummaries(now: Date): AuditEntry[] {
    const summaries: AuditEntry[] = [];
    if (now.getTime() < this.earliestEnd) return summaries;
    this.earliestEnd = Infinity;
    for (const [key, window] of this.windows) {
      const endsAt = window.startedAt + this.windowMs;
      if (endsAt > now.getTime()) {
        this.earliestEnd = Math.min(this.earliestEnd, endsAt);
        continue;
      }
      this.windows.delete(key);
      if (window.omitted === 0) continue;
      summaries.push({
        at: now,
        username: null,
        role: null,
        via: 'http',
        action: window.action,
        target: null,
        ip: window.ip,
        details: {
          more_in_window: window.omitted,
          window_from: new Date(window.startedAt).toISOString(),
          window_to: new Date(endsAt).toISOString(),
        },
      });
    }
    return summaries;
  }
}
