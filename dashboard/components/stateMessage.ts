/** The designed non-chart states: loading, empty (with a hint to widen the period) and error (with retry). */
import { ApiError } from '../api/http.ts';
import type { Meta } from '../api/types.ts';
import type { HiddenReason } from '../data/hiddenReason.ts';
import { formatDate } from '../format/dateFormat.ts';
import type { Strings } from '../i18n/strings.ts';
import { h } from './h.ts';

/** After this long a load shows motion; most sections are drawn sooner. */
const spinAfterMs = 1000;

export function loadingMessage(t: Strings): HTMLElement {
  const spinner = h('span', { class: 'spinner', 'aria-hidden': 'true' });
  setTimeout(() => {
    if (spinner.isConnected) spinner.classList.add('spinning');
  }, spinAfterMs);
  return h('div', { class: 'state state-loading', 'data-state': 'loading' }, spinner, t.loading);
}

/** Nothing in this selection; says where the data is, so the reader can widen the period. */
export function emptyMessage(t: Strings, span?: Meta['span']): HTMLElement {
  const where = span?.first_date && span.last_date ? t.dataSpan(formatDate(span.first_date, t.lang), formatDate(span.last_date, t.lang)) : null;
  return h('div', { class: 'state state-empty', 'data-state': 'empty' }, h('p', { class: 'state-title' }, t.empty), h('p', {}, t.emptyHint, where ? ` ${where}` : null));
}

/**
 * Every number behind a chart was hidden: says why (the server's reason; an access rule is
 * never called small numbers) and what to choose instead.
 */
export function suppressedMessage(t: Strings, threshold: number | undefined, reason: HiddenReason | null): HTMLElement {
  const [title, hint] = t.hiddenChart[reason ?? 'hidden'](threshold ?? 5);
  return h(
    'div',
    { class: 'state state-empty', 'data-state': 'empty', 'data-reason': reason ?? 'hidden' },
    h('p', { class: 'state-title' }, title),
    hint ? h('p', {}, hint) : null,
  );
}

export function errorMessage(t: Strings, error: unknown, retry: () => void): HTMLElement {
  if (error instanceof ApiError && error.status === 401) {
    return h('div', { class: 'state state-error', role: 'alert', 'data-state': 'error' }, h('p', { class: 'state-title' }, t.notSignedIn), h('button', { type: 'button', class: 'button', onclick: () => location.reload() }, t.retry));
  }
  if (error instanceof ApiError && error.status === 403) {
    return h('div', { class: 'state state-error', role: 'alert', 'data-state': 'denied' }, h('p', { class: 'state-title' }, t.auth.denied), h('p', {}, t.auth.deniedText));
  }
  if (error instanceof ApiError && error.status === 400 && error.problems.length > 0) {
    // The server's own reasons, in the page's language where the server has it (marked with
    // the language it answered in): asking again would get the same answer, so no retry.
    return h(
      'div',
      { class: 'state state-error', role: 'alert', 'data-state': 'invalid' },
      h('p', { class: 'state-title' }, t.ux.serverProblem),
      h('ul', { lang: error.problemLang }, [...new Set(error.problems.map((p) => p.message))].map((m) => h('li', {}, m))),
    );
  }
  const detail = error instanceof ApiError ? `${error.status || '–'} ${error.code}` : String((error as Error)?.message ?? error);
  return h(
    'div',
    { class: 'state state-error', role: 'alert', 'data-state': 'error' },
    h('p', { class: 'state-title' }, t.error),
    h('p', {}, t.errorDetail(detail)),
    h('button', { type: 'button', class: 'button', onclick: retry }, t.retry),
  );
}
