/**
 * Writes an audit entry for an HTTP request: the viewer (if any), the client's IP, the app's
 * clock. Entries of requests without a session, and rate limits, are throttled per address
 * and action and summed up (auditThrottle.ts). Given a connection, the entry is written on
 * it at once (in the caller's transaction, with the change it records); without one, it goes
 * with other requests' entries in one INSERT (AuditWriter.ts). Either way it is committed
 * when this resolves. A request the server made to itself (internalViewer.ts) writes none.
 */
import type { Request } from 'express';
import type { DuckDBConnection } from '@duckdb/node-api';
import { appendAudits, type AuditEntry } from '../../etl/audit/auditLog.ts';
import type { AppContext } from '../appContext.ts';
import { internalViewerOf } from './internalViewer.ts';
import type { RequestAudit } from './requestAudit.ts';
import type { Viewer } from './viewer.ts';

export type { RequestAudit };

export async function auditRequest(
  deps: AppContext,
  req: Request,
  viewer: Viewer | null,
  entry: RequestAudit,
  conn?: DuckDBConnection,
): Promise<void> {
  if (internalViewerOf(req)) return;
  const at = deps.settings.now();
  const record: AuditEntry = {
    at,
    username: entry.username !== undefined ? entry.username : (viewer?.username ?? null),
    role: viewer?.role ?? null,
    via: 'http',
    action: entry.action,
    target: entry.target ?? null,
    ip: req.ip ?? null,
    details: entry.details,
  };
  const throttle = deps.auditThrottle;
  const records = throttle.takeSummaries(at);
  if (viewer === null || entry.action === 'rate_limited') {
    if (throttle.admit(record.action, record.ip ?? null, at)) records.push(record);
  } else records.push(record);
  if (records.length === 0) return;
  if (conn) await appendAudits(conn, records);
  else await deps.auditWriter.write(records);
}
