/**
 * The municipalities side by side: a table of every key figure and the chosen figure as
 * bars. Its "all municipalities" row is the total of every municipality (`total=all`), not
 * of the viewer's own scope, so it sums the rows above it.
 */
import { getFiguresBy, getFiguresOfAll } from '../api/endpoints.ts';
import { h } from '../components/h.ts';
import { navLink } from '../components/navLink.ts';
import { figureLabel } from '../i18n/strings.ts';
import { figureParams } from '../state/figureParams.ts';
import { barSection } from './sections/barSection.ts';
import { groupTableSection } from './sections/groupTableSection.ts';
import type { ViewContext, ViewResult } from './viewContext.ts';

export function comparisonView(ctx: ViewContext): ViewResult {
  const { state, meta, t, lang } = ctx;
  const params = figureParams(state, meta.asOf);
  const sections = [
    groupTableSection(ctx, {
      id: 'municipalities',
      title: t.comparison.table,
      nameHeader: t.municipalityColumn,
      load: async () => {
        const [rows, total] = await Promise.all([getFiguresBy(params, 'municipality'), getFiguresOfAll(params)]);
        return { rows, total };
      },
      // With a level chosen, the total is of that level's schools only: the label says so.
      totalLabel: state.level ? `${t.allMunicipalities} (${t.levels[state.level].toLowerCase()})` : t.allMunicipalities,
      medianLabel: t.municipalitiesMedian,
      rowId: (row) => row.municipality ?? '',
      name: (row) => navLink(state, { view: 'overview', municipality: row.municipality ?? state.municipality }, ctx.navigate, row.municipality ?? ''),
      fileName: t.ux.files.figuresByMunicipality,
    }),
    barSection(ctx, {
      id: 'bars',
      title: t.comparison.bars(figureLabel(ctx.figure, lang)),
      alt: t.comparison.barsAlt(figureLabel(ctx.figure, lang)),
      nameHeader: t.municipalityColumn,
      load: () => getFiguresBy(params, 'municipality'),
      fileName: t.ux.files.perMunicipality(figureLabel(ctx.figure, lang)),
    }),
  ];
  const element = h('div', { class: 'view view-comparison' }, h('h1', {}, t.comparison.heading), sections.map((s) => s.element));
  return { element, ready: Promise.all(sections.map((s) => s.ready)) };
}
