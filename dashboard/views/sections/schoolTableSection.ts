/**
 * The school page's table: every figure for the school beside the mean school of its
 * municipality and the municipality's own, then the school's figure for the same period a
 * year earlier and the change, each with its n and its definition, and a button to show the
 * figure per month in the chart below. A switch shows counts and sums per pupil or per 10
 * staff (data/schoolComparison.ts; `per` in the URL).
 */
import '../../styles/schoolPage.css';
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
import { isAdditive } from '../../data/monthlyPoints.ts';
import { schoolComparison, type PerSize, type SchoolComparison, type Shown, type Size } from '../../data/schoolComparison.ts';
import { formatFigure, formatNumber, missingValue } from '../../format/numberFormat.ts';
import { schoolPageStrings } from '../schoolPageStrings.ts';
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
  readonly previous: FigureRow;
}

/** Who the comparisons are of: sizes, the number of schools, the column labels. */
export interface SchoolComparisonSetup {
  readonly previousParams: FigureParams;
  readonly previousLabel: string;
  readonly sizes: { readonly school: Size; readonly municipality: Size; readonly schools: number };
  readonly municipality: string;
}

/** A comparison value as text: counts per pupil with three decimals, per 10 staff and mean-school counts with one. */
function comparisonText(value: number, spec: FigureSpec, per: PerSize | null, lang: ViewContext['lang'], mean: boolean): string {
  if (isAdditive(spec) && per === 'pupils') return formatNumber(value, lang, 3);
  if (isAdditive(spec) && (per === 'staff' || mean)) return formatNumber(value, lang, 1);
  return formatFigure(value, spec.kind, lang);
}

/** `+3`, `−0,05`, `+4,2 prosentpoeng` (rates change in percentage points). */
function changeText(change: number | null, spec: FigureSpec, per: PerSize | null, ctx: ViewContext): string {
  if (change === null) return missingValue;
  const sign = change > 0 ? '+' : '';
  const text = spec.kind === 'rate' ? `${formatNumber(change * 100, ctx.lang, 1)} ${schoolPageStrings(ctx.lang).points}` : comparisonText(change, spec, per, ctx.lang, true);
  return `${sign}${text}`.replace('-', '\u2212');
}

/** A cell's content for a compared value; a hidden or missing one as the row's own cell says it. */
function comparedContent(ctx: ViewContext, value: Shown, row: FigureRow, spec: FigureSpec, mean: boolean): Node[] {
  if (typeof value !== 'number') {
    if (value === 'hidden') return figureValueContent(row, spec, ctx.t, ctx.lang, ctx.meta.suppression?.threshold ?? 5);
    return [h('span', { class: 'value missing', title: ctx.t.noBasis, 'aria-hidden': 'true' }, missingValue), h('span', { class: 'visually-hidden' }, ctx.t.noBasis)];
  }
  return [h('span', { class: 'value' }, comparisonText(value, spec, ctx.state.per ?? null, ctx.lang, mean))];
}

/** One figure's row: its name and definition, the values with their n, and "show per month". */
function figureRow(ctx: ViewContext, spec: FigureSpec, pair: Pair, c: SchoolComparison): HTMLTableRowElement {
  const { t, lang, state } = ctx;
  const chosen = spec.key === state.figure;
  const threshold = ctx.meta.suppression?.threshold ?? 5;
  const scaled = ctx.state.per !== undefined && isAdditive(spec);
  const value = (row: FigureRow, column: string, shown: Shown, mean = false) =>
    h(
      'td',
      { class: 'num', 'data-column': column },
      scaled || mean ? comparedContent(ctx, shown, row, spec, mean) : figureValueContent(row, spec, t, lang, threshold),
      mean ? null : figureNContent(row, spec, t, lang),
    );
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
    value(pair.school, 'school', c.school),
    value(pair.municipality, 'mean-school', c.meanSchool, true),
    h('td', { class: 'num', 'data-column': 'municipality' }, figureValueContent(pair.municipality, spec, t, lang, threshold), figureNContent(pair.municipality, spec, t, lang)),
    value(pair.previous, 'previous', c.previous),
    h('td', { class: 'num', 'data-column': 'change' }, h('span', { class: 'value' }, changeText(c.change, spec, ctx.state.per ?? null, ctx))),
    h('td', { class: 'screen-only' }, show),
  );
}

