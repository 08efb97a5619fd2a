/** Writes an audit entry for an HTTP request: the viewer (if any), the client's IP, the app's clock. */
import type { Request } from 'express';
import type { DuckDBConnection } from '@duckdb/node-api';
import { appendAudit, type AuditEntry } from '../../etl/audit/auditLog.ts';
import type { AppDeps } from '../createApp.ts';
import { withConnection } from '../withConnection.ts';
import { authSettings } from './authSettings.ts';
import type { Viewer } from './viewer.ts';

export interface RequestAudit {
  readonly action: AuditEntry['action'];
  readonly target?: string | null;
  readonly details?: AuditEntry['details'];
  /** The actor when it is not the signed-in viewer (a failed sign-in names the account tried). */
  readonly username?: string | null;
}

export async function auditRequest(
  deps: AppDeps,
  req: Request,
  viewer: Viewer | null,
  entry: RequestAudit,
  conn?: DuckDBConnection,
): Promise<void> {
  const record: AuditEntry = {
    at: authSettings(deps).now(),
    username: entry.username !== undefined ? entry.username : (viewer?.username ?? null),
    role: viewer?.role ?? null,
    via: 'http',
    action: entry.action,
    target: entry.target ?? null,
    ip: req.ip ?? null,
    details: entry.details,
  };
  if (conn) await appendAudit(conn, record);
  else await withConnection(deps.instance, (c) => appendAudit(c, record));
}
