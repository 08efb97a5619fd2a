/** What the audit log keeps of an import: the batch and its counts, never file contents or names. */
import type { ImportReport } from '../load/importReport.ts';
import type { AuditEntry } from './auditLog.ts';

export function importAuditDetails(report: ImportReport): NonNullable<AuditEntry['details']> {
  const sum = (pick: (f: ImportReport['files'][number]) => number) => report.files.reduce((n, f) => n + pick(f), 0);
  return {
    outcome: 'loaded',
    batch_id: report.batch_id,
    files: report.files.length,
    kinds: [...new Set(report.files.map((f) => f.kind))].join(','),
    read: sum((f) => f.read),
    inserted: sum((f) => f.inserted),
    updated: sum((f) => f.updated),
    rejected: sum((f) => f.rejected),
  };
}
