/**
 * Aalen–Johansen cumulative incidence: for each way a case ends (resolved, referred to PPT,
 * referred elsewhere), the share of cases that had ended that way t days after first
 * concern. Step lines, each labelled at its end and drawn with its own dash pattern.
 */
import * as Plot from '@observablehq/plot';
import { outcomes, type Outcome } from '../api/types.ts';
import { spreadLabels } from '../data/spreadLabels.ts';
import type { IncidencePoint } from '../data/survivalSteps.ts';
import { colours, labelWidth, outcomeDashes, plotStyle } from './chartTheme.ts';
import { finishChart } from './finishChart.ts';

export interface IncidenceChartOptions {
  readonly alt: string;
  readonly daysLabel: string;
  readonly shareLabel: string;
  readonly axisFormat: (value: number) => string;
  readonly outcomeLabel: (outcome: Outcome) => string;
  readonly width?: number;
}

/** Label spacing in y units (share): about 16 px on a 270 px high plot. */
const labelGap = 0.06;


export function incidenceChart(points: readonly IncidencePoint[], options: IncidenceChartOptions): SVGSVGElement {
  const lines = outcomes.map((outcome) => points.filter((p) => p.outcome === outcome)).filter((line) => line.length > 0);
  // Each line's label sits at its end, nudged apart where the ends are close.
  const ends = lines.map((line) => line.at(-1)!);
  const labelY = spreadLabels(ends.map((p) => p.incidence), labelGap);
  function endLabel(p: IncidencePoint): string {
    return `${options.outcomeLabel(p.outcome)} ${options.axisFormat(p.incidence)}`;
  }
  const chart = Plot.plot({
    width: options.width ?? 720,
    height: 320,
    marginLeft: 52,
    marginTop: 24,
    marginRight: labelWidth(ends.map(endLabel), true),
    style: plotStyle,
    x: { label: options.daysLabel, labelAnchor: 'right', labelArrow: 'none' },
    y: { label: options.shareLabel, domain: [0, 1], grid: true, tickFormat: options.axisFormat, labelArrow: 'none' },
    marks: [
      ...lines.map((line) =>
        Plot.line(line, {
          x: 't',
          y: 'incidence',
          curve: 'step-after',
          stroke: colours.outcome[line[0]!.outcome],
          strokeWidth: 2,
          strokeDasharray: outcomeDashes[line[0]!.outcome],
        }),
      ),
      Plot.text(ends, {
        x: 't',
        y: (_: IncidencePoint, i: number) => labelY[i],
        text: endLabel,
        textAnchor: 'start',
        dx: 6,
        fill: (p: IncidencePoint) => colours.outcome[p.outcome],
        fontWeight: 'bold',
      }),
      Plot.ruleY([0], { stroke: colours.text }),
    ],
  });
  return finishChart(chart, options.alt);
}
