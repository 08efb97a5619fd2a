/**
 * The year wheel's data on a straight line: a row per ring, the school year from left to
 * right, the same marks and lanes, month ticks and the as-of date. A picture for reading and
 * printing (role img with a text alternative); the wheel's marks and the table beside it are
 * the ones a keyboard or screen reader uses. A function of (data, options).
 */
import { scaleUtc } from 'd3';
import { assignLanes, dayIndex } from '../data/wheelLanes.ts';
import type { WheelData } from './yearWheelChart.ts';
import { markStyles } from './wheelPalette.ts';

export interface TimelineOptions {
  readonly width: number;
  readonly monthNames: readonly string[];
  readonly alt: string;
}

const svgNs = 'http://www.w3.org/2000/svg';
const rowHeight = 26;
const labelWidth = 190;
const top = 22;

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(svgNs, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function yearTimelineChart(data: WheelData, options: TimelineOptions): SVGSVGElement {
  const { width } = options;
  const height = top + rowHeight * data.rings.length + 6;
  const end = new Date(utc(data.to).getTime() + 86_400_000);
  const x = scaleUtc().domain([utc(data.from), end]).range([labelWidth, width - 8]);
  const dayWidth = (width - 8 - labelWidth) / (dayIndex(data.from, data.to) + 1);
  const markWidth = Math.max(3, dayWidth * 2);
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, width, height, class: 'year-timeline', role: 'img', 'aria-label': options.alt });

  // The month starts within the year (the tick at its end, 1 August, would be cut off).
  for (const tick of x.ticks(12).filter((d) => d < end)) {
    const tx = x(tick);
    svg.append(el('line', { x1: tx, x2: tx, y1: top - 4, y2: height - 4, stroke: '#d5dae1' }));
    const label = el('text', { x: tx + 3, y: 12, class: 'timeline-month' });
    label.textContent = options.monthNames[tick.getUTCMonth()] ?? '';
    svg.append(label);
  }
  data.rings.forEach((ring, r) => {
    const y0 = top + rowHeight * r;
    svg.append(el('line', { x1: 0, x2: width, y1: y0 + rowHeight, y2: y0 + rowHeight, stroke: '#e3e7ec' }));
    const label = el('text', { x: 0, y: y0 + rowHeight / 2 + 4, class: 'timeline-ring' });
    label.textContent = ring.label;
    svg.append(label);
    const marks = data.marks.filter((m) => m.ring === ring.key);
    const { lanes, count } = assignLanes(marks.map((m) => dayIndex(data.from, m.date)), markWidth / dayWidth + 0.5);
    const laneHeight = (rowHeight - 6) / count;
    marks.forEach((mark, i) => {
      const style = markStyles[mark.kind];
      const rect = el('rect', {
        x: x(utc(mark.date)) + dayWidth / 2 - markWidth / 2,
        y: y0 + 3 + laneHeight * lanes[i]!,
        width: markWidth,
        height: Math.max(2, laneHeight - 1),
        fill: style.fill,
        stroke: style.stroke,
        'data-kind': mark.kind,
      });
      if (style.dash) rect.setAttribute('stroke-dasharray', style.dash);
      svg.append(rect);
    });
  });
  const asOf = utc(data.asOf);
  if (asOf >= utc(data.from) && asOf < end) {
    const ax = x(asOf) + dayWidth;
    svg.append(el('line', { x1: ax, x2: ax, y1: top - 6, y2: height - 2, stroke: '#111', 'stroke-width': 2 }));
  }
  return svg;
}
