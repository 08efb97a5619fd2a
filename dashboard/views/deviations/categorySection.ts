/**
 * Deviations per category: reported in the period, open at its end and without an answer
 * after two months (charts/categoryChart.ts), with the table (which adds up to the page's 4d
 * figures), CSV, PNG and SVG. Only for the viewer's own schools.
 */
import type { CategoryCount, DeviationDetailsAnswer } from '../../api/deviationEndpoints.ts';
import { categoryChart, measureColours, type CategoryBar } from '../../charts/categoryChart.ts';
import { asyncSection, type AsyncSection } from '../../components/asyncSection.ts';
import { chartCard } from '../../components/chartCard.ts';
import type { TableColumn } from '../../components/dataTable.ts';
import { h } from '../../components/h.ts';
import { fileSlug } from '../../export/download.ts';
import { formatCount } from '../../format/numberFormat.ts';
import type { ViewContext } from '../viewContext.ts';
import { categoryLabel, type DeviationDetailStrings } from './detailStrings.ts';

const measures = ['reported', 'open', 'answer_overdue'] as const;

export function categorySection(ctx: ViewContext, d: DeviationDetailStrings, scopeName: string, load: () => Promise<DeviationDetailsAnswer | null>): AsyncSection {
  const { t, lang, state } = ctx;
  return asyncSection({
    id: 'deviations-categories',
    title: d.categories,
    t,
    load: async () => {
      const answer = await load();
      if (!answer?.details) return h('p', { class: 'note', 'data-state': 'empty' }, d.withheld);
      const rows = answer.details.categories;
      if (rows.length === 0) return h('p', { class: 'state', 'data-state': 'empty' }, d.noCategories);
      const count = (v: number) => formatCount(v, lang);
      const bars: CategoryBar[] = rows.flatMap((r) => measures.map((m) => ({ category: categoryLabel(r.category, d), measure: d.categoryColumns[m], value: r[m] })));
      const chart = categoryChart(bars, {
        alt: d.categoriesAlt(scopeName),
        categories: rows.map((r) => categoryLabel(r.category, d)),
        measures: measures.map((m) => d.categoryColumns[m]),
        format: count,
        width: ctx.chartWidth,
      });
      const columns: TableColumn<CategoryCount>[] = [
        { header: d.fields.category, value: (r) => categoryLabel(r.category, d), rowHeader: true },
        ...measures.map((m): TableColumn<CategoryCount> => ({ header: d.categoryColumns[m], value: (r) => r[m], text: (r) => count(r[m]), numeric: true })),
      ];
      const legend = measures.map((m, i) => ({ label: d.categoryColumns[m], colour: measureColours[i]! }));
      return chartCard({ chart, title: `${d.categories} – ${scopeName}`, fileName: fileSlug(d.files.categories, scopeName, state.from, state.to), columns, rows, legend, t });
    },
  });
}
