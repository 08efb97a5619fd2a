/**
 * One figure per group as horizontal bars (school names read better sideways), each bar
 * labelled with its value, and a dashed reference line (the median of the groups). A group
 * without a value gets "–" at zero instead of a bar.
 */
import * as Plot from '@observablehq/plot';
import { axisTicks, colours, dash, labelWidth, plotStyle } from './chartTheme.ts';
import { finishChart } from './finishChart.ts';

export interface Bar {
  readonly label: string;
  readonly value: number | null;
}

export interface BarChartOptions {
  readonly alt: string;
  /** The value as text (the table's format). */
  readonly format: (value: number | null) => string;
  readonly axisFormat: (value: number) => string;
  readonly reference?: { readonly value: number; readonly label: string } | null;
  /** Rates: the axis runs 0–100 %. */
  readonly unitInterval?: boolean;
  /** Counts: whole-number ticks only. */
  readonly integer?: boolean;
  readonly width?: number;
}

export function barChart(bars: readonly Bar[], options: BarChartOptions): SVGSVGElement {
  const labels = bars.map((b) => b.label);
  const values = bars.map((b) => b.value ?? 0);
  const ref = options.reference;
  const max = Math.max(0, ...values, ref?.value ?? 0);
  const width = options.width ?? 720;
  const top = options.unitInterval ? 1 : max * 1.05 || 1;
  const chart = Plot.plot({
    width,
    height: bars.length * 28 + 60,
    marginLeft: labelWidth(labels),
    marginRight: 56,
    marginTop: 28,
    style: plotStyle,
    x: {
      label: null,
      domain: [0, top],
      grid: true,
      ticks: axisTicks(top, Math.max(2, Math.floor(width / 90)), options.integer),
      tickFormat: options.axisFormat,
    },
    y: { label: null, domain: labels, tickSize: 0 },
    marks: [
      Plot.barX(bars, { x: (b: Bar) => b.value ?? 0, y: 'label', fill: colours.primary, title: (b: Bar) => `${b.label}: ${options.format(b.value)}` }),
      Plot.text(bars, {
        x: (b: Bar) => b.value ?? 0,
        y: 'label',
        text: (b: Bar) => options.format(b.value),
        textAnchor: 'start',
        dx: 4,
        fill: colours.text,
      }),
      ref ? Plot.ruleX([ref.value], { stroke: colours.median, strokeWidth: 2, strokeDasharray: dash }) : null,
      ref
        ? Plot.text([ref.value], { x: (v: number) => v, frameAnchor: 'top', dy: -14, text: () => `${ref.label}: ${options.format(ref.value)}`, fill: colours.median, fontWeight: 'bold' })
        : null,
      Plot.ruleX([0], { stroke: colours.text }),
    ],
  });
  return finishChart(chart, options.alt);
}
