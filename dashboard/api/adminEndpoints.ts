/** The role-bound endpoints: the audit trail (admin) and PPT's competence efforts (PPT, admin). */
import { getJson, type QueryParams } from './http.ts';
import type { AuditEntry, AuditPage, Competence } from './types.ts';

export async function getAudit(limit = 100): Promise<AuditEntry[]> {
  return [...(await getJson<AuditPage>('/api/audit', { limit: String(limit) })).entries];
}

/** The 4c figures for a period and the viewer's scope (`municipality`, `school`, `level` narrow it). */
export function getCompetence(params: QueryParams & { from: string; to: string }): Promise<Competence> {
  return getJson<Competence>('/api/competence', params);
}
