/**
 * The Kaplan–Meier curve: the share of cases not yet ended t days after first concern, as
 * a step line from (0, 100 %), censored cases marked with +, and the median (where the
 * curve crosses 50 %) as a dashed guide.
 */
import * as Plot from '@observablehq/plot';
import type { SurvivalStep } from '../data/survivalSteps.ts';
import { colours, dash, plotStyle } from './chartTheme.ts';
import { finishChart } from './finishChart.ts';

export interface SurvivalChartOptions {
  readonly alt: string;
  readonly daysLabel: string;
  readonly shareLabel: string;
  readonly axisFormat: (value: number) => string;
  /** The Kaplan–Meier median (km_median_days), or null when the curve stays above 50 %. */
  readonly median: number | null;
  readonly medianLabel: string;
  readonly width?: number;
}

export function survivalChart(steps: readonly SurvivalStep[], options: SurvivalChartOptions): SVGSVGElement {
  const censored = steps.filter((s) => s.censored > 0);
  const median = options.median;
  const chart = Plot.plot({
    width: options.width ?? 720,
    height: 320,
    marginLeft: 52,
    marginTop: 24,
    style: plotStyle,
    x: { label: options.daysLabel, labelAnchor: 'right', labelArrow: 'none' },
    y: { label: options.shareLabel, domain: [0, 1], grid: true, tickFormat: options.axisFormat, labelArrow: 'none' },
    marks: [
      Plot.ruleY([0.5], { stroke: colours.reference, strokeDasharray: dash }),
      median !== null ? Plot.ruleX([median], { y1: 0, y2: 0.5, stroke: colours.median, strokeDasharray: dash, strokeWidth: 1.5 }) : null,
      median !== null
        ? Plot.text([median], { x: (m: number) => m, y: 0.5, text: () => options.medianLabel, textAnchor: 'start', dx: 6, dy: -10, fill: colours.median, fontWeight: 'bold' })
        : null,
      Plot.line(steps, { x: 't', y: 'survival', curve: 'step-after', stroke: colours.primary, strokeWidth: 2 }),
      Plot.dot(censored, { x: 't', y: 'survival', symbol: 'plus', r: 3, stroke: colours.primary }),
      Plot.ruleY([0], { stroke: colours.text }),
    ],
  });
  return finishChart(chart, options.alt);
}
