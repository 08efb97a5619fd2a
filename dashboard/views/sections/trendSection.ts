/** The chosen figure per month for one school, the municipality dashed as reference, and the school's last year dotted. */
import { getMonthly } from '../../api/endpoints.ts';
import type { FigureParams } from '../../api/types.ts';
import { asyncSection } from '../../components/asyncSection.ts';
import { chartCard } from '../../components/chartCard.ts';
import { definitionButton } from '../../components/definitionButton.ts';
import { emptyMessage } from '../../components/stateMessage.ts';
import { colours, dash } from '../../charts/chartTheme.ts';
import { trendChart } from '../../charts/trendChart.ts';
import { hasData } from '../../data/groupStats.ts';
import { lastYearPoints, monthPoints, monthsUpTo, referencePoints } from '../../data/monthlyPoints.ts';
import { lastYearDash } from '../../charts/trendChart.ts';
import { fileSlug } from '../../export/download.ts';
import { figureLabel } from '../../i18n/strings.ts';
import { monthChartOptions } from '../figureFormat.ts';
import { schoolPageStrings } from '../schoolPageStrings.ts';
import type { ViewContext } from '../viewContext.ts';
import { monthColumns, monthTable, referenceLabel } from './monthlySection.ts';

/** The school's same period a year earlier, for the dotted line. */
export interface LastYear {
  readonly params: FigureParams;
  readonly label: string;
}

export function trendSection(ctx: ViewContext, schoolParams: FigureParams, municipalityParams: FigureParams, schoolName: string, schools: number, lastYear?: LastYear) {
  const { t, lang, figure, state } = ctx;
  const label = figureLabel(figure, lang);
  const title = t.schoolPage.trend(label);
  return asyncSection({
    id: 'trend',
    title,
    titleExtra: definitionButton(figure, t, lang, 'trend'),
    t,
    load: async () => {
      const [school, municipality, before] = await Promise.all([getMonthly(schoolParams), getMonthly(municipalityParams), lastYear ? getMonthly(lastYear.params) : Promise.resolve([])]);
      if (!hasData(school)) return emptyMessage(t, ctx.meta.span);
      const points = monthPoints(monthsUpTo(school, schoolParams.asOf), figure, () => schoolName);
      const refLabel = referenceLabel(ctx, state.municipality);
      const reference = referencePoints(monthsUpTo(municipality, municipalityParams.asOf), figure, schools, refLabel);
      const previous = lastYear ? lastYearPoints(monthPoints(monthsUpTo(before, lastYear.params.asOf), figure, () => lastYear.label), lastYear.label) : [];
      const chart = trendChart(points, {
        alt: lastYear ? `${t.schoolPage.trendAlt(label, schoolName)} ${schoolPageStrings(lang).lastYearAlt(lastYear.label)}` : t.schoolPage.trendAlt(label, schoolName),
        reference,
        lastYear: previous,
        ...monthChartOptions(ctx),
      });
      return chartCard({
        chart,
        title,
        fileName: fileSlug(t.ux.files.perMonth(label), schoolName, state.from, state.to),
        legend: [
          { label: schoolName, colour: colours.primary },
          { label: refLabel, colour: colours.reference, dash },
          ...(lastYear ? [{ label: lastYear.label, colour: colours.median, dash: lastYearDash }] : []),
        ],
        columns: monthColumns(ctx, lastYear ? [schoolName, refLabel, lastYear.label] : [schoolName, refLabel]),
        rows: monthTable([...points, ...reference, ...previous]),
        t,
      });
    },
  });
}
