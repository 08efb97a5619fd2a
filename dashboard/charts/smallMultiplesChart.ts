/**
 * One figure per month as small multiples: a panel per school (wrapped in rows of
 * `columns`), the same axes in every panel, and the municipality's reference as a dashed
 * line in each. Months without a value (no meetings, no cases) leave a gap.
 */
import * as Plot from '@observablehq/plot';
import type { MonthPoint } from '../data/monthlyPoints.ts';
import { axisTicks, colours, dash, plotStyle } from './chartTheme.ts';
import { finishChart } from './finishChart.ts';

export interface SmallMultiplesOptions {
  readonly alt: string;
  readonly panels: readonly string[];
  readonly reference: readonly MonthPoint[];
  readonly axisFormat: (value: number) => string;
  readonly monthTick: (date: Date, index: number) => string;
  readonly format: (value: number | null) => string;
  readonly unitInterval?: boolean;
  readonly integer?: boolean;
  readonly columns?: number;
  readonly width?: number;
}

export function smallMultiplesChart(points: readonly MonthPoint[], options: SmallMultiplesOptions): SVGSVGElement {
  const width = options.width ?? 960;
  const columns = options.columns ?? Math.max(1, Math.min(4, Math.floor(width / 230)));
  const index = new Map(options.panels.map((p, i) => [p, i]));
  const fx = (p: { series: string }) => (index.get(p.series) ?? 0) % columns;
  const fy = (p: { series: string }) => Math.floor((index.get(p.series) ?? 0) / columns);
  // The reference line is drawn in every panel: one copy per panel.
  const reference = options.panels.flatMap((panel) => options.reference.map((r) => ({ ...r, panel })));
  const refFx = (r: { panel: string }) => fx({ series: r.panel });
  const refFy = (r: { panel: string }) => fy({ series: r.panel });
  const rows = Math.ceil(options.panels.length / columns);
  const values = [...points, ...options.reference].map((p) => p.value ?? 0);
  const top = options.unitInterval ? 1 : Math.max(1, ...values) * 1.1;
  const chart = Plot.plot({
    width,
    height: rows * 150 + 50,
    marginTop: 24,
    marginLeft: 48,
    marginBottom: 36,
    style: plotStyle,
    fx: { axis: null, padding: 0.12 },
    fy: { axis: null, padding: 0.22 },
    x: { type: 'utc', label: null, tickFormat: options.monthTick, ticks: 4 },
    y: { label: null, grid: true, domain: [0, top], tickFormat: options.axisFormat, ticks: axisTicks(top, 3, options.integer) },
    marks: [
      Plot.frame({ stroke: colours.grid, fx: undefined, fy: undefined }),
      Plot.text(options.panels, {
        fx: (p: string) => fx({ series: p }),
        fy: (p: string) => fy({ series: p }),
        text: (p: string) => p,
        frameAnchor: 'top-left',
        dy: -16,
        fontWeight: 'bold',
        fill: colours.text,
      }),
      Plot.lineY(reference, { x: 'date', y: 'value', fx: refFx, fy: refFy, stroke: colours.reference, strokeDasharray: dash, strokeWidth: 1.5 }),
      Plot.lineY(points, { x: 'date', y: 'value', fx, fy, stroke: colours.primary, strokeWidth: 2 }),
      Plot.dot(points, {
        x: 'date',
        y: 'value',
        fx,
        fy,
        r: 2.5,
        fill: colours.primary,
        title: (p: MonthPoint) => `${p.series}, ${p.month}: ${options.format(p.value)}`,
      }),
    ],
  });
  return finishChart(chart, options.alt);
}
