/** The chosen figure per group as bars, with the median of the groups as a dashed line. */
import type { FigureRow } from '../../api/types.ts';
import { asyncSection } from '../../components/asyncSection.ts';
import { chartCard } from '../../components/chartCard.ts';
import { definitionButton } from '../../components/definitionButton.ts';
import { emptyMessage } from '../../components/stateMessage.ts';
import { barChart } from '../../charts/barChart.ts';
import { colours, dash } from '../../charts/chartTheme.ts';
import { numericValue } from '../../data/figureValue.ts';
import { hasData, medianRow } from '../../data/groupStats.ts';
import { rowName } from '../../data/sortRows.ts';
import { fileSlug } from '../../export/download.ts';
import { figureLabel } from '../../i18n/strings.ts';
import { figureFormatters, nColumns } from '../figureFormat.ts';
import type { ViewContext } from '../viewContext.ts';

export interface BarSectionOptions {
  readonly id: string;
  readonly title: string;
  readonly alt: string;
  readonly nameHeader: string;
  readonly load: () => Promise<FigureRow[]>;
  readonly fileName: string;
}

export function barSection(ctx: ViewContext, o: BarSectionOptions) {
  const { t, lang, figure, state } = ctx;
  const label = figureLabel(figure, lang);
  const f = figureFormatters(figure, lang);
  return asyncSection({
    id: o.id,
    title: o.title,
    titleExtra: definitionButton(figure, t, lang, o.id),
    t,
    load: async () => {
      const rows = await o.load();
      if (!hasData(rows)) return emptyMessage(t, ctx.meta.span);
      const byValue = [...rows].sort((a, b) => (numericValue(b, figure) ?? -Infinity) - (numericValue(a, figure) ?? -Infinity));
      const median = numericValue(medianRow(rows, [figure]), figure);
      const chart = barChart(
        byValue.map((row) => ({ label: rowName(row), value: numericValue(row, figure) })),
        {
          alt: o.alt,
          format: f.format,
          axisFormat: f.axisFormat,
          unitInterval: f.unitInterval,
        integer: f.integer,
          reference: median === null ? null : { value: median, label: t.reference.median },
          width: ctx.chartWidth,
        },
      );
      return chartCard({
        chart,
        title: o.title,
        fileName: fileSlug(o.fileName, state.from, state.to),
        legend: median === null ? [] : [{ label: t.reference.median, colour: colours.median, dash }],
        columns: [
          { header: o.nameHeader, value: (r: FigureRow) => rowName(r), rowHeader: true },
          { header: label, value: (r: FigureRow) => numericValue(r, figure), text: (r: FigureRow) => f.format(numericValue(r, figure)), numeric: true },
          ...nColumns(ctx),
        ],
        rows: byValue,
        t,
      });
    },
  });
}
