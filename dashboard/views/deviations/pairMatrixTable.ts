/**
 * The agency pairs as a table shaped like the matrix (rows and columns the agencies, each
 * pair once below the diagonal, the rest empty), for the printed report, where a list of
 * every pair would take a page of its own. Row and column headers are real `th`s, so a
 * screen reader names both agencies of each cell.
 */
import { h } from '../../components/h.ts';
import type { PairMatrix } from '../../data/deviations/pairMatrix.ts';

export function pairMatrixTable(caption: string, matrix: PairMatrix, label: (code: string) => string, count: (n: number) => string): HTMLTableElement {
  const count0 = new Map(matrix.cells.map((c) => [`${c.row}|${c.column}`, c.count]));
  const columns = matrix.agencies.slice(0, -1);
  return h(
    'table',
    { class: 'data-table pair-matrix' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, h('td', {}), columns.map((c) => h('th', { scope: 'col', class: 'num' }, label(c))))),
    h(
      'tbody',
      {},
      matrix.agencies.slice(1).map((row) =>
        h('tr', {}, h('th', { scope: 'row' }, label(row)), columns.map((c) => {
          const n = count0.get(`${row}|${c}`);
          return n === undefined ? h('td', { class: 'blank' }) : h('td', { class: 'num' }, count(n));
        })),
      ),
    ),
  );
}
