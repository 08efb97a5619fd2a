/** One school: its key figures beside its municipality's, and the chosen figure per month against the municipality. */
import { h } from '../components/h.ts';
import { emptyMessage } from '../components/stateMessage.ts';
import { previousPeriod, totalSize } from '../data/schoolComparison.ts';
import { formatDate } from '../format/dateFormat.ts';
import { figureParams } from '../state/figureParams.ts';
import { schoolYearLabel } from '../../etl/calendar/period.ts';
import { schoolPageStrings } from './schoolPageStrings.ts';
import { schoolsInScope } from './schoolsInScope.ts';
import { schoolTableSection } from './sections/schoolTableSection.ts';
import { trendSection } from './sections/trendSection.ts';
import type { ViewContext, ViewResult } from './viewContext.ts';

export function schoolView(ctx: ViewContext): ViewResult {
  const { state, meta, t } = ctx;
  const school = meta.schools.find((s) => s.school_id === state.school);
  if (!school) {
    const element = h('div', { class: 'view view-school' }, h('h1', {}, t.views.school), emptyMessage(t, ctx.meta.span), h('p', {}, t.schoolPage.noSchool));
    return { element, ready: Promise.resolve() };
  }
  // A school has one level: the level filter narrows only the municipality's column (a
  // rector's own school stays on the page when another level is chosen).
  const schoolParams = { ...figureParams(state, meta.asOf, { school: school.school_id }), level: undefined };
  const municipalityParams = figureParams(state, meta.asOf, { municipality: school.municipality });
  const municipalityLabel = state.level ? `${school.municipality}, ${t.levels[state.level].toLowerCase()}` : school.municipality;
  const peers = schoolsInScope(meta, school.municipality, state.level);
  const schools = peers.length;
  // Last year: the same dates a year earlier, as of its last day (it is over).
  const before = previousPeriod(state);
  const previousParams = { ...schoolParams, ...before, asOf: before.to < meta.asOf ? before.to : meta.asOf };
  const previousLabel = state.term === 'year' ? schoolYearLabel(state.year - 1) : `${formatDate(before.from, t.lang)}–${formatDate(before.to, t.lang)}`;
  const size = (s: { students?: number | null; staff?: number | null }) => ({ students: s.students ?? null, staff: s.staff ?? null });
  const setup = {
    previousParams,
    previousLabel,
    sizes: { school: size(school), municipality: totalSize(peers.map(size)), schools },
    municipality: municipalityLabel,
  };
  const sections = [
    schoolTableSection(ctx, schoolParams, municipalityParams, school.school_name, municipalityLabel, setup),
    trendSection(ctx, schoolParams, municipalityParams, school.school_name, schools, { params: previousParams, label: schoolPageStrings(ctx.lang).lastYearReference(previousLabel) }),
  ];
  const level = school.level ? `, ${t.levels[school.level].toLowerCase()}` : '';
  const element = h(
    'div',
    { class: 'view view-school' },
    h('h1', {}, t.schoolPage.heading(school.school_name, `${school.municipality}${level}`)),
    sections.map((s) => s.element),
  );
  return { element, ready: Promise.all(sections.map((s) => s.ready)) };
}
