/** The Kaplan–Meier curve and the Aalen–Johansen cumulative incidence, from one request. */
import { getFigures, getSurvival } from '../../api/endpoints.ts';
import { outcomes, type FigureParams, type SurvivalRow } from '../../api/types.ts';
import { asyncSection } from '../../components/asyncSection.ts';
import { chartCard } from '../../components/chartCard.ts';
import { sectionDefinitionButton } from '../../components/definitionButton.ts';
import type { TableColumn } from '../../components/dataTable.ts';
import { emptyMessage, suppressedMessage } from '../../components/stateMessage.ts';
import { usableRows } from '../../data/usableRows.ts';
import { colours, dash, outcomeDashes } from '../../charts/chartTheme.ts';
import { incidenceChart } from '../../charts/incidenceChart.ts';
import { survivalChart } from '../../charts/survivalChart.ts';
import { incidencePoints, survivalSteps } from '../../data/survivalSteps.ts';
import { fileSlug } from '../../export/download.ts';
import { axisFormatter, formatCount, formatFigure, formatNumber } from '../../format/numberFormat.ts';
import type { ViewContext } from '../viewContext.ts';

const cifColumn = { resolved: 'cif_resolved', referred_ppt: 'cif_referred_ppt', referred_other: 'cif_referred_other' } as const;

function shareColumn(ctx: ViewContext, header: string, value: (r: SurvivalRow) => number): TableColumn<SurvivalRow> {
  return { header, value, text: (r) => formatFigure(value(r), 'rate', ctx.lang), numeric: true };
}

function countColumn(ctx: ViewContext, header: string, value: (r: SurvivalRow) => number): TableColumn<SurvivalRow> {
  return { header, value, text: (r) => formatCount(value(r), ctx.lang), numeric: true };
}

export function survivalSection(ctx: ViewContext, params: FigureParams, scopeName: string) {
  const { t, lang, state } = ctx;
  const title = t.overview.survival;
  return asyncSection({
    after: ctx.sectionsAfter,
    id: 'survival',
    title,
    titleExtra: sectionDefinitionButton('survival', title, `${t.ux.sections.survival} ${t.ux.sections.medians}`, t),
    t,
    load: async () => {
      const [all, total] = await Promise.all([getSurvival(params), getFigures(params)]);
      const series = usableRows(all, ['t', 'survival']);
      if (series.state === 'empty') return emptyMessage(t, ctx.meta.span);
      if (series.state === 'suppressed') return suppressedMessage(t, ctx.meta.suppression?.threshold, series.reason);
      const rows = series.rows;
      const median = total.km_median_days;
      const medianText = formatNumber(median, lang);
      const chart = survivalChart(survivalSteps(rows), {
        alt: t.overview.survivalAlt(medianText),
        daysLabel: t.chart.days,
        shareLabel: t.chart.notEnded,
        axisFormat: axisFormatter('rate', lang),
        median,
        medianLabel: `${t.reference.median}: ${medianText}`,
        width: ctx.chartWidth,
      });
      return chartCard({
        chart,
        title,
        fileName: fileSlug(t.ux.files.survival, scopeName, state.from, state.to),
        legend: [
          { label: t.chart.notEnded, colour: colours.primary },
          { label: t.reference.median, colour: colours.median, dash },
        ],
        // Two medians side by side (the table's and this one) differ on purpose: say why.
        note: `${t.overview.survivalNote} ${t.ux.sections.medians}`,
        columns: [
          { header: t.chart.days, value: (r) => r.t, numeric: true, rowHeader: true },
          countColumn(ctx, t.chart.atRisk, (r) => r.at_risk),
          countColumn(ctx, t.chart.cases, (r) => r.events),
          countColumn(ctx, t.chart.censored, (r) => r.censored),
          shareColumn(ctx, t.chart.notEnded, (r) => r.survival),
        ],
        rows,
        t,
      });
    },
  });
}

export function incidenceSection(ctx: ViewContext, params: FigureParams, scopeName: string) {
  const { t, lang, state } = ctx;
  const title = t.overview.incidence;
  return asyncSection({
    after: ctx.sectionsAfter,
    id: 'incidence',
    title,
    titleExtra: sectionDefinitionButton('incidence', title, t.ux.sections.incidence, t),
    t,
    load: async () => {
      const series = usableRows(await getSurvival(params), ['t', 'cif_resolved']);
      if (series.state === 'empty') return emptyMessage(t, ctx.meta.span);
      if (series.state === 'suppressed') return suppressedMessage(t, ctx.meta.suppression?.threshold, series.reason);
      const rows = series.rows;
      const chart = incidenceChart(incidencePoints(rows), {
        alt: t.overview.incidenceAlt,
        daysLabel: t.chart.days,
        shareLabel: t.chart.share,
        axisFormat: axisFormatter('rate', lang),
        outcomeLabel: (o) => t.outcomes[o],
        width: ctx.chartWidth,
      });
      return chartCard({
        chart,
        title,
        fileName: fileSlug(t.ux.files.incidence, scopeName, state.from, state.to),
        legend: outcomes.map((o) => ({ label: t.outcomes[o], colour: colours.outcome[o], dash: outcomeDashes[o] })),
        note: t.overview.incidenceNote,
        columns: [
          { header: t.chart.days, value: (r) => r.t, numeric: true, rowHeader: true },
          ...outcomes.map((o) => shareColumn(ctx, t.outcomes[o], (r) => r[cifColumn[o]])),
        ],
        rows,
        t,
      });
    },
  });
}
