/**
 * A data table whose column headers sort it: a button in each header (ascending, then
 * descending), the header's aria-sort saying which. Only the body is redrawn, so focus stays
 * on the button pressed. Empty values sort last either way.
 */
import type { TableColumn } from './dataTable.ts';
import { h } from './h.ts';

export interface SortableColumn<R> extends TableColumn<R> {
  /** What the column sorts by; its CSV value when absent. */
  readonly sortValue?: (row: R) => string | number | boolean | null | undefined;
}

type Key = string | number | boolean | null | undefined;

function compare(a: Key, b: Key): number {
  const emptyA = a === null || a === undefined || a === '';
  const emptyB = b === null || b === undefined || b === '';
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'nb');
}

export function sortableTable<R>(caption: string, columns: readonly SortableColumn<R>[], rows: readonly R[], sortLabel: (column: string) => string): HTMLTableElement {
  const body = h('tbody');
  const heads: HTMLTableCellElement[] = [];
  const cellText = (c: SortableColumn<R>, row: R) => (c.text ? c.text(row) : String(c.value(row) ?? ''));
  const draw = (order: readonly R[]) =>
    body.replaceChildren(
      ...order.map((row) => h('tr', {}, columns.map((c) => (c.rowHeader ? h('th', { scope: 'row' }, cellText(c, row)) : h('td', { class: c.numeric ? 'num' : null }, cellText(c, row)))))),
    );
  let sorted: { index: number; dir: 1 | -1 } | null = null;
  const sortBy = (index: number) => {
    const dir = sorted?.index === index && sorted.dir === 1 ? -1 : 1;
    sorted = { index, dir };
    const column = columns[index]!;
    const key = column.sortValue ?? column.value;
    draw([...rows].sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      const empty = (k: Key) => k === null || k === undefined || k === '';
      return empty(ka) || empty(kb) ? compare(ka, kb) : dir * compare(ka, kb);
    }));
    heads.forEach((th, i) => (i === index ? th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending') : th.removeAttribute('aria-sort')));
  };
  columns.forEach((c, i) => {
    heads.push(
      h('th', { scope: 'col', class: c.numeric ? 'num' : null }, h('button', { type: 'button', class: 'sort-button', title: sortLabel(c.header), onclick: () => sortBy(i) }, c.header)),
    );
  });
  draw(rows);
  return h('table', { class: 'data-table sortable' }, h('caption', {}, caption), h('thead', {}, h('tr', {}, heads)), body);
}
