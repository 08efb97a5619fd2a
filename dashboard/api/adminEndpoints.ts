/** The role-bound endpoints: the audit trail (admin) and PPT's competence efforts (PPT, admin). */
import { getArrowRows, getJson } from './http.ts';
import type { AuditEntry, AuditPage, CompetenceRow } from './types.ts';

export async function getAudit(limit = 100): Promise<AuditEntry[]> {
  return [...(await getAuditPage(limit)).entries];
}

/** One page of the audit trail, newest first; `before` (a page's `next_before`) for older ones. */
export function getAuditPage(limit = 100, before?: number): Promise<AuditPage> {
  return getJson<AuditPage>('/api/audit', { limit: String(limit), before: before === undefined ? undefined : String(before) });
}

export function getCompetence(from: string, to: string): Promise<CompetenceRow[]> {
  return getArrowRows<CompetenceRow>('/api/competence', { from, to });
}
