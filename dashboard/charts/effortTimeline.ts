/**
 * The competence efforts over time: one bar per effort from its start to its end, coloured
 * and labelled by tier (the label says the tier too: colour is never alone), with the
 * partner beside it, and the chosen period shaded behind. Efforts without both dates have
 * no bar (the table beside lists them).
 */
import * as Plot from '@observablehq/plot';
import { colours, labelWidth, plotStyle } from './chartTheme.ts';
import { finishChart } from './finishChart.ts';

export interface TimelineEffort {
  readonly label: string;
  readonly start: string | null;
  readonly end: string | null;
  readonly tier: number | null;
  /** Beside the bar, e.g. "Nivå 1 · PPT". */
  readonly note: string;
  /** The tooltip. */
  readonly title: string;
}

export interface EffortTimelineOptions {
  readonly alt: string;
  readonly period: { readonly from: string; readonly to: string };
  readonly width?: number;
  readonly tickFormat: (date: Date) => string;
}

/** Colour per tier (contrast ≥ 4.5:1 on white); no tier is grey. */
export const tierColours: Record<string, string> = { '1': colours.primary, '2': colours.median, '3': '#6d3f98', none: colours.reference };

export function tierColour(tier: number | null): string {
  return tierColours[tier === null ? 'none' : String(tier)] ?? colours.reference;
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function effortTimeline(efforts: readonly TimelineEffort[], options: EffortTimelineOptions): SVGSVGElement {
  const dated = efforts.filter((e) => e.start !== null && e.end !== null);
  const labels = efforts.map((e) => e.label);
  const times = [...dated.flatMap((e) => [day(e.start!), day(e.end!)]), day(options.period.from), day(options.period.to)].map((d) => d.getTime());
  // The names and notes take their margins whatever the width: on a phone the chart is drawn
  // at least wide enough for 200 px of bars and scaled down to fit (CSS max-width), never
  // with a negative plot width.
  const marginLeft = labelWidth(labels);
  const marginRight = 190;
  const width = Math.max(options.width ?? 720, marginLeft + marginRight + 200);
  const chart = Plot.plot({
    width,
    height: efforts.length * 34 + 60,
    marginLeft,
    marginRight,
    marginTop: 28,
    style: plotStyle,
    x: { type: 'utc', label: null, domain: [new Date(Math.min(...times)), new Date(Math.max(...times))], grid: true, tickFormat: options.tickFormat, ticks: Math.max(2, Math.floor((width - marginLeft - marginRight) / 100)) },
    y: { label: null, domain: labels, tickSize: 0 },
    marks: [
      Plot.rectX([options.period], { x1: (p: { from: string }) => day(p.from), x2: (p: { to: string }) => day(p.to), fill: colours.grid, fillOpacity: 0.5 }),
      Plot.barX(dated, {
        x1: (e: TimelineEffort) => day(e.start!),
        x2: (e: TimelineEffort) => day(e.end!),
        y: 'label',
        fill: (e: TimelineEffort) => tierColour(e.tier),
        title: (e: TimelineEffort) => e.title,
        insetTop: 5,
        insetBottom: 5,
      }),
      Plot.text(dated, { x: (e: TimelineEffort) => day(e.end!), y: 'label', text: 'note', textAnchor: 'start', dx: 6, fill: colours.text }),
    ],
  });
  return finishChart(chart, options.alt);
}
