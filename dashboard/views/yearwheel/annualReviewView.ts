/**
 * "Årlig evaluering": the school year on paper for the team's yearly review of its routine
 * (Sandnes asks for one): the key figures with last year's and the change, the year wheel,
 * the norms met or not, the follow-up counts, and blank room for the team's conclusions.
 * Laid out for A4 portrait (yearWheel.css); on screen it looks like the page it prints.
 */
import { getYearWheel } from '../../api/yearWheelEndpoints.ts';
import { asyncSection } from '../../components/asyncSection.ts';
import { dataTable } from '../../components/dataTable.ts';
import { h } from '../../components/h.ts';
import { navLink } from '../../components/navLink.ts';
import { emptyMessage } from '../../components/stateMessage.ts';
import { fileSlug } from '../../export/download.ts';
import { formatDate } from '../../format/dateFormat.ts';
import { formatCount } from '../../format/numberFormat.ts';
import type { ViewContext, ViewResult } from '../viewContext.ts';
import { listKeys, type ListKey } from './followUpListsSection.ts';
import { loadKeyFigures } from './keyFigureRows.ts';
import { keyFigureTable } from './keyFigureTable.ts';
import { normCards } from './normCards.ts';
import { pagePeriod } from './pagePeriod.ts';
import { yearWheelStrings, type YearWheelStrings } from './strings.ts';
import { wheelData } from './wheelMarks.ts';
import { wheelLegend, wheelPicture } from './wheelSection.ts';
import './yearWheel.css';

function conclusions(s: YearWheelStrings): HTMLElement {
  return h(
    'section',
    { class: 'review-conclusions', 'aria-labelledby': 'review-conclusions-title' },
    h('h2', { id: 'review-conclusions-title' }, s.review.conclusions),
    s.review.prompts.map((prompt) => h('div', { class: 'write-box' }, h('p', { class: 'write-prompt' }, prompt), h('div', { class: 'write-lines' }))),
    h('div', { class: 'signature' }, h('p', {}, s.review.signed), h('div', { class: 'signature-line' })),
  );
}

export function annualReviewView(ctx: ViewContext): ViewResult {
  const { state, meta, t, lang } = ctx;
  const s = yearWheelStrings(lang);
  const school = meta.schools.find((x) => x.school_id === state.school && x.scoped);
  if (!school) {
    const element = h('div', { class: 'view view-annualreview' }, h('h1', {}, t.views.annualreview), emptyMessage(t, meta.span));
    return { element, ready: Promise.resolve() };
  }
  const period = pagePeriod(ctx);
  const fileBase = fileSlug('arlig-evaluering', school.school_name, period.label);

  const figures = asyncSection({
    id: 'review-figures',
    title: s.review.figures,
    t,
    load: async () => {
      const { followUp: current, rows } = await loadKeyFigures(meta, period, school);
      const counts = listKeys.map((k) => ({ key: k, count: current.lists ? current.lists[k].length : null }));
      return h(
        'div',
        {},
        keyFigureTable(rows, { s, t, lang, period, municipality: school.municipality, fileName: fileBase, caption: s.review.figures }),
        h('h2', { id: 'review-norms-title' }, s.review.norms),
        normCards(current, s, lang),
        h('h2', {}, s.review.counts),
        dataTable<{ key: ListKey; count: number | null }>(
          s.review.counts,
          [
            { header: s.review.list, value: (r) => s.lists[r.key], rowHeader: true },
            { header: s.review.count, value: (r) => r.count, text: (r) => formatCount(r.count, lang), numeric: true },
          ],
          counts,
        ),
      );
    },
  });
  const wheel = asyncSection({
    id: 'review-wheel',
    title: s.review.wheel,
    t,
    className: 'review-wheel',
    load: async () => {
      const data = wheelData(await getYearWheel({ from: period.from, to: period.to, asOf: period.asOf, school: school.school_id }), s, lang);
      const picture = wheelPicture(data, { s, lang, yearLabel: period.label, size: 420, interactive: false });
      picture.setAttribute('role', 'img');
      return h('div', { class: 'wheel-row' }, h('div', { class: 'wheel-box' }, picture), h('div', { class: 'wheel-side' }, wheelLegend(data, s)));
    },
  });
  const element = h(
    'div',
    { class: 'view view-annualreview' },
    h('p', { class: 'screen-only' }, navLink(state, { view: 'yearwheel' }, ctx.navigate, s.review.back, { id: 'back-to-wheel' })),
    h('div', { class: 'review-page' }, h('h1', {}, s.review.heading(school.school_name, period.label)), h('p', { class: 'review-intro' }, s.review.intro(school.municipality, formatDate(period.from, lang), formatDate(period.to, lang), formatDate(period.asOf, lang))), figures.element, wheel.element, conclusions(s)),
  );
  return { element, ready: Promise.all([figures.ready, wheel.ready]) };
}
