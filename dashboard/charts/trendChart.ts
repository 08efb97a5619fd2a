/**
 * One figure per month for one school (solid line with dots) against a reference (the
 * municipality, dashed) and, when given, the school's own last year (dotted, its months
 * moved a year on to sit under this year's), each line labelled at its end.
 */
import * as Plot from '@observablehq/plot';
import type { MonthPoint } from '../data/monthlyPoints.ts';
import { spreadLabels } from '../data/spreadLabels.ts';
import { axisTicks, colours, dash, labelWidth, plotStyle } from './chartTheme.ts';
import { finishChart } from './finishChart.ts';

export interface TrendChartOptions {
  readonly alt: string;
  readonly reference: readonly MonthPoint[];
  /** The school's same months a year earlier, dated a year on (see lastYearPoints). */
  readonly lastYear?: readonly MonthPoint[];
  readonly format: (value: number | null) => string;
  readonly axisFormat: (value: number) => string;
  readonly monthTick: (date: Date, index: number) => string;
  readonly unitInterval?: boolean;
  readonly integer?: boolean;
  readonly width?: number;
}

const height = 320;

/** Last year's line: dotted, told apart from the dashed reference without colour. */
export const lastYearDash = '1,4';

export function trendChart(points: readonly MonthPoint[], options: TrendChartOptions): SVGSVGElement {
  const lastYear = options.lastYear ?? [];
  const values = [...points, ...options.reference, ...lastYear].map((p) => p.value ?? 0);
  const top = options.unitInterval ? 1 : Math.max(1, ...values) * 1.1;
  const ends = [
    { line: points, colour: colours.primary },
    { line: options.reference, colour: colours.reference },
    { line: lastYear, colour: colours.median },
  ].flatMap(({ line, colour }) => {
    const last = line.filter((p) => p.value !== null).at(-1);
    return last ? [{ ...last, colour }] : [];
  });
  const labelY = spreadLabels(ends.map((p) => p.value!), top * 0.08);
  const chart = Plot.plot({
    width: options.width ?? 720,
    height,
    marginLeft: 52,
    marginRight: labelWidth(ends.map((e) => e.series), true) + 8,
    marginTop: 24,
    style: plotStyle,
    x: { type: 'utc', label: null, tickFormat: options.monthTick },
    y: { label: null, grid: true, domain: [0, top], tickFormat: options.axisFormat, ticks: axisTicks(top, 6, options.integer) },
    marks: [
      Plot.lineY(options.reference, { x: 'date', y: 'value', stroke: colours.reference, strokeDasharray: dash, strokeWidth: 2 }),
      Plot.lineY(lastYear, { x: 'date', y: 'value', stroke: colours.median, strokeDasharray: lastYearDash, strokeWidth: 2 }),
      Plot.lineY(points, { x: 'date', y: 'value', stroke: colours.primary, strokeWidth: 2.5 }),
      Plot.dot(points, { x: 'date', y: 'value', r: 3, fill: colours.primary, title: (p: MonthPoint) => `${p.month}: ${options.format(p.value)}` }),
      Plot.text(ends, {
        x: 'date',
        y: (_: unknown, i: number) => labelY[i],
        text: 'series',
        textAnchor: 'start',
        dx: 8,
        fill: 'colour',
        fontWeight: 'bold',
      }),
      Plot.ruleY([0], { stroke: colours.text }),
    ],
  });
  return finishChart(chart, options.alt);
}
