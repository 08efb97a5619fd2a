/**
 * The deviations page (`?view=deviations`): Stockholm's register of cooperation problems
 * between agencies around a child, as the figures of contract section 4d per school of the
 * chosen municipality (with its total and the schools' median) and per municipality, those
 * reported per month and school, which
 * agencies they concern (chart, table, and per school), and the open ones and those without
 * an answer after two months (columns of the tables). Every number comes from
 * /api/figures, so the server's suppression holds: outside the viewer's scope deviation
 * counts are hidden like case counts. Words in views/deviations/strings.ts.
 */
import { getFigures, getFiguresBy, getFiguresOfAll } from '../api/endpoints.ts';
import type { FigureRow } from '../api/types.ts';
import { h } from '../components/h.ts';
import { navLink } from '../components/navLink.ts';
import { figureParams } from '../state/figureParams.ts';
import { getDeviationDetails, type DeviationDetailsAnswer } from '../api/deviationEndpoints.ts';
import { detailScope } from '../data/deviations/detailScope.ts';
import { agencyBySchoolSection, agencySection } from './deviations/agencySection.ts';
import { categorySection } from './deviations/categorySection.ts';
import { deviationDetailStrings } from './deviations/detailStrings.ts';
import { openListSection } from './deviations/openListSection.ts';
import { pairSection } from './deviations/pairSection.ts';
import { deviationStrings } from './deviations/strings.ts';
import { schoolsInScope } from './schoolsInScope.ts';
import { groupTableSection } from './sections/groupTableSection.ts';
import { monthlySection } from './sections/monthlySection.ts';
import type { ViewContext, ViewResult } from './viewContext.ts';

export function deviationsView(base: ViewContext): ViewResult {
  const { state, meta, t, lang } = base;
  const s = deviationStrings(lang);
  // The tables show the deviation figures (meta.deviation_figures), not the case figures.
  const ctx: ViewContext = { ...base, specs: meta.deviation_figures, figure: meta.deviation_figures[0] ?? base.figure };
  const m = state.municipality;
  const params = figureParams(state, meta.asOf, { municipality: m });
  const allParams = figureParams(state, meta.asOf);
  // One request each, shared by the sections that read them.
  let bySchool: Promise<FigureRow[]> | null = null;
  let total: Promise<FigureRow> | null = null;
  const schools = () => (bySchool ??= getFiguresBy(params, 'school'));
  const municipalityTotal = () => (total ??= getFigures(params));
  const schoolName = (row: FigureRow) => row.school_name ?? row.school_id ?? '';
  // The list, pairs and categories: the municipality when all its schools are the viewer's,
  // a rector's own school, else nothing asked (the server would withhold them).
  const d = deviationDetailStrings(lang);
  const own = detailScope(m, schoolsInScope(meta, m, state.level));
  const ownName = own === null ? m : 'school' in own ? own.name : m;
  let details: Promise<DeviationDetailsAnswer | null> | null = null;
  const loadDetails = () => (details ??= own === null ? Promise.resolve(null) : getDeviationDetails(figureParams(state, meta.asOf, 'school' in own ? { school: own.school } : { municipality: m })));
  const sections = [
    groupTableSection(ctx, {
      id: 'deviations-schools',
      title: s.bySchool(m),
      nameHeader: t.schoolColumn,
      load: async () => ({ rows: await schools(), total: await municipalityTotal() }),
      totalLabel: state.level ? `${t.municipalityTotal(m)} (${t.levels[state.level].toLowerCase()})` : t.municipalityTotal(m),
      medianLabel: t.schoolsMedian,
      rowId: (row) => row.school_id ?? '',
      name: (row) => navLink(state, { view: 'school', school: row.school_id ?? null }, ctx.navigate, schoolName(row)),
      fileName: `${s.files.bySchool} ${m}`,
    }),
    // Deviations reported per month and school (the overview's small multiples, on this figure).
    monthlySection({ ...ctx, figure: meta.deviation_figures.find((f) => f.key === 'deviations_reported') ?? ctx.figure }, params, schoolsInScope(meta, m, state.level).length),
    openListSection(ctx, s, d, ownName, loadDetails),
    agencySection(ctx, s, municipalityTotal),
    pairSection(ctx, s, d, ownName, loadDetails),
    categorySection(ctx, d, ownName, loadDetails),
    agencyBySchoolSection(ctx, s, schools),
    groupTableSection(ctx, {
      id: 'deviations-municipalities',
      title: s.byMunicipality,
      nameHeader: t.municipalityColumn,
      load: async () => {
        const [rows, all] = await Promise.all([getFiguresBy(allParams, 'municipality'), getFiguresOfAll(allParams)]);
        return { rows, total: all };
      },
      totalLabel: t.allMunicipalities,
      medianLabel: t.municipalitiesMedian,
      rowId: (row) => row.municipality ?? '',
      name: (row) => row.municipality ?? '',
      fileName: s.files.byMunicipality,
    }),
  ];
  const element = h(
    'div',
    { class: 'view view-deviations' },
    h('h1', {}, s.heading(m)),
    h('p', { class: 'intro' }, s.intro),
    h('p', { class: 'note' }, s.openAndOverdueNote(60)),
    h('p', { class: 'screen-only' }, navLink(state, { view: 'deviationreport' }, ctx.navigate, d.report.link, { id: 'deviation-report-link', class: 'button' })),
    sections.map((sec) => sec.element),
  );
  return { element, ready: Promise.all(sections.map((sec) => sec.ready)) };
}
