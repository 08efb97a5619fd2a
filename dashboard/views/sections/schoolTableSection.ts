/**
 * The school page's table: every figure for the school beside its municipality's, each with
 * its n and its definition, and a button to show the figure per month in the chart below.
 */
import { getFigures } from '../../api/endpoints.ts';
import type { FigureParams, FigureRow, FigureSpec } from '../../api/types.ts';
import { asyncSection } from '../../components/asyncSection.ts';
import { definitionButton } from '../../components/definitionButton.ts';
import { exportButtons } from '../../components/exportButtons.ts';
import { figureNContent, figureValueContent } from '../../components/figureValueCell.ts';
import { h } from '../../components/h.ts';
import { scrollRegion } from '../../components/scrollRegion.ts';
import { emptyMessage } from '../../components/stateMessage.ts';
import { figureN, figureValue } from '../../data/figureValue.ts';
import { hasData } from '../../data/groupStats.ts';
import type { CsvColumn } from '../../export/csv.ts';
import { fileSlug } from '../../export/download.ts';
import { figureLabel } from '../../i18n/strings.ts';
import type { ViewContext } from '../viewContext.ts';

function exact(row: FigureRow, spec: FigureSpec, hidden: string): number | string | null {
  const v = figureValue(row, spec);
  return v.state === 'value' ? v.value : v.state === 'suppressed' ? hidden : null;
}

interface Pair {
  readonly school: FigureRow;
  readonly municipality: FigureRow;
}

/** One figure's row: its name and definition, the two values with their n, and "show per month". */
function figureRow(ctx: ViewContext, spec: FigureSpec, pair: Pair): HTMLTableRowElement {
  const { t, lang, state } = ctx;
  const chosen = spec.key === state.figure;
  const value = (row: FigureRow, column: string) =>
    h('td', { class: 'num', 'data-column': column }, figureValueContent(row, spec, t, lang, ctx.meta.suppression?.threshold ?? 5), figureNContent(row, spec, t, lang));
  const show = h(
    'button',
    {
      type: 'button',
      class: 'button button-small',
      id: `trend-${spec.key}`,
      'aria-pressed': chosen ? 'true' : 'false',
      'aria-labelledby': `trend-${spec.key} label-${spec.key}`,
      onclick: () => ctx.navigate({ figure: spec.key }),
    },
    t.schoolPage.showTrend,
  );
  return h(
    'tr',
    { 'data-key': spec.key, class: chosen ? 'chosen' : null },
    h('th', { scope: 'row' }, h('span', { class: 'th-inner' }, h('span', { id: `label-${spec.key}` }, figureLabel(spec, lang)), definitionButton(spec, t, lang, 'school'))),
    value(pair.school, 'school'),
    value(pair.municipality, 'municipality'),
    h('td', { class: 'screen-only' }, show),
  );
}

function csvColumns(ctx: ViewContext, pair: Pair, schoolName: string, municipalityLabel: string): CsvColumn<FigureSpec>[] {
  const { t, lang } = ctx;
  return [
    { header: t.name, value: (s) => figureLabel(s, lang) },
    { header: schoolName, value: (s) => exact(pair.school, s, t.suppressed) },
    { header: municipalityLabel, value: (s) => exact(pair.municipality, s, t.suppressed) },
    { header: `${t.n} (${schoolName})`, value: (s) => figureN(pair.school, s) },
    { header: `${t.n} (${municipalityLabel})`, value: (s) => figureN(pair.municipality, s) },
  ];
}

export function schoolTableSection(ctx: ViewContext, schoolParams: FigureParams, municipalityParams: FigureParams, schoolName: string, municipalityLabel: string) {
  const { t, specs, state } = ctx;
  const title = t.schoolPage.table(schoolName);
  return asyncSection({
    id: 'school-figures',
    title,
    t,
    load: async () => {
      const [school, municipality] = await Promise.all([getFigures(schoolParams), getFigures(municipalityParams)]);
      if (!hasData([school])) return emptyMessage(t, ctx.meta.span);
      const pair = { school, municipality };
      const head = [
        h('th', { scope: 'col' }, t.name),
        h('th', { scope: 'col', class: 'num' }, schoolName),
        h('th', { scope: 'col', class: 'num' }, municipalityLabel),
        h('th', { scope: 'col', class: 'screen-only' }, t.schoolPage.trendColumn),
      ];
      const table = h(
        'table',
        { class: 'figure-table school-table', id: 'table-school' },
        h('caption', { class: 'visually-hidden' }, title),
        h('thead', {}, h('tr', {}, head)),
        h('tbody', {}, specs.map((spec) => figureRow(ctx, spec, pair))),
      );
      return h(
        'div',
        {},
        scrollRegion(t.tableRegion(title), table),
        exportButtons({ name: fileSlug(t.ux.files.schoolFigures, schoolName, state.from, state.to), title, csv: { rows: specs, columns: csvColumns(ctx, pair, schoolName, municipalityLabel) } }, t),
      );
    },
  });
}
