/**
 * The deviation report for the regional level (`?view=deviationreport`, linked from the
 * deviations page, not in the menu): for the chosen period and municipality, on one A4
 * portrait page (deviationReport.css), the 4d key figures of the municipality, the same per
 * school, the deviations per agency and per category side by side, and the pairs of agencies
 * as a matrix. Numbers only:
 * no single deviation is named (the list of open deviations stays on the page). Figures
 * the server hides are "skjult"; the pairs and categories only where the viewer is scoped to
 * the municipality or the school (as on the page). The per-school table downloads as CSV;
 * the page prints (or saves as PDF) as it looks.
 */
import { getDeviationDetails, type CategoryCount, type DeviationDetailsAnswer } from '../../api/deviationEndpoints.ts';
import { getFigures, getFiguresBy } from '../../api/endpoints.ts';
import type { FigureRow, FigureSpec } from '../../api/types.ts';
import { asyncSection } from '../../components/asyncSection.ts';
import { dataTable, type TableColumn } from '../../components/dataTable.ts';
import { exportButtons } from '../../components/exportButtons.ts';
import { h } from '../../components/h.ts';
import { navLink } from '../../components/navLink.ts';
import { scrollRegion } from '../../components/scrollRegion.ts';
import { agencyCounts, parseAgencyCounts, type AgencyCount } from '../../data/deviations/agencyCounts.ts';
import { detailScope } from '../../data/deviations/detailScope.ts';
import { pairMatrix } from '../../data/deviations/pairMatrix.ts';
import { figureValue } from '../../data/figureValue.ts';
import { fileSlug } from '../../export/download.ts';
import { formatDate } from '../../format/dateFormat.ts';
import { formatCount, formatFigure } from '../../format/numberFormat.ts';
import { figureLabel } from '../../i18n/strings.ts';
import { effectiveAsOf, figureParams } from '../../state/figureParams.ts';
import { schoolsInScope } from '../schoolsInScope.ts';
import type { ViewContext, ViewResult } from '../viewContext.ts';
import { categoryLabel, deviationDetailStrings } from './detailStrings.ts';
import { pairMatrixTable } from './pairMatrixTable.ts';
import { agencyLabel, deviationStrings } from './strings.ts';
import '../../styles/deviationReport.css';

