/**
 * Overview of one municipality: the chosen figure per school (the first chart, right under
 * the filter that chooses it), its schools × key figures (with the municipality's total and
 * the schools' median), the chosen figure per month, and how long cases take: the
 * distribution of days to end, Kaplan–Meier and cumulative incidence.
 */
import { getFigures, getFiguresBy } from '../api/endpoints.ts';
import type { FigureRow } from '../api/types.ts';
import { afterPaint } from '../components/afterPaint.ts';
import { h } from '../components/h.ts';
import { navLink } from '../components/navLink.ts';
import { figureLabel } from '../i18n/strings.ts';
import { overviewParams } from './overviewRequests.ts';
import { schoolsInScope } from './schoolsInScope.ts';
import { barSection } from './sections/barSection.ts';
import { durationSection } from './sections/durationSection.ts';
import { groupTableSection } from './sections/groupTableSection.ts';
import { monthlySection } from './sections/monthlySection.ts';
import { incidenceSection, survivalSection } from './sections/survivalSection.ts';
import type { ViewContext, ViewResult } from './viewContext.ts';

export function overviewView(ctx: ViewContext): ViewResult {
  const { state, meta, t, lang } = ctx;
  const m = state.municipality;
  const params = overviewParams(state, meta.asOf);
  const schoolName = (row: FigureRow) => row.school_name ?? row.school_id ?? '';
  const bars = barSection(ctx, {
    id: 'bars',
    title: t.overview.bars(figureLabel(ctx.figure, lang)),
    alt: t.overview.barsAlt(figureLabel(ctx.figure, lang), m),
    nameHeader: t.schoolColumn,
    load: () => getFiguresBy(params, 'school'),
    fileName: `${t.ux.files.perSchool(figureLabel(ctx.figure, lang))} ${m}`,
  });
  // The sections below the bars (the first chart) draw after it has been painted: their
  // answers have been asked for already (overviewRequests.ts), only their drawing waits.
  const below: ViewContext = { ...ctx, sectionsAfter: bars.ready.then(() => afterPaint()) };
  const sections = [
    bars,
    groupTableSection(below, {
      id: 'schools',
      title: t.overview.table(m),
      nameHeader: t.schoolColumn,
      load: async () => {
        const [rows, total] = await Promise.all([getFiguresBy(params, 'school'), getFigures(params)]);
        return { rows, total };
      },
      // With a level chosen, the total is of that level's schools only: the label says so.
      totalLabel: state.level ? `${t.municipalityTotal(m)} (${t.levels[state.level].toLowerCase()})` : t.municipalityTotal(m),
      medianLabel: t.schoolsMedian,
      rowId: (row) => row.school_id ?? '',
      name: (row) => navLink(state, { view: 'school', school: row.school_id ?? null }, ctx.navigate, schoolName(row)),
      fileName: `${t.ux.files.figuresBySchool} ${m}`,
    }),
    monthlySection(below, params, schoolsInScope(meta, m, state.level).length),
    durationSection(below, params, m),
    survivalSection(below, params, m),
    incidenceSection(below, params, m),
  ];
  const element = h(
    'div',
    { class: 'view view-overview' },
    h('h1', {}, `${t.views.overview}: ${m}`),
    sections.map((s) => s.element),
  );
  return { element, ready: Promise.all(sections.map((s) => s.ready)) };
}
