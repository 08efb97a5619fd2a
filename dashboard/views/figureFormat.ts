/** The formatters a view hands its charts for one figure, in the view's language. */
import type { FigureRow, FigureSpec } from '../api/types.ts';
import type { TableColumn } from '../components/dataTable.ts';
import { figureN, nBase } from '../data/figureValue.ts';
import { formatMonthTick } from '../format/dateFormat.ts';
import { axisFormatter, formatCount, formatFigure } from '../format/numberFormat.ts';
import type { ViewContext } from './viewContext.ts';
import type { Lang } from '../i18n/lang.ts';

export function figureFormatters(spec: FigureSpec, lang: Lang) {
  return {
    format: (value: number | null) => formatFigure(value, spec.kind, lang),
    axisFormat: axisFormatter(spec.kind, lang),
    unitInterval: spec.kind === 'rate',
    integer: spec.kind === 'count' || spec.kind === 'sum',
  };
}

/** Month ticks: the month's short name, with the year on the first tick and in January. */
export function monthTicks(lang: Lang): (date: Date, index: number) => string {
  return (date, index) => formatMonthTick(date, lang, index === 0 || date.getUTCMonth() === 0);
}

/** What every monthly chart of the chosen figure shares: its formats, month ticks and width. */
export function monthChartOptions(ctx: ViewContext) {
  return { ...figureFormatters(ctx.figure, ctx.lang), monthTick: monthTicks(ctx.lang), width: ctx.chartWidth };
}

/** The table column with the chosen figure's n (none when the figure has no base). */
export function nColumns(ctx: ViewContext): TableColumn<FigureRow>[] {
  const base = nBase(ctx.figure);
  if (!base) return [];
  return [
    {
      header: `${ctx.t.n} (${ctx.t.bases[base]})`,
      value: (r) => figureN(r, ctx.figure),
      text: (r) => formatCount(figureN(r, ctx.figure), ctx.lang),
      numeric: true,
    },
  ];
}
