/** The role-bound endpoints: the audit trail (admin) and PPT's competence efforts (PPT, admin). */
import { getJson, type QueryParams } from './http.ts';
import type { AuditEntry, AuditPage, Competence } from './types.ts';

export async function getAudit(limit = 100): Promise<AuditEntry[]> {
  return [...(await getAuditPage(limit)).entries];
}

/** The server's filters of the audit trail (GET /api/audit): a user, an event, a school, one day in Norwegian time, views left out. */
export interface AuditQuery {
  readonly user?: string;
  readonly action?: string;
  readonly school?: string;
  readonly day?: string;
  readonly views?: false;
}

/** One page of the audit trail, newest first, narrowed by `filter`; `before` (a page's `next_before`) for older ones. */
export function getAuditPage(limit = 100, before?: number, filter: AuditQuery = {}): Promise<AuditPage> {
  return getJson<AuditPage>('/api/audit', {
    limit: String(limit),
    before: before === undefined ? undefined : String(before),
    user: filter.user,
    action: filter.action,
    school: filter.school,
    from: filter.day,
    to: filter.day,
    views: filter.views === false ? '0' : undefined,
  });
}

/** The 4c figures for a period and the viewer's scope (`municipality`, `school`, `level` narrow it). */
export function getCompetence(params: QueryParams & { from: string; to: string }): Promise<Competence> {
  return getJson<Competence>('/api/competence', params);
}
