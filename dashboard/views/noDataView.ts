/**
 * A figure view for a period that cannot have data (not begun, or outside what is imported):
 * says so, where the data is, and offers the default school year, instead of a table of
 * zeros and charts with an empty 0–1 axis. No request is sent.
 */
import { h } from '../components/h.ts';
import { navLink } from '../components/navLink.ts';
import { formatDate } from '../format/dateFormat.ts';
import { defaultSchoolYear, schoolYearLabel, schoolYearsInSpan } from '../../etl/calendar/period.ts';
import type { PeriodCoverage } from '../state/periodCoverage.ts';
import type { ViewContext, ViewResult } from './viewContext.ts';

export function noDataView(ctx: ViewContext, coverage: Exclude<PeriodCoverage, 'ok'>): ViewResult {
  const { state, meta, t } = ctx;
  const from = formatDate(state.from, state.lang);
  const to = formatDate(state.to, state.lang);
  const { first_date: first, last_date: last } = meta.span;
  const title = coverage === 'future' ? t.ux.coverage.future(from, to) : coverage === 'no_data' ? t.ux.coverage.noData : t.ux.coverage.outside(from, to);
  const year = defaultSchoolYear(schoolYearsInSpan(meta.span, meta.asOf), meta.asOf);
  const suggestion =
    coverage === 'no_data'
      ? null
      : navLink(state, { term: 'year', year, asOf: null }, ctx.navigate, t.ux.coverage.suggest(schoolYearLabel(year)), { id: 'suggest-period', class: 'button' });
  const element = h(
    'div',
    { class: `view view-${state.view}` },
    h('h1', {}, t.views[state.view]),
    h(
      'div',
      { class: 'state state-empty', 'data-state': 'empty', id: 'no-data', 'data-coverage': coverage },
      h('p', { class: 'state-title' }, title),
      first && last ? h('p', {}, t.dataSpan(formatDate(first, state.lang), formatDate(last, state.lang))) : null,
      suggestion,
    ),
  );
  return { element, ready: Promise.resolve() };
}
