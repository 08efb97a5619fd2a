/** The audit trail for administrators: the latest 100 entries as a table. */
import { getAudit } from '../api/adminEndpoints.ts';
import type { AuditEntry } from '../api/types.ts';
import { asyncSection } from '../components/asyncSection.ts';
import { dataTable } from '../components/dataTable.ts';
import { h } from '../components/h.ts';
import { scrollRegion } from '../components/scrollRegion.ts';
import { formatDate } from '../format/dateFormat.ts';
import { auditTargetText } from './auditTargetText.ts';
import type { ViewContext, ViewResult } from './viewContext.ts';

/** `2026-11-23T08:15:02.123Z` → `23.11.2026 09:15:02` in Norwegian time. */
function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', dateStyle: 'short', timeStyle: 'medium' }).format(date);
  const [day, time] = local.split(' ');
  return `${formatDate(day!)} ${time ?? ''}`.trim();
}

export function logView(ctx: ViewContext): ViewResult {
  const { t } = ctx;
  const roleName = (role: string): string | undefined => (t.auth.roles as Record<string, string>)[role];
  const targetText = auditTargetText(t, ctx.meta.schools);
  const section = asyncSection({
    id: 'audit',
    title: t.audit.table,
    t,
    load: async () => {
      const entries = await getAudit(100);
      const table = dataTable<AuditEntry>(
        t.audit.table,
        [
          { header: t.audit.at, value: (e) => formatTime(e.at), rowHeader: true },
          { header: t.audit.user, value: (e) => e.username ?? '–' },
          { header: t.audit.role, value: (e) => (e.role ? (roleName(e.role) ?? e.role) : '–') },
          { header: t.audit.via, value: (e) => t.audit.vias[e.via] ?? e.via },
          // A code this dashboard does not know yet (a newer server) is shown as it is.
          { header: t.audit.action, value: (e) => (t.audit.actions as Record<string, string>)[e.action] ?? e.action },
          { header: t.audit.target, value: (e) => targetText(e.target) },
        ],
        entries,
      );
      table.id = 'table-audit';
      return scrollRegion(t.audit.table, table);
    },
  });
  const element = h('div', { class: 'view view-log' }, h('h1', {}, t.audit.heading), section.element);
  return { element, ready: section.ready };
}
