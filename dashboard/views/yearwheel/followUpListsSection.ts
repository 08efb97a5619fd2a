/**
 * What needs follow-up now: the five lists of contract section 4b, each under a heading with
 * its count, sortable, downloadable as CSV, and an empty state that says what is fine. The
 * server sends the lists only to a viewer scoped to the school.
 */
import type { FollowUpLists } from '../../api/yearWheelTypes.ts';
import { exportButtons } from '../../components/exportButtons.ts';
import { h } from '../../components/h.ts';
import { scrollRegion } from '../../components/scrollRegion.ts';
import { sortableTable, type SortableColumn } from '../../components/sortableTable.ts';
import { fileSlug } from '../../export/download.ts';
import { formatDate } from '../../format/dateFormat.ts';
import { formatCount } from '../../format/numberFormat.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { Strings } from '../../i18n/strings.ts';
import type { YearWheelStrings } from './strings.ts';

export const listKeys = ['missed_meetings', 'overdue_evaluations', 'consent_deviations', 'meetings_missing_agenda_or_minutes', 'open_cases_by_age'] as const;
export type ListKey = (typeof listKeys)[number];

type ListRow = Readonly<Record<string, string | number | boolean | null>>;

const dateFields = new Set(['date', 'evaluation_due_date', 'first_discussion_date', 'consent_date', 'first_concern_date']);
const numberFields = new Set(['days_overdue', 'age_days']);
const codeFields = new Set(['level', 'kind']);

function column(field: string, s: YearWheelStrings, lang: Lang): SortableColumn<ListRow> {
  const header = s.fields[field] ?? field;
  // CSV values stay exact (ISO dates, whole numbers); the table shows them formatted.
  if (dateFields.has(field)) return { header, value: (r) => (r[field] as string | null) ?? null, text: (r) => (r[field] ? formatDate(String(r[field]), lang) : '–') };
  if (numberFields.has(field)) return { header, value: (r) => (r[field] as number | null) ?? null, text: (r) => formatCount(r[field] as number | null, lang), numeric: true };
  if (field === 'agenda_in_advance' || field === 'minutes_written') {
    const yesNo = (v: unknown) => (v === true ? s.yes : v === false ? s.no : s.unknown);
    return { header, value: (r) => yesNo(r[field]), sortValue: (r) => (r[field] === null ? null : r[field] ? 1 : 0) };
  }
  if (codeFields.has(field)) return { header, value: (r) => (r[field] === null ? null : (s.codes[String(r[field])] ?? String(r[field]))) };
  return { header, value: (r) => (r[field] === null ? null : String(r[field])) };
}

/** The fields of each list in the contract's order (the server sends them so). */
const fieldsOf: Record<ListKey, readonly string[]> = {
  missed_meetings: ['date', 'school_id'],
  overdue_evaluations: ['measure_id', 'case_id', 'level', 'responsible_role', 'evaluation_due_date', 'days_overdue', 'school_id'],
  consent_deviations: ['case_id', 'first_discussion_date', 'consent_date', 'school_id'],
  meetings_missing_agenda_or_minutes: ['meeting_id', 'date', 'agenda_in_advance', 'minutes_written', 'school_id'],
  open_cases_by_age: ['case_id', 'kind', 'first_concern_date', 'age_days', 'school_id'],
};

function oneList(key: ListKey, rows: readonly ListRow[], o: { s: YearWheelStrings; t: Strings; lang: Lang; fileBase: string }): HTMLElement {
  const { s } = o;
  const title = s.listCount(s.lists[key], formatCount(rows.length, o.lang));
  const headingId = `list-${key}-title`;
  const body = rows.length
    ? (() => {
        const columns = fieldsOf[key].map((f) => column(f, s, o.lang));
        const table = sortableTable(s.lists[key], columns, rows, s.sortBy);
        table.id = `list-${key}-table`;
        return h('div', {}, scrollRegion(s.lists[key], table), exportButtons({ name: fileSlug(o.fileBase, key), title: s.lists[key], csv: { rows, columns } }, o.t));
      })()
    : h('p', { class: 'list-empty', 'data-state': 'empty' }, s.empty[key]);
  return h('section', { class: 'follow-up-list', id: `list-${key}`, 'aria-labelledby': headingId, 'data-count': rows.length }, h('h3', { id: headingId }, title), body);
}

export function followUpListsContent(lists: FollowUpLists | null, o: { s: YearWheelStrings; t: Strings; lang: Lang; fileBase: string }): HTMLElement {
  if (!lists) return h('p', { class: 'note', id: 'lists-withheld' }, o.s.listsWithheld);
  return h('div', { class: 'follow-up-lists' }, listKeys.map((k) => oneList(k, lists[k] as unknown as readonly ListRow[], o)));
}
