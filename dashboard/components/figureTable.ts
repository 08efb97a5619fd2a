/**
 * The key figures of several groups (schools or municipalities) as one table: a row per
 * group, a column per figure, reference rows (the total, the median) in the footer. Column
 * headers are sort buttons (aria-sort on the header cell) with the figure's definition
 * beside them; each value shows its n.
 */
import type { FigureRow, FigureSpec } from '../api/types.ts';
import { sortRows } from '../data/sortRows.ts';
import type { Lang } from '../i18n/lang.ts';
import { figureLabel, type Strings } from '../i18n/strings.ts';
import type { SortDir, SortKey } from '../state/dashboardState.ts';
import { definitionButton } from './definitionButton.ts';
import { figureNContent, figureValueContent } from './figureValueCell.ts';
import { h, visuallyHidden } from './h.ts';
import { scrollRegion } from './scrollRegion.ts';

export interface ReferenceRow {
  readonly label: string;
  readonly row: FigureRow;
  readonly showN: boolean;
}

export interface FigureTableOptions {
  /** Makes element ids unique: `sort-<id>-<key>`. */
  readonly id: string;
  readonly caption: string;
  readonly nameHeader: string;
  readonly rows: readonly FigureRow[];
  readonly references: readonly ReferenceRow[];
  readonly specs: readonly FigureSpec[];
  readonly sort: SortKey;
  readonly dir: SortDir;
  readonly onSort: (sort: SortKey, dir: SortDir) => void;
  /** The row's name cell content (e.g. a link to the school page). */
  readonly name: (row: FigureRow) => Node | string;
  readonly rowId: (row: FigureRow) => string;
  readonly t: Strings;
  readonly lang: Lang;
  /** The suppression threshold, for the reason a figure is hidden. */
  readonly threshold: number;
}

function sortHeader(o: FigureTableOptions, key: SortKey, label: string, extra: Node | null): HTMLTableCellElement {
  const active = o.sort === key;
  const next: SortDir = active && o.dir === 'asc' ? 'desc' : 'asc';
  const icon = active ? (o.dir === 'asc' ? '▲' : '▼') : '↕';
  return h(
    'th',
    { scope: 'col', class: key === 'name' ? null : 'num', 'aria-sort': active ? (o.dir === 'asc' ? 'ascending' : 'descending') : null, 'data-key': key },
    h(
      'div',
      { class: 'th-inner' },
      h(
        'button',
        { type: 'button', class: 'sort-button', id: `sort-${o.id}-${key}`, onclick: () => o.onSort(key, next) },
        label,
        h('span', { class: `sort-icon${active ? ' active' : ''}`, 'aria-hidden': 'true' }, icon),
      ),
      extra,
    ),
  );
}

function valueCells(o: FigureTableOptions, row: FigureRow, showN: boolean): HTMLTableCellElement[] {
  return o.specs.map((spec) =>
    h(
      'td',
      { class: 'num', 'data-key': spec.key },
      figureValueContent(row, spec, o.t, o.lang, o.threshold),
      showN ? figureNContent(row, spec, o.t, o.lang) : null,
    ),
  );
}

export function figureTable(o: FigureTableOptions): HTMLElement {
  const rows = sortRows(o.rows, o.sort, o.dir, o.specs);
  const table = h(
    'table',
    { class: 'figure-table', id: `table-${o.id}` },
    h('caption', { class: 'visually-hidden' }, o.caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        sortHeader(o, 'name', o.nameHeader, null),
        o.specs.map((spec) => sortHeader(o, spec.key, figureLabel(spec, o.lang), definitionButton(spec, o.t, o.lang, `${o.id}`))),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((row) => h('tr', { 'data-id': o.rowId(row) }, h('th', { scope: 'row' }, o.name(row)), valueCells(o, row, true))),
    ),
    o.references.length
      ? h(
          'tfoot',
          {},
          o.references.map((ref, i) =>
            h(
              'tr',
              { class: 'reference-row', 'data-reference': String(i) },
              h('th', { scope: 'row' }, visuallyHidden(`${o.t.referenceRows}: `), ref.label),
              valueCells(o, ref.row, ref.showN),
            ),
          ),
        )
      : null,
  );
  return h('div', { class: 'screen-only' }, h('p', { class: 'note scroll-hint' }, o.t.scrollHint(o.specs.length)), scrollRegion(o.t.tableRegion(o.caption), table));
}
