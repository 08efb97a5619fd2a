/**
 * The year wheel with its legend, the focused mark's name, the same data as a timeline, and
 * as a table (with CSV): one school year of the plan and what happened.
 */
import type { YearWheelAnswer } from '../../api/yearWheelTypes.ts';
import { markStyles, type MarkKind } from '../../charts/wheelPalette.ts';
import { yearTimelineChart } from '../../charts/yearTimelineChart.ts';
import { yearWheelChart, type WheelData, type WheelMark } from '../../charts/yearWheelChart.ts';
import { dataTable, type TableColumn } from '../../components/dataTable.ts';
import { exportButtons } from '../../components/exportButtons.ts';
import { h } from '../../components/h.ts';
import { scrollRegion } from '../../components/scrollRegion.ts';
import { fileSlug } from '../../export/download.ts';
import { formatDate } from '../../format/dateFormat.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { Strings } from '../../i18n/strings.ts';
import type { YearWheelStrings } from './strings.ts';
import { wheelData } from './wheelMarks.ts';

const svgNs = 'http://www.w3.org/2000/svg';

const monthNames: Record<Lang, readonly string[]> = {
  nb: ['jan', 'feb', 'mar', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  sv: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
};

export interface WheelPictureOptions {
  readonly s: YearWheelStrings;
  readonly lang: Lang;
  readonly yearLabel: string;
  readonly size: number;
  readonly interactive: boolean;
  readonly onFocusMark?: (mark: WheelMark) => void;
}

/** The wheel alone (the page's and the printed annual review's). */
export function wheelPicture(data: WheelData, o: WheelPictureOptions): SVGSVGElement {
  const count = (kind: MarkKind) => data.marks.filter((m) => m.kind === kind).length;
  const meetings = data.marks.filter((m) => m.ring === 'held').length;
  return yearWheelChart(data, {
    size: o.size,
    monthNames: monthNames[o.lang],
    alt: o.s.wheelAlt(o.yearLabel, count('done'), count('missed'), count('upcoming'), meetings),
    centre: o.yearLabel,
    asOfLabel: o.s.asOfMark(formatDate(data.asOf, o.lang)),
    interactive: o.interactive,
    onFocusMark: o.onFocusMark,
  });
}

/** A small square drawn as the marks are (SVG attributes: the CSP allows no inline style). */
function swatch(kind: MarkKind): SVGSVGElement {
  const style = markStyles[kind];
  const svg = document.createElementNS(svgNs, 'svg');
  for (const [k, v] of Object.entries({ width: '14', height: '14', class: 'wheel-swatch', 'aria-hidden': 'true' })) svg.setAttribute(k, v);
  const rect = document.createElementNS(svgNs, 'rect');
  for (const [k, v] of Object.entries({ x: '1', y: '1', width: '12', height: '12', fill: style.fill, stroke: style.stroke, 'stroke-width': '1.5' })) rect.setAttribute(k, v);
  if (style.dash) rect.setAttribute('stroke-dasharray', style.dash);
  svg.append(rect);
  return svg;
}

/** The colours and the rings, innermost first. */
export function wheelLegend(data: WheelData, s: YearWheelStrings): HTMLElement {
  const kinds: Array<[MarkKind, string]> = [
    ['done', s.statusLegend.done],
    ['missed', s.statusLegend.missed],
    ['upcoming', s.statusLegend.upcoming],
    ['held', s.meetingLegend.held],
    ['cancelled', s.meetingLegend.cancelled],
    ['tgl', s.meetingLegend.tgl],
  ];
  return h(
    'div',
    { class: 'wheel-legend' },
    h('ul', { class: 'wheel-kinds' }, kinds.map(([kind, label]) => h('li', {}, swatch(kind), label))),
    h('ol', { class: 'wheel-rings' }, data.rings.map((r) => h('li', {}, r.label))),
  );
}

/** A mark's status in words: a plan's done / missed / upcoming, or what happened at a meeting. */
function kindText(kind: MarkKind, s: YearWheelStrings): string {
  switch (kind) {
    case 'done':
    case 'missed':
    case 'upcoming':
      return s.status[kind];
    default:
      return s.meetingLegend[kind];
  }
}

export function wheelTable(data: WheelData, s: YearWheelStrings, t: Strings, name: string, lang: Lang): HTMLElement {
  const ringLabel = new Map(data.rings.map((r) => [r.key, r.label]));
  const columns: TableColumn<WheelMark>[] = [
    { header: s.columns.date, value: (m) => m.date, text: (m) => formatDate(m.date, lang) },
    { header: s.columns.ring, value: (m) => ringLabel.get(m.ring) ?? m.ring },
    { header: s.columns.what, value: (m) => m.label, rowHeader: true },
    { header: s.columns.status, value: (m) => kindText(m.kind, s) },
  ];
  const table = dataTable(s.table, columns, data.marks);
  table.id = 'wheel-table';
  return h('div', { class: 'wheel-table' }, scrollRegion(s.table, table), exportButtons({ name, title: s.table, csv: { rows: data.marks, columns } }, t));
}

export function wheelContent(answer: YearWheelAnswer, o: Omit<WheelPictureOptions, 'onFocusMark' | 'interactive'> & { t: Strings; width: number; schoolName: string }): HTMLElement {
  const data = wheelData(answer, o.s, o.lang);
  if (data.marks.length === 0) return h('div', { class: 'state state-empty', 'data-state': 'empty' }, h('p', { class: 'state-title' }, o.s.noItems));
  const focused = h('p', { class: 'wheel-focused', 'aria-hidden': 'true' });
  const wheel = wheelPicture(data, { ...o, interactive: true, onFocusMark: (m) => (focused.textContent = m.label) });
  wheel.id = 'year-wheel';
  const timeline = yearTimelineChart(data, { width: o.width, monthNames: monthNames[o.lang], alt: o.s.timelineAlt(o.yearLabel) });
  return h(
    'div',
    { class: 'wheel-content' },
    h('div', { class: 'wheel-row' }, h('div', { class: 'wheel-box' }, wheel), h('div', { class: 'wheel-side' }, h('p', { class: 'note' }, o.s.wheelHint), focused, wheelLegend(data, o.s))),
    h('h3', {}, o.s.timeline),
    h('div', { class: 'timeline-box' }, timeline),
    wheelTable(data, o.s, o.t, fileSlug('arshjul', o.schoolName, o.yearLabel), o.lang),
  );
}
