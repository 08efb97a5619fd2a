/**
 * The audit trail for administrators: the latest 100 entries that match the filters as a
 * table, older ones a page at a time («Vis eldre»), filtered by user, event, school and day
 * with the views (figures seen) shown or hidden, and the shown rows as CSV. The server does
 * the filtering (GET /api/audit), so paging goes through the whole log, and the filters are
 * in the URL (`logUser`, `logAction`, `logSchool`, `logDay`, `logViews=0`): a link shows the
 * same, each change is a history entry.
 */
import '../styles/log.css';
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
import { parseDate } from '../format/dateFormat.ts';
import type { Lang } from '../i18n/lang.ts';
import type { LogFilter } from '../state/dashboardState.ts';
import { logStrings } from './logStrings.ts';
import type { ViewContext, ViewResult } from './viewContext.ts';

const pageSize = 100;

/** `2026-11-23T08:15:02.123Z` → `23.11.2026 09:15:02` in Norwegian time (in Swedish `2026-11-23 09:15:02`). */
function formatTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', dateStyle: 'short', timeStyle: 'medium' }).format(date);
  const [day, time] = local.split(' ');
  return `${formatDate(day!, lang)} ${time ?? ''}`.trim();
}

/** The filters in the CSV's file name (issue 12: a file says what it holds), in the filter bar's order. */
function logFileParts(filter: LogFilter): string[] {
  return [filter.user, filter.action, filter.school, filter.day].filter((part): part is string => part !== undefined && part !== '');
}

export function logView(ctx: ViewContext): ViewResult {
  const { t } = ctx;
  const ls = logStrings(ctx.lang);
  const roleName = (role: string): string | undefined => (t.auth.roles as Record<string, string>)[role];
  const actionName = (action: string): string => (t.audit.actions as Record<string, string>)[action] ?? action;
  const targetText = auditTargetText(t, ctx.meta.schools);
  const columns: TableColumn<AuditEntry>[] = [
    { header: t.audit.at, value: (e) => formatTime(e.at, ctx.lang), rowHeader: true },
    { header: t.audit.user, value: (e) => e.username ?? '–' },
    { header: t.audit.role, value: (e) => (e.role ? (roleName(e.role) ?? e.role) : '–') },
    { header: t.audit.via, value: (e) => t.audit.vias[e.via] ?? e.via },
    // A code this dashboard does not know yet (a newer server) is shown as it is.
    { header: t.audit.action, value: (e) => actionName(e.action) },
    { header: t.audit.target, value: (e) => targetText(e.target) },
  ];
  const filter: LogFilter = ctx.state.log ?? {};
  const entries: AuditEntry[] = [];
  let nextBefore: number | null = null;
  const body = h('div', {});
  // Arrow keys in a select share one history entry (`coalesce`), as in the filter bar.
  const change = (patch: Partial<Record<keyof LogFilter, string | false | undefined>>, coalesce?: string): void => {
    const next = Object.fromEntries(Object.entries({ ...filter, ...patch }).filter(([, v]) => v !== undefined && v !== '')) as LogFilter;
    ctx.navigate({ log: Object.keys(next).length ? next : undefined }, coalesce ? { coalesce } : {});
  };

  const draw = (): void => {
    const table = dataTable<AuditEntry>(t.audit.table, columns, entries);
    table.id = 'table-audit';
    const more =
      nextBefore === null
        ? null
        : h('button', { type: 'button', class: 'button', id: 'audit-older', onclick: () => void load(nextBefore!) }, t.ux.log.older);
    body.replaceChildren(
      h('p', { class: 'note', id: 'audit-count', role: 'status' }, ls.count(entries.length, nextBefore !== null)),
      scrollRegion(t.audit.table, table),
      h('div', { class: 'export-buttons' }, more),
      exportButtons({ name: fileSlug(t.ux.log.fileName, ...logFileParts(filter)), title: t.audit.table, csv: { rows: entries, columns: columns.map((c) => ({ header: c.header, value: c.value })) } }, t),
    );
  };

  const select = (id: string, label: string, options: readonly [string, string][], value: string, key: 'action' | 'school') =>
    h(
      'div',
      { class: 'field' },
      h('label', { for: id }, label),
      h(
        'select',
        { id, onchange: (e: Event) => change({ [key]: (e.target as HTMLSelectElement).value }, id) },
        options.map(([v, text]) => h('option', { value: v, selected: value === v }, text)),
      ),
    );

  const dayMessage = h('p', { class: 'field-problem', id: 'audit-day-message', role: 'alert' });
  const actions = Object.keys(t.audit.actions).sort((a, b) => actionName(a).localeCompare(actionName(b), ctx.lang));
  const controls = h(
    'div',
    { class: 'filters log-filters' },
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'audit-user' }, t.audit.user),
      h('input', {
        id: 'audit-user',
        type: 'text',
        class: 'log-user-input',
        value: filter.user ?? '',
        placeholder: ls.anyone,
        title: ls.userHint,
        autocomplete: 'off',
        onchange: (e: Event) => change({ user: (e.target as HTMLInputElement).value.trim() }),
      }),
    ),
    select('audit-action', t.audit.action, [['', t.ux.log.all], ...actions.map((a) => [a, actionName(a)] as [string, string])], filter.action ?? '', 'action'),
    select('audit-school', ls.school, [['', t.ux.log.all], ...ctx.meta.schools.map((s) => [s.school_id, `${s.school_name} (${s.municipality})`] as [string, string])], filter.school ?? '', 'school'),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'audit-day' }, t.ux.log.day),
      h('input', {
        id: 'audit-day',
        type: 'text',
        class: 'date-input',
        placeholder: t.datePlaceholder,
        value: filter.day ? formatDate(filter.day, ctx.lang) : '',
        'aria-describedby': 'audit-day-message',
        onchange: (e: Event) => {
          const input = e.target as HTMLInputElement;
          const text = input.value.trim();
          const day = text === '' ? '' : parseDate(text);
          if (day === null) {
            // The bad text stays to be corrected; the log keeps the last good selection.
            input.setAttribute('aria-invalid', 'true');
            dayMessage.textContent = ls.badDay(text);
            return;
          }
          change({ day });
        },
      }),
      dayMessage,
    ),
    h(
      'div',
      { class: 'field field-check' },
      h('label', { for: 'audit-views' }, h('input', { id: 'audit-views', type: 'checkbox', checked: filter.views !== false, onchange: (e: Event) => change({ views: (e.target as HTMLInputElement).checked ? undefined : false }) }), ` ${t.ux.log.showViews}`),
    ),
    ctx.state.log ? h('button', { type: 'button', class: 'button button-small', id: 'audit-clear', onclick: () => ctx.navigate({ log: undefined }) }, ls.clear) : null,
  );

  const load = async (before?: number): Promise<void> => {
    const page = await getAuditPage(pageSize, before, filter);
    entries.push(...page.entries);
    nextBefore = page.next_before;
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
