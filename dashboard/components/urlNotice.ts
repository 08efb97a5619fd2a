/**
 * The notice over the view when the link asked for what cannot be shown as asked (a date
 * that does not exist, `from` after `to`, a school year without data): each problem with the
 * link's own values, what is shown instead, and for swapped dates a button that swaps them.
 */
import { formatDate } from '../format/dateFormat.ts';
import type { Strings } from '../i18n/strings.ts';
import type { UrlProblem } from '../state/urlProblems.ts';
import { h } from './h.ts';

export function urlProblemText(t: Strings, problem: UrlProblem): string {
  switch (problem.kind) {
    case 'bad_date':
      return t.ux.url.badDate(t.ux.url.param[problem.parameter], problem.value);
    case 'from_after_to':
      return t.ux.url.fromAfterTo(formatDate(problem.from, t.lang), formatDate(problem.to, t.lang));
    case 'custom_incomplete':
      return t.ux.url.customIncomplete;
    case 'unknown_year':
      return t.ux.url.unknownYear(problem.value);
  }
}

export function urlNotice(t: Strings, problems: readonly UrlProblem[], shown: string, swap: (from: string, to: string) => void): HTMLElement {
  const swapped = problems.find((p) => p.kind === 'from_after_to');
  return h(
    'div',
    { class: 'note url-notice', id: 'url-notice', role: 'alert' },
    h('p', { class: 'state-title' }, t.ux.url.heading),
    h('ul', {}, problems.map((p) => h('li', { 'data-problem': p.kind }, urlProblemText(t, p)))),
    h('p', {}, t.ux.url.shownInstead(shown)),
    swapped ? h('button', { type: 'button', class: 'button button-small', id: 'url-swap-dates', onclick: () => swap(swapped.to, swapped.from) }, t.ux.url.swapDates) : null,
  );
}
