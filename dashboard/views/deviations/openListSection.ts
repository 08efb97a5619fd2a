/**
 * The open deviations of the viewer's own schools: id, school, date, agencies, category, days
 * open and whether the answer is overdue, oldest first, sortable by any column, CSV. Never
 * free text (none is stored). The server sends the list only to viewers scoped to every
 * school asked; elsewhere the section says so.
 */
import type { DeviationDetailsAnswer, OpenDeviation } from '../../api/deviationEndpoints.ts';
import { asyncSection, type AsyncSection } from '../../components/asyncSection.ts';
import { exportButtons } from '../../components/exportButtons.ts';
import { h } from '../../components/h.ts';
import { scrollRegion } from '../../components/scrollRegion.ts';
import { sortableTable, type SortableColumn } from '../../components/sortableTable.ts';
import { fileSlug } from '../../export/download.ts';
import { formatDate } from '../../format/dateFormat.ts';
import { formatCount } from '../../format/numberFormat.ts';
import type { ViewContext } from '../viewContext.ts';
import { categoryLabel, type DeviationDetailStrings } from './detailStrings.ts';
import { agencyLabel, type DeviationStrings } from './strings.ts';

export function openListSection(ctx: ViewContext, s: DeviationStrings, d: DeviationDetailStrings, scopeName: string, load: () => Promise<DeviationDetailsAnswer | null>): AsyncSection {
  const { t, lang, meta, state } = ctx;
  const schoolName = new Map(meta.schools.map((x) => [x.school_id, x.school_name]));
  return asyncSection({
    id: 'deviations-open',
    title: d.openList,
    t,
    load: async () => {
      const answer = await load();
      if (!answer?.details) return h('p', { class: 'note', id: 'deviations-withheld', 'data-state': 'empty' }, d.withheld);
      const rows = answer.details.open_deviations;
      if (rows.length === 0) return h('p', { class: 'state', 'data-state': 'empty' }, d.noOpen);
      const f = d.fields;
      const columns: SortableColumn<OpenDeviation>[] = [
        { header: f.deviation_id, value: (r) => r.deviation_id, rowHeader: true },
        { header: f.school, value: (r) => schoolName.get(r.school_id) ?? r.school_id },
        // CSV values stay exact (ISO dates, whole numbers); the table shows them formatted.
        { header: f.date, value: (r) => r.date, text: (r) => formatDate(r.date, lang) },
        { header: f.agencies, value: (r) => r.agencies.map((a) => agencyLabel(a, s)).join(', ') },
        { header: f.category, value: (r) => categoryLabel(r.category, d), sortValue: (r) => (r.category === null ? null : categoryLabel(r.category, d)) },
        { header: f.days_open, value: (r) => r.days_open, text: (r) => formatCount(r.days_open, lang), numeric: true },
        { header: f.answer_overdue, value: (r) => (r.answer_overdue ? d.yes : d.no), sortValue: (r) => (r.answer_overdue ? 1 : 0) },
      ];
      const caption = `${d.openListCount(formatCount(rows.length, lang))} – ${scopeName}`;
      const table = sortableTable(caption, columns, rows, d.sortBy);
      table.id = 'table-deviations-open';
      return h(
        'div',
        {},
        h('p', { class: 'note' }, d.openListNote(60)),
        scrollRegion(t.tableRegion(caption), table),
        exportButtons({ name: fileSlug(d.files.openList, scopeName, state.from, state.to), title: caption, csv: { rows, columns } }, t),
      );
    },
  });
}
