/**
 * The year wheel: one school year (1 August at the top, clockwise) as rings of marks drawn
 * with d3.arc, a ring per kind of item from the inside out, months around the rim, the as-of
 * date as a spoke. Marks that would overlap in a ring go to lanes within it. Every mark is
 * focusable and named (`label`); the wheel is one tab stop, and the arrow keys (Home, End)
 * move between the marks in date order (a roving tabindex), so the lists after it are not
 * a hundred presses away. A function of (data, options); the page composes it.
 */
import { arc } from 'd3';
import { assignLanes, dayIndex } from '../data/wheelLanes.ts';
import { markStyles, type MarkKind } from './wheelPalette.ts';

export interface WheelRing {
  readonly key: string;
  readonly label: string;
}

export interface WheelMark {
  readonly date: string;
  /** The key of its ring. */
  readonly ring: string;
  readonly kind: MarkKind;
  /** The accessible name: "Planlagt møte 12.09.2025: holdt 13.09.2025". */
  readonly label: string;
}

export interface WheelData {
  readonly from: string;
  readonly to: string;
  readonly asOf: string;
  /** Innermost first. */
  readonly rings: readonly WheelRing[];
  readonly marks: readonly WheelMark[];
}

export interface WheelOptions {
  readonly size: number;
  /** Twelve short month names, January first. */
  readonly monthNames: readonly string[];
  /** The wheel's text alternative (what it shows and how to move in it). */
  readonly alt: string;
  /** Text in the middle (the school year). */
  readonly centre: string;
  readonly asOfLabel: string;
  /** Keyboard and focus; false draws a still picture (the printed annual review). */
  readonly interactive?: boolean;
  readonly onFocusMark?: (mark: WheelMark) => void;
}

