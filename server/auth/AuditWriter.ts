/**
 * The server's audit writes, gathered: every request that is answered writes an audit entry
 * (each figure view, each cached answer), and one INSERT with its own commit per request
 * cost more than the rest of a cached answer. Entries that arrive while a batch is being
 * written wait and go together in the next INSERT (group commit): one statement for a
 * crowd of requests, none for a quiet server to wait on beyond its own.
 *
 * Each `write` resolves only when its entries are committed, and the request awaits it
 * before it answers, so an answer is never sent without its audit row: a crash loses no
 * row of an answered request (only those of requests still unanswered, whose answer is
 * lost with them). `close` waits for every pending entry: a clean stop loses nothing.
 */
import type { DuckDBInstance } from '@duckdb/node-api';
import { AuditAction, appendAudits, type AuditEntry } from '../../etl/audit/auditLog.ts';
import { withConnection } from '../withConnection.ts';

interface Pending {
  readonly entry: AuditEntry;
  readonly done: (error?: unknown) => void;
}

/** At most this many rows per INSERT (8 bound values each). */
export const maxAuditBatch = 256;

export class AuditWriter {
  private pending: Pending[] = [];
  private flushing: Promise<void> | null = null;
  /** INSERT statements run and rows written so far (how well the batching works). */
  readonly written = { inserts: 0, rows: 0 };

  constructor(private readonly instance: DuckDBInstance) {}

  /** Appends the entries, in order; resolves when they are committed (rejects if the INSERT failed). */
  write(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    // Checked here, so a bad entry fails its own request, not the batch it would have joined.
    const bad = entries.find((entry) => !AuditAction.safeParse(entry.action).success);
    if (bad) return Promise.reject(new Error(`unknown audit action: ${String(bad.action)}`));
    const written = entries.map(
      (entry) => new Promise<void>((resolve, reject) => this.pending.push({ entry, done: (error) => (error === undefined ? resolve() : reject(error)) })),
    );
    this.flushing ??= this.flush();
    return Promise.all(written).then(() => undefined);
  }

  /** Entries waiting or being written. */
  get waiting(): number {
    return this.pending.length;
  }

  /** Resolves when every entry written so far is committed (a clean stop calls it before closing the database). */
  async close(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flush(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.slice(0, maxAuditBatch);
        let failure: unknown;
        try {
          await withConnection(this.instance, (conn) => appendAudits(conn, batch.map((p) => p.entry)));
          this.written.inserts++;
          this.written.rows += batch.length;
        } catch (error) {
          failure = error ?? new Error('audit insert failed');
        }
        // Taken off the list only once written, so `waiting` counts them until then.
        this.pending = this.pending.slice(batch.length);
        for (const p of batch) p.done(failure);
      }
    } finally {
      this.flushing = null;
    }
  }
}
