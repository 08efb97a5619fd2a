/** Filtering the audit entries fetched so far: by user, event and day (Norwegian time), views shown or hidden. */
import type { AuditEntry } from '../api/types.ts';

/** The events that only record that someone looked: hidden with «Vis visninger» off. */
export const viewActions: ReadonlySet<string> = new Set(['view_figures', 'view_competence', 'view_audit']);

export interface AuditFilter {
  /** A username, or '' for all. */
  user: string;
  /** An action code, or '' for all. */
  action: string;
  /** An ISO day (Europe/Oslo), or '' for all. */
  day: string;
  showViews: boolean;
}

/** The day of an instant in Norwegian time, ISO (`2026-11-23`). */
export function osloDay(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(date);
}

export function filterAudit(entries: readonly AuditEntry[], f: AuditFilter): AuditEntry[] {
  return entries.filter(
    (e) =>
      (!f.user || e.username === f.user) &&
      (!f.action || e.action === f.action) &&
      (!f.day || osloDay(e.at) === f.day) &&
      (f.showViews || !viewActions.has(e.action)),
  );
}
