/**
 * A chart with what makes it understandable and usable: an optional legend and note, the
 * chart itself (an SVG with role="img" and a text alternative), its data as a table behind
 * "Vis tabell", and buttons to download the data (CSV) and the chart (PNG, SVG).
 */
import type { Strings } from '../i18n/strings.ts';
import { dataTable, type TableColumn } from './dataTable.ts';
import { exportButtons } from './exportButtons.ts';
import { h, type Child } from './h.ts';
import { scrollRegion } from './scrollRegion.ts';

export interface LegendItem {
  readonly label: string;
  readonly colour: string;
  /** An SVG stroke-dasharray; solid when absent. */
  readonly dash?: string;
}

export interface ChartCardOptions<R> {
  readonly chart: SVGSVGElement;
  /** The table's caption and the exports' title. */
  readonly title: string;
  readonly fileName: string;
  readonly columns: readonly TableColumn<R>[];
  readonly rows: readonly R[];
  readonly legend?: readonly LegendItem[];
  readonly note?: Child;
  readonly t: Strings;
}

const svgNamespace = 'http://www.w3.org/2000/svg';

/** A short line in the item's colour and dash pattern, as the chart draws it. */
function swatch(item: LegendItem): SVGSVGElement {
  const svg = document.createElementNS(svgNamespace, 'svg');
  svg.setAttribute('width', '28');
  svg.setAttribute('height', '10');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'swatch');
  const line = document.createElementNS(svgNamespace, 'line');
  for (const [k, v] of Object.entries({ x1: '0', y1: '5', x2: '28', y2: '5', stroke: item.colour, 'stroke-width': '3' })) line.setAttribute(k, v);
  if (item.dash) line.setAttribute('stroke-dasharray', item.dash);
  svg.append(line);
  return svg;
}

function legend(items: readonly LegendItem[]): HTMLElement {
  return h(
    'ul',
    { class: 'legend' },
    items.map((item) =>
      h(
        'li',
        {},
        swatch(item),
        item.label,
      ),
    ),
  );
}

/**
 * The chart's data behind "Vis tabell", built when first opened: a survival curve has a row
 * per day with an event, hundreds of rows nobody reads unless they ask.
 */
function lazyTable<R>(options: ChartCardOptions<R>): HTMLDetailsElement {
  const { t } = options;
  const details = h('details', { class: 'chart-table' }, h('summary', {}, t.showTable));
  details.addEventListener('toggle', () => {
    if (details.open && !details.querySelector('table')) {
      details.append(scrollRegion(t.tableRegion(options.title), dataTable(options.title, options.columns, options.rows)));
    }
  });
  return details;
}

export function chartCard<R>(options: ChartCardOptions<R>): HTMLElement {
  const { t } = options;
  return h(
    'div',
    { class: 'chart-card' },
    options.legend?.length ? legend(options.legend) : null,
    h('div', { class: 'chart' }, options.chart),
    options.note ? h('p', { class: 'note' }, options.note) : null,
    lazyTable(options),
    exportButtons({ name: options.fileName, title: options.title, csv: { rows: options.rows, columns: options.columns }, svg: options.chart }, t),
  );
}
