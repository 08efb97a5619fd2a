/** The role-bound endpoints: the audit trail (admin) and PPT's competence efforts (PPT, admin). */
import { getArrowRows, getJson } from './http.ts';
import type { AuditEntry, AuditPage, CompetenceRow } from './types.ts';

export async function getAudit(limit = 100): Promise<AuditEntry[]> {
  return [...(await getJson<AuditPage>('/api/audit', { limit: String(limit) })).entries];
}

export function getCompetence(from: string, to: string): Promise<CompetenceRow[]> {
  return getArrowRows<CompetenceRow>('/api/competence', { from, to });
}
