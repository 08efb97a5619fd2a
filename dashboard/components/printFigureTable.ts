/**
 * The figure table for paper: transposed (a row per figure, a column per group), because
 * twenty-odd figure columns do not fit across A4 but a dozen groups do. Wider scopes are
 * split into several tables of at most `perTable` groups; the reference columns come last.
 * Shown only in print (styles/print.css); the screen has the sortable table.
 */
import type { FigureRow, FigureSpec } from '../api/types.ts';
import type { Lang } from '../i18n/lang.ts';
import { figureLabel, type Strings } from '../i18n/strings.ts';
import { figureNContent, figureValueContent } from './figureValueCell.ts';
import { h } from './h.ts';

export interface PrintColumn {
  readonly name: string;
  readonly row: FigureRow;
  readonly showN: boolean;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function printFigureTable(
  caption: string,
  columns: readonly PrintColumn[],
  specs: readonly FigureSpec[],
  t: Strings,
  lang: Lang,
  threshold: number,
  perTable = 12,
): HTMLElement {
  const parts = chunks(columns, perTable);
  const tables = parts.map((part) =>
    h(
      'table',
      { class: 'print-table' },
      // The section's heading says it already, unless the table is split.
      h('caption', { class: parts.length > 1 ? null : 'visually-hidden' }, caption),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t.name), part.map((c) => h('th', { scope: 'col', class: 'num' }, c.name)))),
      h(
        'tbody',
        {},
        specs.map((spec) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, figureLabel(spec, lang)),
            part.map((c) => h('td', { class: 'num' }, figureValueContent(c.row, spec, t, lang, threshold), c.showN ? figureNContent(c.row, spec, t, lang) : null)),
          ),
        ),
      ),
    ),
  );
  return h('div', { class: 'print-only' }, tables);
}
