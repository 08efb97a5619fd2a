/**
 * A plain data table: the text alternative of every chart, and the rows its CSV holds. The
 * same columns give the displayed text (rounded) and the CSV value (exact).
 */
import type { CsvColumn, CsvValue } from '../export/csv.ts';
import { h } from './h.ts';

export interface TableColumn<R> extends CsvColumn<R> {
  /** The cell's text; defaults to the value as given. */
  readonly text?: (row: R) => string;
  readonly numeric?: boolean;
  /** The row's header cell (its name). */
  readonly rowHeader?: boolean;
}

function cellText<R>(column: TableColumn<R>, row: R): string {
  if (column.text) return column.text(row);
  const value: CsvValue = column.value(row);
  return value === null || value === undefined ? '' : String(value);
}

export function dataTable<R>(caption: string, columns: readonly TableColumn<R>[], rows: readonly R[]): HTMLTableElement {
  return h(
    'table',
    { class: 'data-table' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: c.numeric ? 'num' : null }, c.header)))),
    h(
      'tbody',
      {},
      rows.map((row) =>
        h(
          'tr',
          {},
          columns.map((c) =>
            c.rowHeader ? h('th', { scope: 'row' }, cellText(c, row)) : h('td', { class: c.numeric ? 'num' : null }, cellText(c, row)),
          ),
        ),
      ),
    ),
  );
}
