/**
 * The rector's page, "Årshjul og oppfølging": one school's school year as a year wheel (with
 * timeline and table), its figures against the municipality's norms, its key figures against
 * last year and the municipality's median, the norms (changeable here by an administrator or
 * the municipality), and the five lists of what needs follow-up now. For viewers scoped to
 * the school (the school picker offers only those schools).
 */
import { getFollowUp, getYearWheel } from '../../api/yearWheelEndpoints.ts';
import { asyncSection } from '../../components/asyncSection.ts';
import { h } from '../../components/h.ts';
import { navLink } from '../../components/navLink.ts';
import { emptyMessage } from '../../components/stateMessage.ts';
import { fileSlug } from '../../export/download.ts';
import type { ViewContext, ViewResult } from '../viewContext.ts';
import { followUpListsContent } from './followUpListsSection.ts';
import { loadKeyFigures } from './keyFigureRows.ts';
import { keyFigureTable } from './keyFigureTable.ts';
import { normCards } from './normCards.ts';
import { normsEditor } from './normsEditor.ts';
import { pagePeriod } from './pagePeriod.ts';
import { yearWheelStrings } from './strings.ts';
import { wheelContent } from './wheelSection.ts';
import './yearWheel.css';

export function yearWheelView(ctx: ViewContext): ViewResult {
  const { state, meta, t, lang } = ctx;
  const s = yearWheelStrings(lang);
  const school = meta.schools.find((x) => x.school_id === state.school && x.scoped);
  if (!school) {
    const element = h('div', { class: 'view view-yearwheel' }, h('h1', {}, t.views.yearwheel), emptyMessage(t, meta.span));
    return { element, ready: Promise.resolve() };
  }
  const period = pagePeriod(ctx);
  const params = { from: period.from, to: period.to, asOf: period.asOf, school: school.school_id };
  const fileBase = fileSlug(school.school_name, period.label);

  const wheel = asyncSection({
    id: 'wheel',
    title: s.wheel,
    t,
    load: async () => wheelContent(await getYearWheel(params), { s, t, lang, yearLabel: period.label, size: Math.min(560, ctx.chartWidth), width: ctx.chartWidth, schoolName: school.school_name }),
  });
  const normSlot = h('div', { class: 'norm-slot' });
  const norms = asyncSection({
    id: 'norms',
    title: s.norm,
    t,
    load: async () => {
      const answer = await getFollowUp(params);
      normSlot.replaceChildren(normCards(answer, s, lang));
      const refresh = async () => normSlot.replaceChildren(normCards(await getFollowUp(params), s, lang));
      return h('div', {}, normSlot, answer.norms ? normsEditor(answer.norms, ctx.user, s, lang, () => void refresh()) : null);
    },
  });
  const figures = asyncSection({
    id: 'key-figures',
    title: s.keyFigures,
    t,
    load: async () => {
      const { rows } = await loadKeyFigures(meta, period, school);
      return keyFigureTable(rows, { s, t, lang, period, municipality: school.municipality, fileName: fileSlug('nokkeltall', fileBase), caption: s.keyFigures });
    },
  });
  const lists = asyncSection({
    id: 'follow-up',
    title: s.followUp,
    t,
    load: async () => followUpListsContent((await getFollowUp(params)).lists, { s, t, lang, fileBase }),
  });
  const review = navLink(state, { view: 'annualreview' }, ctx.navigate, s.annualLink, { id: 'annual-review-link', class: 'button' });
  const element = h(
    'div',
    { class: 'view view-yearwheel' },
    h('div', { class: 'view-head' }, h('h1', {}, s.heading(school.school_name)), review),
    wheel.element,
    norms.element,
    figures.element,
    lists.element,
  );
  return { element, ready: Promise.all([wheel.ready, norms.ready, figures.ready, lists.ready]) };
}