function csvColumns(ctx: ViewContext, pair: Pair, compared: ReadonlyMap<string, SchoolComparison>, names: { school: string; municipality: string; mean: string; previous: string }): CsvColumn<FigureSpec>[] {
  const { t, lang } = ctx;
  const scaled = (s: FigureSpec) => ctx.state.per !== undefined && isAdditive(s);
  const csvValue = (v: Shown) => (v === 'hidden' ? t.suppressed : v);
  const s = schoolPageStrings(lang);
  return [
    { header: t.name, value: (f) => figureLabel(f, lang) },
    { header: names.school, value: (f) => (scaled(f) ? csvValue(compared.get(f.key)!.school) : exact(pair.school, f, t.suppressed)) },
    { header: names.mean, value: (f) => csvValue(compared.get(f.key)!.meanSchool) },
    { header: names.municipality, value: (f) => exact(pair.municipality, f, t.suppressed) },
    { header: names.previous, value: (f) => (scaled(f) ? csvValue(compared.get(f.key)!.previous) : exact(pair.previous, f, t.suppressed)) },
    { header: s.change, value: (f) => compared.get(f.key)!.change },
    { header: `${t.n} (${names.school})`, value: (f) => figureN(pair.school, f) },
    { header: `${t.n} (${names.municipality})`, value: (f) => figureN(pair.municipality, f) },
    { header: `${t.n} (${names.previous})`, value: (f) => figureN(pair.previous, f) },
  ];
}

/** The switch: as counted, per pupil, per 10 staff (radio buttons, one history entry each). */
function perSwitch(ctx: ViewContext, sizeKnown: boolean): HTMLElement {
  const s = schoolPageStrings(ctx.lang);
  const current = ctx.state.per ?? 'count';
  const option = (value: 'count' | PerSize) =>
    h(
      'label',
      { class: 'per-option' },
      h('input', {
        type: 'radio',
        name: 'per',
        id: `per-${value}`,
        value,
        checked: current === value,
        disabled: value !== 'count' && !sizeKnown,
        onchange: () => ctx.navigate(value === 'count' ? { per: undefined } : { per: value }),
      }),
      ` ${s.perOption[value]}`,
    );
  return h(
    'fieldset',
    { class: 'per-switch screen-only', id: 'per-switch' },
    h('legend', {}, s.perLegend),
    option('count'),
    option('pupils'),
    option('staff'),
    sizeKnown ? null : h('p', { class: 'note' }, s.sizeUnknown),
  );
}

export function schoolTableSection(ctx: ViewContext, schoolParams: FigureParams, municipalityParams: FigureParams, schoolName: string, municipalityLabel: string, setup: SchoolComparisonSetup) {
  const { t, specs, state } = ctx;
  const s = schoolPageStrings(ctx.lang);
  const title = t.schoolPage.table(schoolName);
  return asyncSection({
    id: 'school-figures',
    title,
    t,
    load: async () => {
      const [school, municipality, previous] = await Promise.all([getFigures(schoolParams), getFigures(municipalityParams), getFigures(setup.previousParams)]);
      if (!hasData([school])) return emptyMessage(t, ctx.meta.span);
      const pair = { school, municipality, previous };
      const per = state.per ?? null;
      const compared = new Map(specs.map((spec) => [spec.key, schoolComparison(spec, pair, setup.sizes, per)] as const));
      const names = { school: schoolName, municipality: municipalityLabel, mean: s.meanSchool(setup.municipality), previous: s.previous(setup.previousLabel) };
      const head = [
        h('th', { scope: 'col' }, t.name),
        h('th', { scope: 'col', class: 'num' }, schoolName),
        h('th', { scope: 'col', class: 'num', 'data-column': 'mean-school' }, names.mean),
        h('th', { scope: 'col', class: 'num' }, municipalityLabel),
        h('th', { scope: 'col', class: 'num', 'data-column': 'previous' }, names.previous),
        h('th', { scope: 'col', class: 'num', 'data-column': 'change' }, s.change),
        h('th', { scope: 'col', class: 'screen-only' }, t.schoolPage.trendColumn),
      ];
      const table = h(
        'table',
        { class: 'figure-table school-table', id: 'table-school' },
        h('caption', { class: 'visually-hidden' }, title),
        h('thead', {}, h('tr', {}, head)),
        h('tbody', {}, specs.map((spec) => figureRow(ctx, spec, pair, compared.get(spec.key)!))),
      );
      const sizeKnown = setup.sizes.school.students !== null && setup.sizes.school.staff !== null;
      const fileName = per ? `${t.ux.files.schoolFigures}-${s.perOption[per]}` : t.ux.files.schoolFigures;
      return h(
        'div',
        {},
        perSwitch(ctx, sizeKnown),
        per ? h('p', { class: 'note', id: 'per-note' }, s.perNote[per]) : null,
        scrollRegion(t.tableRegion(title), table),
        h('p', { class: 'note', id: 'mean-school-note' }, s.meanSchoolNote(setup.municipality, setup.sizes.schools)),
        exportButtons({ name: fileSlug(fileName, schoolName, state.from, state.to), title, csv: { rows: specs, columns: csvColumns(ctx, pair, compared, names) } }, t),
      );
    },
  });
}
