/**
 * The deviations per agency as horizontal bars, one per agency in the contract's order
 * (agency names read better sideways), each labelled with its count. A deviation names at
 * least two agencies, so the bars add up to more than the deviations: the scale is counts,
 * never shares of a whole.
 */
import * as Plot from '@observablehq/plot';
import type { AgencyCount } from '../data/deviations/agencyCounts.ts';
import { axisTicks, colours, labelWidth, plotStyle } from './chartTheme.ts';
import { finishChart } from './finishChart.ts';

export interface AgencyChartOptions {
  readonly alt: string;
  /** The agency in words. */
  readonly label: (code: string) => string;
  /** A count as text (the table's format). */
  readonly format: (value: number) => string;
  readonly width?: number;
}

export function agencyChart(data: readonly AgencyCount[], options: AgencyChartOptions): SVGSVGElement {
  const bars = data.map((d) => ({ label: options.label(d.agency), count: d.count }));
  const labels = bars.map((b) => b.label);
  const width = options.width ?? 720;
  const top = Math.max(1, ...bars.map((b) => b.count)) * 1.05;
  const chart = Plot.plot({
    width,
    height: bars.length * 28 + 60,
    marginLeft: labelWidth(labels),
    marginRight: 56,
    marginTop: 28,
    style: plotStyle,
    x: { label: null, domain: [0, top], grid: true, ticks: axisTicks(top, Math.max(2, Math.floor(width / 90)), true), tickFormat: (v: number) => options.format(v) },
    y: { label: null, domain: labels, tickSize: 0 },
    marks: [
      Plot.barX(bars, { x: 'count', y: 'label', fill: colours.primary, title: (b: { label: string; count: number }) => `${b.label}: ${options.format(b.count)}` }),
      Plot.text(bars, { x: 'count', y: 'label', text: (b: { count: number }) => options.format(b.count), textAnchor: 'start', dx: 4, fill: colours.text }),
      Plot.ruleX([0], { stroke: colours.text }),
    ],
  });
  return finishChart(chart, options.alt);
}