const svgNs = 'http://www.w3.org/2000/svg';
/** A mark spans this many days of the rim, so one day stays visible; closer marks take lanes. */
const markDays = 3;

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(svgNs, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/** The first of each month in [from, to], as ISO dates. */
function monthStarts(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (let iso = from.slice(0, 8) + '01'; iso <= to; iso = `${y}-${String(m).padStart(2, '0')}-01`) {
    out.push(iso < from ? from : iso);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/** Keyboard moves between marks in date order: one tab stop, arrows, Home and End. */
function rovingFocus(svg: SVGSVGElement, marks: readonly SVGPathElement[]): void {
  marks.forEach((m, i) => m.setAttribute('tabindex', i === 0 ? '0' : '-1'));
  svg.addEventListener('keydown', (event) => {
    const current = marks.indexOf(event.target as SVGPathElement);
    if (current === -1) return;
    const next = { ArrowRight: current + 1, ArrowDown: current + 1, ArrowLeft: current - 1, ArrowUp: current - 1, Home: 0, End: marks.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = marks[Math.max(0, Math.min(marks.length - 1, next))]!;
    marks[current]!.setAttribute('tabindex', '-1');
    target.setAttribute('tabindex', '0');
    target.focus();
  });
}

export function yearWheelChart(data: WheelData, options: WheelOptions): SVGSVGElement {
  const { size } = options;
  const total = dayIndex(data.from, data.to) + 1;
  const angle = (day: number) => (day / total) * 2 * Math.PI;
  const rimRadius = size / 2 - 34;
  const hubRadius = size * 0.17;
  const band = (rimRadius - hubRadius) / Math.max(1, data.rings.length);
  const svg = el('svg', { viewBox: `${-size / 2} ${-size / 2} ${size} ${size}`, width: size, height: size, class: 'year-wheel', role: 'group', 'aria-label': options.alt });
  const drawArc = arc<{ innerRadius: number; outerRadius: number; startAngle: number; endAngle: number }>();

  // Every other month shaded, a spoke and a name at each month's start.
  const months = monthStarts(data.from, data.to);
  const back = el('g', { class: 'wheel-months', 'aria-hidden': 'true' });
  months.forEach((start, i) => {
    const a0 = angle(dayIndex(data.from, start));
    const a1 = angle(i + 1 < months.length ? dayIndex(data.from, months[i + 1]!) : total);
    if (i % 2 === 1) back.append(el('path', { d: drawArc({ innerRadius: hubRadius, outerRadius: rimRadius, startAngle: a0, endAngle: a1 })!, fill: '#f1f3f6' }));
    back.append(el('line', { x1: hubRadius * Math.sin(a0), y1: -hubRadius * Math.cos(a0), x2: (rimRadius + 6) * Math.sin(a0), y2: -(rimRadius + 6) * Math.cos(a0), stroke: '#b8bfca' }));
    const mid = (a0 + a1) / 2;
    const label = el('text', { x: (rimRadius + 18) * Math.sin(mid), y: -(rimRadius + 18) * Math.cos(mid), 'text-anchor': 'middle', 'dominant-baseline': 'middle', class: 'wheel-month' });
    label.textContent = options.monthNames[Number(start.slice(5, 7)) - 1] ?? '';
    back.append(label);
  });
  data.rings.forEach((_, i) => back.append(el('circle', { r: hubRadius + band * (i + 1), fill: 'none', stroke: '#d5dae1' })));
  back.append(el('circle', { r: hubRadius, fill: 'none', stroke: '#b8bfca' }));
  const centre = el('text', { x: 0, y: 0, 'text-anchor': 'middle', 'dominant-baseline': 'middle', class: 'wheel-centre' });
  centre.textContent = options.centre;
  back.append(centre);
  svg.append(back);

  // The marks, ring by ring, lanes within a ring; then in date order for the keyboard.
  const drawn: Array<{ mark: WheelMark; path: SVGPathElement; day: number; ring: number }> = [];
  const layer = el('g', { class: 'wheel-marks' });
  data.rings.forEach((ring, r) => {
    const marks = data.marks.filter((m) => m.ring === ring.key);
    const days = marks.map((m) => dayIndex(data.from, m.date));
    const { lanes, count } = assignLanes(days, markDays + 0.5);
    const laneWidth = (band - 4) / count;
    marks.forEach((mark, i) => {
      const inner = hubRadius + band * r + 2 + laneWidth * lanes[i]!;
      const centreAngle = angle(days[i]! + 0.5);
      const half = angle(markDays / 2);
      const style = markStyles[mark.kind];
      const path = el('path', {
        d: drawArc({ innerRadius: inner + 0.5, outerRadius: inner + laneWidth - 0.5, startAngle: centreAngle - half, endAngle: centreAngle + half })!,
        fill: style.fill,
        stroke: style.stroke,
        'stroke-width': 1.2,
        class: `wheel-mark mark-${mark.kind}`,
        'data-kind': mark.kind,
        'data-ring': ring.key,
        'data-date': mark.date,
        role: 'img',
        'aria-label': mark.label,
      });
      if (style.dash) path.setAttribute('stroke-dasharray', style.dash);
      const title = el('title', {});
      title.textContent = mark.label;
      path.append(title);
      layer.append(path);
      drawn.push({ mark, path, day: days[i]!, ring: r });
    });
  });
  svg.append(layer);

  // The as-of date, when it falls in the year.
  const asOfDay = dayIndex(data.from, data.asOf);
  if (asOfDay >= 0 && asOfDay < total) {
    const a = angle(asOfDay + 1);
    const line = el('line', { x1: (hubRadius - 8) * Math.sin(a), y1: -(hubRadius - 8) * Math.cos(a), x2: (rimRadius + 8) * Math.sin(a), y2: -(rimRadius + 8) * Math.cos(a), class: 'wheel-asof', stroke: '#111', 'stroke-width': 2, 'aria-hidden': 'true' });
    svg.append(line);
    const label = el('text', { x: 0, y: 16, 'text-anchor': 'middle', class: 'wheel-asof-label', 'aria-hidden': 'true' });
    label.textContent = options.asOfLabel;
    svg.append(label);
  }

  if (options.interactive !== false) {
    const ordered = drawn.sort((a, b) => a.day - b.day || a.ring - b.ring);
    rovingFocus(svg, ordered.map((d) => d.path));
    for (const { mark, path } of ordered) path.addEventListener('focus', () => options.onFocusMark?.(mark));
  }
  return svg;
}