export function deviationReportView(ctx: ViewContext): ViewResult {
  const { state, meta, t, lang } = ctx;
  const s = deviationStrings(lang);
  const d = deviationDetailStrings(lang);
  const m = state.municipality;
  const specs = meta.deviation_figures;
  const params = figureParams(state, meta.asOf, { municipality: m });
  const own = detailScope(m, schoolsInScope(meta, m, state.level));
  const details: Promise<DeviationDetailsAnswer | null> =
    own === null ? Promise.resolve(null) : getDeviationDetails(figureParams(state, meta.asOf, 'school' in own ? { school: own.school } : { municipality: m }));
  const value = (row: FigureRow, spec: FigureSpec) => {
    const v = figureValue(row, spec);
    return v.state === 'suppressed' ? s.hidden : v.state === 'missing' ? '–' : formatFigure(v.value, spec.kind, lang);
  };
  const csvValue = (row: FigureRow, spec: FigureSpec) => {
    const v = figureValue(row, spec);
    return v.state === 'value' ? v.value : null;
  };

  const figures = asyncSection({
    id: 'report-figures',
    title: d.report.keyFigures,
    t,
    load: async () => {
      const [total, bySchool] = await Promise.all([getFigures(params), getFiguresBy(params, 'school')]);
      const totalTable = dataTable<FigureSpec>(
        d.report.keyFigures,
        [
          { header: d.report.figure, value: (spec) => figureLabel(spec, lang), rowHeader: true },
          { header: t.municipalityTotal(m), value: (spec) => csvValue(total, spec), text: (spec) => value(total, spec), numeric: true },
        ],
        specs,
      );
      totalTable.id = 'report-total';
      const name = (r: FigureRow) => r.school_name ?? r.school_id ?? '';
      const schoolColumns: TableColumn<FigureRow>[] = [
        { header: t.schoolColumn, value: name, rowHeader: true },
        ...specs.map((spec): TableColumn<FigureRow> => ({ header: figureLabel(spec, lang), value: (r) => csvValue(r, spec), text: (r) => value(r, spec), numeric: true })),
      ];
      const rows = [...bySchool, { ...total, school_name: t.municipalityTotal(m) }];
      const schoolTable = dataTable(`${d.report.bySchool} – ${m}`, schoolColumns, rows);
      schoolTable.id = 'report-schools';
      return h(
        'div',
        {},
        scrollRegion(t.tableRegion(d.report.keyFigures), totalTable),
        h('h2', {}, d.report.bySchool),
        scrollRegion(t.tableRegion(`${d.report.bySchool} – ${m}`), schoolTable),
        h('div', { class: 'screen-only' }, exportButtons({ name: fileSlug(d.files.report, m, state.from, state.to), title: `${d.report.heading(m)} – ${d.report.bySchool}`, csv: { rows, columns: schoolColumns } }, t)),
      );
    },
  });

  function agencyTable(total: FigureRow): HTMLElement {
    const byAgency = parseAgencyCounts((total as FigureRow & { deviations_by_agency?: unknown }).deviations_by_agency);
    const body = byAgency === null
      ? h('p', { class: 'note' }, s.hiddenAgencies)
      : dataTable<AgencyCount>(s.byAgency, [
          { header: s.agency, value: (r) => agencyLabel(r.agency, s), rowHeader: true },
          { header: s.deviations, value: (r) => r.count, text: (r) => formatCount(r.count, lang), numeric: true },
        ], agencyCounts(byAgency));
    return h('div', { class: 'report-block' }, h('h3', {}, s.byAgency), body instanceof HTMLTableElement ? scrollRegion(t.tableRegion(s.byAgency), body) : body);
  }

  const breakdowns = asyncSection({
    id: 'report-breakdowns',
    title: d.report.breakdown,
    t,
    load: async () => {
      const [total, answer] = await Promise.all([getFigures(params), details]);
      const count = (n: number) => formatCount(n, lang);
      if (!answer?.details) return h('div', {}, agencyTable(total), h('p', { class: 'note' }, d.withheld));
      const categories = dataTable<CategoryCount>(d.categories, [
        { header: d.fields.category, value: (r) => categoryLabel(r.category, d), rowHeader: true },
        ...(['reported', 'open', 'answer_overdue'] as const).map((k): TableColumn<CategoryCount> => ({ header: d.categoryColumns[k], value: (r) => r[k], text: (r) => count(r[k]), numeric: true })),
      ], answer.details.categories);
      categories.id = 'report-categories';
      const matrix = pairMatrix(answer.details.agency_pairs);
      const pairs = matrix.cells.length ? pairMatrixTable(d.pairs, matrix, (c) => agencyLabel(c, s), count) : h('p', {}, d.noPairs);
      pairs.id = 'report-pairs';
      return h(
        'div',
        {},
        h('div', { class: 'report-pair-row' }, agencyTable(total), h('div', { class: 'report-block' }, h('h3', {}, d.categories), scrollRegion(t.tableRegion(d.categories), categories))),
        h('div', { class: 'report-block' }, h('h3', {}, d.pairs), scrollRegion(t.tableRegion(d.pairs), pairs)),
      );
    },
  });

  const made = formatDate(meta.asOf, lang);
  const element = h(
    'div',
    { class: 'view view-deviationreport' },
    h(
      'p',
      { class: 'screen-only report-actions' },
      navLink(state, { view: 'deviations' }, ctx.navigate, d.report.back, { id: 'back-to-deviations' }),
      h('button', { type: 'button', class: 'button', id: 'print-report', onclick: () => window.print() }, d.report.print),
    ),
    h(
      'div',
      { class: 'report-page' },
      h('h1', {}, d.report.heading(m)),
      h('p', { class: 'report-intro' }, d.report.intro(formatDate(state.from, lang), formatDate(state.to, lang), formatDate(effectiveAsOf(state, meta.asOf), lang), made)),
      figures.element,
      breakdowns.element,
    ),
  );
  return { element, ready: Promise.all([figures.ready, breakdowns.ready]) };
}
