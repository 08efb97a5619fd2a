/**
 * Days from first concern to end as a histogram, one panel per outcome (resolved, referred
 * to PPT, referred elsewhere) on a shared day axis, so the shapes can be compared.
 */
import * as Plot from '@observablehq/plot';
import type { Outcome } from '../api/types.ts';
import type { DurationBin } from '../data/durationBins.ts';
import { colours, plotStyle } from './chartTheme.ts';
import { finishChart } from './finishChart.ts';

export interface DurationHistogramOptions {
  readonly alt: string;
  /** Panel titles, e.g. "Avsluttet (n = 412)". */
  readonly panelTitle: (outcome: Outcome) => string;
  readonly daysLabel: string;
  readonly casesLabel: string;
  readonly format: (value: number) => string;
  readonly width?: number;
}

export function durationHistogram(bins: readonly DurationBin[], options: DurationHistogramOptions): SVGSVGElement {
  const outcomesShown = [...new Set(bins.map((b) => b.outcome))];
  const chart = Plot.plot({
    width: options.width ?? 720,
    height: outcomesShown.length * 120 + 60,
    marginLeft: 48,
    marginTop: 24,
    style: plotStyle,
    fy: { axis: null, domain: outcomesShown, padding: 0.25 },
    x: { label: options.daysLabel, labelAnchor: 'right', labelArrow: 'none' },
    y: { label: options.casesLabel, grid: true, ticks: 3, tickFormat: options.format, labelArrow: 'none' },
    color: { domain: Object.keys(colours.outcome), range: Object.values(colours.outcome) },
    marks: [
      Plot.rectY(bins, {
        x1: 'from',
        x2: 'to',
        y: 'cases',
        fy: 'outcome',
        fill: 'outcome',
        insetLeft: 0.5,
        insetRight: 0.5,
        title: (b: DurationBin) => `${options.panelTitle(b.outcome)}: ${b.from}–${b.to - 1}: ${b.cases}`,
      }),
      Plot.text(outcomesShown, { fy: (o: Outcome) => o, text: (o: Outcome) => options.panelTitle(o), frameAnchor: 'top-right', dy: -12, fontWeight: 'bold', fill: colours.text }),
      Plot.ruleY([0], { stroke: colours.text }),
    ],
  });
  return finishChart(chart, options.alt);
}
