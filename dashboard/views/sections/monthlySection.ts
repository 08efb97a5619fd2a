/** The chosen figure per month as small multiples, one panel per school, the municipality as reference. */
import { getMonthly } from '../../api/endpoints.ts';
import type { FigureParams } from '../../api/types.ts';
import { asyncSection } from '../../components/asyncSection.ts';
import { chartCard } from '../../components/chartCard.ts';
import type { TableColumn } from '../../components/dataTable.ts';
import { definitionButton } from '../../components/definitionButton.ts';
import { emptyMessage } from '../../components/stateMessage.ts';
import { colours, dash } from '../../charts/chartTheme.ts';
import { smallMultiplesChart } from '../../charts/smallMultiplesChart.ts';
import { hasData } from '../../data/groupStats.ts';
import { isAdditive, monthPoints, monthsUpTo, referencePoints, type MonthPoint } from '../../data/monthlyPoints.ts';
import { fileSlug } from '../../export/download.ts';
import { formatMonth } from '../../format/dateFormat.ts';
import { figureLabel } from '../../i18n/strings.ts';
import { figureFormatters, monthChartOptions } from '../figureFormat.ts';
import type { ViewContext } from '../viewContext.ts';

type MonthRow = { readonly month: string; readonly values: ReadonlyMap<string, number | null> };

/** Months as rows, one column per series: the chart's table. */
export function monthTable(points: readonly MonthPoint[]): MonthRow[] {
  const rows = new Map<string, Map<string, number | null>>();
  for (const p of points) {
    if (!rows.has(p.month)) rows.set(p.month, new Map());
    rows.get(p.month)!.set(p.series, p.value);
  }
  return [...rows].sort(([a], [b]) => a.localeCompare(b)).map(([month, values]) => ({ month, values }));
}

export function monthColumns(ctx: ViewContext, series: readonly string[]): TableColumn<MonthRow>[] {
  const f = figureFormatters(ctx.figure, ctx.lang);
  return [
    { header: ctx.t.chart.month, value: (r) => r.month, text: (r) => formatMonth(r.month, ctx.lang), rowHeader: true },
    ...series.map((s) => ({
      header: s,
      value: (r: MonthRow) => r.values.get(s) ?? null,
      text: (r: MonthRow) => f.format(r.values.get(s) ?? null),
      numeric: true,
    })),
  ];
}

export function referenceLabel(ctx: ViewContext, municipality: string): string {
  return isAdditive(ctx.figure) ? ctx.t.reference.perSchool(municipality) : ctx.t.reference.municipality(municipality);
}

export function monthlySection(ctx: ViewContext, params: FigureParams, schools: number) {
  const { t, lang, figure, state } = ctx;
  const label = figureLabel(figure, lang);
  const title = t.overview.monthly(label);
  return asyncSection({
    after: ctx.sectionsAfter,
    id: 'monthly',
    title,
    titleExtra: definitionButton(figure, t, lang, 'monthly'),
    t,
    load: async () => {
      const [bySchool, total] = await Promise.all([getMonthly(params, 'school'), getMonthly(params)]);
      if (!hasData(bySchool)) return emptyMessage(t, ctx.meta.span);
      const points = monthPoints(monthsUpTo(bySchool, params.asOf), figure, (r) => r.school_name ?? '');
      const refLabel = referenceLabel(ctx, state.municipality);
      const reference = referencePoints(monthsUpTo(total, params.asOf), figure, schools, refLabel);
      const panels = [...new Set(points.map((p) => p.series))];
      const chart = smallMultiplesChart(points, {
        alt: t.overview.monthlyAlt(label),
        panels,
        reference,
        ...monthChartOptions(ctx),
      });
      return chartCard({
        chart,
        title,
        fileName: fileSlug(t.ux.files.perMonth(label), state.municipality, state.from, state.to),
        legend: [
          { label: t.eachSchool, colour: colours.primary },
          { label: refLabel, colour: colours.reference, dash },
        ],
        columns: monthColumns(ctx, [...panels, refLabel]),
        rows: monthTable([...points, ...reference]),
        t,
      });
    },
  });
}
