/** What a request writes to the audit log, before the app adds who, when and from where. */
import type { AuditEntry } from '../../etl/audit/auditLog.ts';

export interface RequestAudit {
  readonly action: AuditEntry['action'];
  readonly target?: string | null;
  readonly details?: AuditEntry['details'];
  /** The actor when it is not the signed-in viewer (a failed sign-in names the account tried). */
  readonly username?: string | null;
}
