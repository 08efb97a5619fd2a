/**
 * Writes an audit entry for an HTTP request: the viewer (if any), the client's IP, the app's
 * clock. Entries of requests without a session, and rate limits, are throttled per address
 * and action and summed up (auditThrottle.ts).
 */
import type { Request } from 'express';
import type { DuckDBConnection } from '@duckdb/node-api';
import { appendAudit, type AuditEntry } from '../../etl/audit/auditLog.ts';
import type { AppContext } from '../appContext.ts';
import { withConnection } from '../withConnection.ts';
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
  const write = async (c: DuckDBConnection) => {
    for (const r of records) await appendAudit(c, r);
  };
  if (conn) await write(conn);
  else await withConnection(deps.instance, write);
}
