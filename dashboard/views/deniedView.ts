/** What a URL outside the user's scope shows: no data, a short reason and a way back. */
import { h } from '../components/h.ts';
import type { ViewContext, ViewResult } from './viewContext.ts';

export function deniedView(ctx: ViewContext, home: string): ViewResult {
  const { t } = ctx;
  const element = h(
    'div',
    { class: 'view view-denied' },
    h('h1', {}, t.auth.denied),
    h('div', { class: 'state state-error', 'data-state': 'denied', role: 'alert' }, h('p', { class: 'state-title' }, t.auth.deniedText), h('a', { href: home, id: 'denied-home' }, t.auth.deniedBack)),
  );
  return { element, ready: Promise.resolve() };
}
