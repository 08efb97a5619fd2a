/** The role-bound endpoints: the audit trail (admin) and PPT's competence efforts (PPT, admin). */
import { getJson, type QueryParams } from './http.ts';
import type { AuditEntry, AuditPage, Competence } from './types.ts';

export async function getAudit(limit = 100): Promise<AuditEntry[]> {
  return [...(await getAuditPage(limit)).entries];
}

/** One page of the audit trail, newest first; `before` (a page's `next_before`) for older ones. */
export function getAuditPage(limit = 100, before?: number): Promise<AuditPage> {
  return getJson<AuditPage>('/api/audit', { limit: String(limit), before: before === undefined ? undefined : String(before) });
}

/** The 4c figures for a period and the viewer's scope (`municipality`, `school`, `level` narrow it). */
export function getCompetence(params: QueryParams & { from: string; to: string }): Promise<Competence> {
  return getJson<Competence>('/api/competence', params);
}
