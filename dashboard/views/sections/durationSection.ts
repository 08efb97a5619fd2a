/** Days from first concern to end as a histogram per outcome. */
import { getDurations } from '../../api/endpoints.ts';
import { outcomes, type FigureParams } from '../../api/types.ts';
import { asyncSection } from '../../components/asyncSection.ts';
import { chartCard } from '../../components/chartCard.ts';
import { sectionDefinitionButton } from '../../components/definitionButton.ts';
import { emptyMessage, suppressedMessage } from '../../components/stateMessage.ts';
import { usableRows } from '../../data/usableRows.ts';
import { durationHistogram } from '../../charts/durationHistogram.ts';
import { binDurations, casesByOutcome, type DurationBin } from '../../data/durationBins.ts';
import { fileSlug } from '../../export/download.ts';
import { formatCount } from '../../format/numberFormat.ts';
import type { ViewContext } from '../viewContext.ts';

type BinRow = { readonly from: number; readonly to: number; readonly cases: Readonly<Record<string, number>> };

function binRows(bins: readonly DurationBin[]): BinRow[] {
  const rows = new Map<number, BinRow>();
  for (const b of bins) {
    const row = rows.get(b.from) ?? { from: b.from, to: b.to, cases: {} };
    rows.set(b.from, { ...row, cases: { ...row.cases, [b.outcome]: b.cases } });
  }
  return [...rows.values()];
}

export function durationSection(ctx: ViewContext, params: FigureParams, scopeName: string) {
  const { t, lang, state } = ctx;
  const title = t.overview.durations;
  return asyncSection({
    after: ctx.sectionsAfter,
    id: 'durations',
    title,
    titleExtra: sectionDefinitionButton('durations', title, t.ux.sections.durations, t),
    t,
    load: async () => {
      const series = usableRows(await getDurations(params), ['days', 'cases']);
      if (series.state === 'empty') return emptyMessage(t, ctx.meta.span);
      if (series.state === 'suppressed') return suppressedMessage(t, ctx.meta.suppression?.threshold, series.reason);
      const rows = series.rows;
      const bins = binDurations(rows);
      const totals = casesByOutcome(rows);
      const chart = durationHistogram(bins, {
        alt: t.overview.durationsAlt,
        panelTitle: (o) => `${t.outcomes[o]} (${t.nOf(formatCount(totals[o], lang))})`,
        daysLabel: t.chart.days,
        casesLabel: t.chart.cases,
        format: (v) => formatCount(v, lang),
        width: ctx.chartWidth,
      });
      return chartCard({
        chart,
        title,
        fileName: fileSlug(t.ux.files.durations, scopeName, state.from, state.to),
        columns: [
          { header: t.chart.binFrom, value: (r: BinRow) => r.from, numeric: true, rowHeader: true },
          { header: t.chart.binTo, value: (r: BinRow) => r.to - 1, numeric: true },
          ...outcomes.map((o) => ({
            header: t.outcomes[o],
            value: (r: BinRow) => r.cases[o] ?? 0,
            text: (r: BinRow) => formatCount(r.cases[o] ?? 0, lang),
            numeric: true,
          })),
        ],
        rows: binRows(bins),
        t,
      });
    },
  });
}
