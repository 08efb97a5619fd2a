/**
 * The audit trail: who signed in (or failed to), who read which school's figures, who
 * exported, imported or changed a user. Append-only: this module is the only code that
 * touches audit_log, and it has one INSERT (of one row or a batch) and one SELECT (narrowed by bound parameters). Details are short JSON of
 * parameters and counts, never passwords, tokens or data about pupils.
 */
import { BIGINT, BOOLEAN, INTEGER, LIST, listValue, VARCHAR, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import * as z from 'zod';
import { TIMESTAMP, timestampOf } from '../accounts/sqlTimestamp.ts';

export const AuditAction = z.enum([
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'rate_limited',
  'csrf_rejected',
  'access_denied',
  'view_figures',
  'view_competence',
  'view_audit',
  'export',
  'import',
  'user_add',
  'user_disable',
  'user_set_password',
  'norms_set',
  'sign_in_no_access',
  'user_change',
  'mapping_add',
  'mapping_remove',
  'mapping_change',
]);
export type AuditAction = z.infer<typeof AuditAction>;

export type AuditDetail = string | number | boolean | null;

export interface AuditEntry {
  readonly at: Date;
  /** The actor: a user's username, the operating-system user of the CLI, or null (unknown). */
  readonly username: string | null;
  readonly role: string | null;
  readonly via: 'http' | 'cli' | 'system';
  readonly action: AuditAction;
  /** What was acted on: `school:<id>`, `municipality:<name>`, a username... */
  readonly target?: string | null;
  readonly ip?: string | null;
  readonly details?: Readonly<Record<string, AuditDetail | undefined>>;
}

const maxText = 200;
const clip = (text: string) => (text.length > maxText ? `${text.slice(0, maxText)}…` : text);

/** Short JSON of the details, each text clipped; undefined values left out. */
function detailsJson(details: AuditEntry['details']): string | null {
  if (!details) return null;
  const clipped = Object.fromEntries(
    Object.entries(details)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [clip(k), typeof v === 'string' ? clip(v) : v]),
  );
  return JSON.stringify(clipped);
}

const auditColumns = ['at', 'username', 'role', 'via', 'action', 'target', 'ip', 'details'] as const;
const auditTypes: Record<(typeof auditColumns)[number], DuckDBType> = { at: TIMESTAMP, username: VARCHAR, role: VARCHAR, via: VARCHAR, action: VARCHAR, target: VARCHAR, ip: VARCHAR, details: VARCHAR };

/** One row's values by column. */
function auditValues(entry: AuditEntry): Record<(typeof auditColumns)[number], DuckDBValue> {
  return {
    at: timestampOf(entry.at),
    username: entry.username === null ? null : clip(entry.username),
    role: entry.role,
    via: entry.via,
    action: AuditAction.parse(entry.action),
    target: entry.target == null ? null : clip(entry.target),
    ip: entry.ip ?? null,
    details: detailsJson(entry.details),
  };
}

/**
 * Appends entries in one INSERT (one statement and one commit for a batch: the server's
 * AuditWriter gathers the entries of concurrent requests), in the given order. Each column
 * is one bound list, unnested side by side: eight parameters whatever the batch size (a
 * VALUES row per entry made 2,048 named parameters for a batch of 256, and binding them by
 * name took longer than the insert).
 */
export async function appendAudits(conn: DuckDBConnection, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map(auditValues);
  const values: Record<string, DuckDBValue> = {};
  const types: Record<string, DuckDBType> = {};
  for (const name of auditColumns) {
    values[name] = listValue(rows.map((row) => row[name]));
    types[name] = LIST(auditTypes[name]);
  }
  await conn.run(
    `INSERT INTO audit_log (logged_at, username, role, via, action, target, ip, details)
     SELECT unnest($at), unnest($username), unnest($role), unnest($via), unnest($action), unnest($target), unnest($ip), unnest($details)`,
    values,
    types,
  );
}

export async function appendAudit(conn: DuckDBConnection, entry: AuditEntry): Promise<void> {
  await appendAudits(conn, [entry]);
}

export interface AuditRow {
  readonly audit_id: number;
  readonly at: string;
  readonly username: string | null;
  readonly role: string | null;
  readonly via: string;
  readonly action: string;
  readonly target: string | null;
  readonly ip: string | null;
  readonly details: unknown;
}

/** The events that only record that someone looked (hidden by `hideViews`). */
export const viewAuditActions: readonly AuditAction[] = ['view_figures', 'view_competence', 'view_audit'];

/** What the log is narrowed to; every part optional, all of them must hold. */
export interface AuditQuery {
  readonly limit: number;
  /** An audit_id: only older entries (the next page). */
  readonly before?: number;
  readonly username?: string;
  readonly action?: AuditAction;
  /** An exact target, e.g. `school:<id>`. */
  readonly target?: string;
  /** Logged at or after this instant. */
  readonly since?: Date;
  /** Logged before this instant. */
  readonly until?: Date;
  /** Leave out the view events (`viewAuditActions`). */
  readonly hideViews?: boolean;
}

/** The newest entries first, narrowed by the query; `before` an audit_id to page backwards. */
export async function readAudit(conn: DuckDBConnection, options: AuditQuery): Promise<AuditRow[]> {
  const reader = await conn.runAndReadAll(
    `SELECT audit_id, strftime(logged_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS at, username, role, via, action, target, ip, details
     FROM audit_log
     WHERE ($before IS NULL OR audit_id < $before)
       AND ($username IS NULL OR username = $username)
       AND ($action IS NULL OR action = $action)
       AND ($target IS NULL OR target = $target)
       AND ($since IS NULL OR logged_at >= $since)
       AND ($until IS NULL OR logged_at < $until)
       AND (NOT $hide_views OR action NOT IN (${viewAuditActions.map((a) => `'${a}'`).join(', ')}))
     ORDER BY audit_id DESC LIMIT $limit`,
    {
      before: options.before ?? null,
      limit: options.limit,
      username: options.username ?? null,
      action: options.action ?? null,
      target: options.target ?? null,
      since: options.since ? timestampOf(options.since) : null,
      until: options.until ? timestampOf(options.until) : null,
      hide_views: options.hideViews ?? false,
    },
    { before: BIGINT, limit: INTEGER, username: VARCHAR, action: VARCHAR, target: VARCHAR, since: TIMESTAMP, until: TIMESTAMP, hide_views: BOOLEAN },
  );
  return (reader.getRowObjectsJS() as Array<Record<string, unknown>>).map((r) => ({
    audit_id: Number(r.audit_id),
    at: String(r.at),
    username: (r.username as string | null) ?? null,
    role: (r.role as string | null) ?? null,
    via: String(r.via),
    action: String(r.action),
    target: (r.target as string | null) ?? null,
    ip: (r.ip as string | null) ?? null,
    details: typeof r.details === 'string' ? JSON.parse(r.details) : null,
  }));
}
