/**
 * The audit trail for administrators: the latest 100 entries as a table, older ones a page
 * at a time («Vis eldre»), filtered by user, event and date (in the entries fetched so far;
 * the server pages but does not filter), with the views (figures seen) shown or hidden, and
 * the shown rows as CSV. The filters live in the page, not the URL.
 */
import { getAuditPage } from '../api/adminEndpoints.ts';
import type { AuditEntry } from '../api/types.ts';
import { asyncSection } from '../components/asyncSection.ts';
import { dataTable, type TableColumn } from '../components/dataTable.ts';
import { exportButtons } from '../components/exportButtons.ts';
import { h } from '../components/h.ts';
import { scrollRegion } from '../components/scrollRegion.ts';
import { fileSlug } from '../export/download.ts';
import { formatDate } from '../format/dateFormat.ts';
import { auditTargetText } from './auditTargetText.ts';
import { filterAudit, type AuditFilter } from './auditFilter.ts';
import type { ViewContext, ViewResult } from './viewContext.ts';

const pageSize = 100;

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
  const actionName = (action: string): string => (t.audit.actions as Record<string, string>)[action] ?? action;
  const targetText = auditTargetText(t, ctx.meta.schools);
  const columns: TableColumn<AuditEntry>[] = [
    { header: t.audit.at, value: (e) => formatTime(e.at), rowHeader: true },
    { header: t.audit.user, value: (e) => e.username ?? '–' },
    { header: t.audit.role, value: (e) => (e.role ? (roleName(e.role) ?? e.role) : '–') },
    { header: t.audit.via, value: (e) => t.audit.vias[e.via] ?? e.via },
    // A code this dashboard does not know yet (a newer server) is shown as it is.
    { header: t.audit.action, value: (e) => actionName(e.action) },
    { header: t.audit.target, value: (e) => targetText(e.target) },
  ];
  const entries: AuditEntry[] = [];
  let nextBefore: number | null = null;
  const filter: AuditFilter = { user: '', action: '', day: '', showViews: true };
  const body = h('div', {});
  const controls = h('div', { class: 'filters log-filters' });

  const draw = (): void => {
    const shown = filterAudit(entries, filter);
    const table = dataTable<AuditEntry>(t.audit.table, columns, shown);
    table.id = 'table-audit';
    const more =
      nextBefore === null
        ? null
        : h('button', { type: 'button', class: 'button', id: 'audit-older', onclick: () => void load(nextBefore!) }, t.ux.log.older);
    body.replaceChildren(
      h('p', { class: 'note', id: 'audit-count', role: 'status' }, t.ux.log.count(shown.length, entries.length)),
      scrollRegion(t.audit.table, table),
      h('div', { class: 'export-buttons' }, more),
      exportButtons({ name: fileSlug(t.ux.log.fileName), title: t.audit.table, csv: { rows: shown, columns: columns.map((c) => ({ header: c.header, value: c.value })) } }, t),
    );
  };

  const select = (id: string, label: string, options: readonly [string, string][], key: 'user' | 'action') =>
    h(
      'div',
      { class: 'field' },
      h('label', { for: id }, label),
      h(
        'select',
        { id, onchange: (e: Event) => ((filter[key] = (e.target as HTMLSelectElement).value), draw()) },
        options.map(([value, text]) => h('option', { value, selected: filter[key] === value }, text)),
      ),
    );

  const drawControls = (): void => {
    const users = [...new Set(entries.map((e) => e.username).filter((u): u is string => u !== null))].sort();
    const actions = [...new Set(entries.map((e) => e.action))].sort((a, b) => actionName(a).localeCompare(actionName(b), 'nb'));
    controls.replaceChildren(
      select('audit-user', t.audit.user, [['', t.ux.log.all], ...users.map((u) => [u, u] as [string, string])], 'user'),
      select('audit-action', t.audit.action, [['', t.ux.log.all], ...actions.map((a) => [a, actionName(a)] as [string, string])], 'action'),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'audit-day' }, t.ux.log.day),
        h('input', {
          id: 'audit-day',
          type: 'text',
          class: 'date-input',
          placeholder: t.datePlaceholder,
          value: filter.day ? formatDate(filter.day) : '',
          onchange: (e: Event) => {
            const text = (e.target as HTMLInputElement).value.trim();
            const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
            filter.day = m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : text;
            draw();
          },
        }),
      ),
      h(
        'div',
        { class: 'field field-check' },
        h('label', { for: 'audit-views' }, h('input', { id: 'audit-views', type: 'checkbox', checked: filter.showViews, onchange: (e: Event) => ((filter.showViews = (e.target as HTMLInputElement).checked), draw()) }), ` ${t.ux.log.showViews}`),
      ),
    );
  };

  const load = async (before?: number): Promise<void> => {
    const page = await getAuditPage(pageSize, before);
    entries.push(...page.entries);
    nextBefore = page.next_before;
    drawControls();
    draw();
  };

  const section = asyncSection({
    id: 'audit',
    title: t.audit.table,
    t,
    load: async () => {
      await load();
      return h('div', {}, controls, body);
    },
  });
  const element = h('div', { class: 'view view-log' }, h('h1', {}, t.audit.heading), section.element);
  return { element, ready: section.ready };
}

