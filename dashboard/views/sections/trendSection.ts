/** The chosen figure per month for one school, the municipality dashed as reference. */
import { getMonthly } from '../../api/endpoints.ts';
import type { FigureParams } from '../../api/types.ts';
import { asyncSection } from '../../components/asyncSection.ts';
import { chartCard } from '../../components/chartCard.ts';
import { definitionButton } from '../../components/definitionButton.ts';
import { emptyMessage } from '../../components/stateMessage.ts';
import { colours, dash } from '../../charts/chartTheme.ts';
import { trendChart } from '../../charts/trendChart.ts';
import { hasData } from '../../data/groupStats.ts';
import { monthPoints, monthsUpTo, referencePoints } from '../../data/monthlyPoints.ts';
import { fileSlug } from '../../export/download.ts';
import { figureLabel } from '../../i18n/strings.ts';
import { monthChartOptions } from '../figureFormat.ts';
import type { ViewContext } from '../viewContext.ts';
import { monthColumns, monthTable, referenceLabel } from './monthlySection.ts';

export function trendSection(ctx: ViewContext, schoolParams: FigureParams, municipalityParams: FigureParams, schoolName: string, schools: number) {
  const { t, lang, figure, state } = ctx;
  const label = figureLabel(figure, lang);
  const title = t.schoolPage.trend(label);
  return asyncSection({
    id: 'trend',
    title,
    titleExtra: definitionButton(figure, t, lang, 'trend'),
    t,
    load: async () => {
      const [school, municipality] = await Promise.all([getMonthly(schoolParams), getMonthly(municipalityParams)]);
      if (!hasData(school)) return emptyMessage(t, ctx.meta.span);
      const points = monthPoints(monthsUpTo(school, schoolParams.asOf), figure, () => schoolName);
      const refLabel = referenceLabel(ctx, state.municipality);
      const reference = referencePoints(monthsUpTo(municipality, municipalityParams.asOf), figure, schools, refLabel);
      const chart = trendChart(points, {
        alt: t.schoolPage.trendAlt(label, schoolName),
        reference,
        ...monthChartOptions(ctx),
      });
      return chartCard({
        chart,
        title,
        fileName: fileSlug(t.ux.files.perMonth(label), schoolName, state.from, state.to),
        legend: [
          { label: schoolName, colour: colours.primary },
          { label: refLabel, colour: colours.reference, dash },
        ],
        columns: monthColumns(ctx, [schoolName, refLabel]),
        rows: monthTable([...points, ...reference]),
        t,
      });
    },
  });
}
