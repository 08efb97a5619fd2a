/**
 * Deviations per category: for each category (a band) three bars, reported in the period,
 * open at its end and without an answer after two months, each labelled with its measure and
 * its count, so the bars are told apart without colour.
 */
import * as Plot from '@observablehq/plot';
import { axisTicks, colours, labelWidth, plotStyle } from './chartTheme.ts';
import { finishChart } from './finishChart.ts';

export interface CategoryBar {
  readonly category: string;
  /** What the bar counts (reported, open, without an answer), as a label. */
  readonly measure: string;
  readonly value: number;
}

export interface CategoryChartOptions {
  readonly alt: string;
  /** The categories in order, as labels. */
  readonly categories: readonly string[];
  /** The measures in order, as labels. */
  readonly measures: readonly string[];
  readonly format: (value: number) => string;
  readonly width?: number;
}

/** The three measures' colours, in order (the legend uses them too). */
export const measureColours: readonly string[] = [colours.primary, colours.median, '#6d3f98'];

export function categoryChart(bars: readonly CategoryBar[], options: CategoryChartOptions): SVGSVGElement {
  const width = options.width ?? 720;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const top = max * 1.1;
  const left = labelWidth(options.measures);
  const categoryLeft = Math.min(width / 3, labelWidth(options.categories, true));
  const chart = Plot.plot({
    width,
    height: options.categories.length * (options.measures.length * 20 + 16) + 40,
    marginLeft: left + categoryLeft,
    marginRight: 40,
    marginTop: 24,
    style: plotStyle,
    x: { label: null, domain: [0, top], grid: true, ticks: axisTicks(top, Math.max(2, Math.floor((width - left - categoryLeft) / 80)), true), tickFormat: options.format },
    y: { domain: options.measures, label: null, tickSize: 0 },
    fy: { domain: options.categories, label: null, axis: null, padding: 0.15 },
    color: { domain: options.measures, range: [...measureColours] },
    marks: [
      Plot.barX(bars, { x: 'value', y: 'measure', fy: 'category', fill: 'measure', title: (b: CategoryBar) => `${b.category}, ${b.measure}: ${options.format(b.value)}` }),
      Plot.text(bars, { x: 'value', y: 'measure', fy: 'category', text: (b: CategoryBar) => options.format(b.value), textAnchor: 'start', dx: 4, fill: colours.text }),
      Plot.ruleX([0], { stroke: colours.text }),
      // The category left of the measures' labels, in bold.
      Plot.axisFy({ anchor: 'left', dx: -left, tickSize: 0, label: null, fontWeight: 700 }),
    ],
  });
  return finishChart(chart, options.alt);
}
