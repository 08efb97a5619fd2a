/**
 * The needs report ("Kompetansebehov"): per theme the demand across schools, the efforts on
 * it and their reach, and the schools with the largest gap; as CSV and as a printable A4
 * report titled with the municipality, the period and the date it was made. Printing the
 * report prints this section alone (body.print-needs, styles/competence.css).
 */
import { asyncSection, type AsyncSection } from '../../components/asyncSection.ts';
import { dataTable, type TableColumn } from '../../components/dataTable.ts';
import { exportButtons } from '../../components/exportButtons.ts';
import { h } from '../../components/h.ts';
import { scrollRegion } from '../../components/scrollRegion.ts';
import { demandGaps } from '../../data/competence/demandGaps.ts';
import { needsReport, type NeedsRow } from '../../data/competence/needsReport.ts';
import { rankTopics } from '../../data/competence/topicRanking.ts';
import { fileSlug } from '../../export/download.ts';
import type { CompetenceContext } from './competenceContext.ts';
import { topicLabel } from './strings.ts';

function printReport(title: string): void {
  const before = document.title;
  document.body.classList.add('print-needs');
  document.title = title;
  const done = () => {
    document.body.classList.remove('print-needs');
    document.title = before;
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

export function needsSection(c: CompetenceContext): AsyncSection {
  const { ctx, s } = c;
  const { state, meta } = ctx;
  const title = s.needsTitle(state.municipality, `${c.date(state.from)}–${c.date(state.to)}`, c.date(meta.asOf));
  return asyncSection({
    id: 'competence-needs',
    title: s.needs,
    t: ctx.t,
    load: async () => {
      const data = await c.data;
      const topics = rankTopics(data.demand);
      const rows = needsReport(data, topics, demandGaps(data, topics.map((t) => t.topic)));
      if (!rows.length) return h('p', { class: 'state', 'data-state': 'empty' }, s.noThemes);
      const columns: TableColumn<NeedsRow>[] = [
        { header: s.theme, value: (r) => topicLabel(r.topic, s), rowHeader: true },
        { header: s.schools, value: (r) => r.schools, text: (r) => c.count(r.schools), numeric: true },
        { header: s.systemCases, value: (r) => r.system_cases, text: (r) => c.count(r.system_cases), numeric: true },
        { header: s.individualCases, value: (r) => r.individual_part_cases, text: (r) => c.count(r.individual_part_cases), numeric: true },
        { header: s.systemMeasures, value: (r) => r.system_measures_started, text: (r) => c.count(r.system_measures_started), numeric: true },
        { header: s.effortsOnTheme, value: (r) => r.efforts.map((e) => e.name).join('; '), text: (r) => r.efforts.map((e) => `${e.name} (${c.share(e.share)})`).join('; ') || s.none },
        { header: s.staffReachedByEfforts, value: (r) => r.effort_staff_reached, text: (r) => c.count(r.effort_staff_reached), numeric: true },
        { header: s.gapSchools, value: (r) => r.gap_schools.join('; '), text: (r) => r.gap_schools.join(', ') },
      ];
      const table = dataTable(s.needs, columns, rows);
      table.id = 'table-competence-needs';
      const name = fileSlug('kompetansebehov', state.municipality, state.from, state.to);
      return h(
        'div',
        {},
        h('h2', { class: 'print-only report-title', id: 'needs-report-title' }, title),
        h('p', { class: 'note' }, s.needsNote),
        h('p', { class: 'note' }, s.gapRule),
        scrollRegion(ctx.t.tableRegion(s.needs), table),
        h(
          'div',
          { class: 'needs-actions' },
          exportButtons({ name, title: s.needs, csv: { rows, columns } }, ctx.t),
          h('button', { type: 'button', class: 'button', id: 'print-needs', onclick: () => printReport(title) }, s.printReport),
        ),
      );
    },
  });
}
