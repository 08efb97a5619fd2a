/**
 * The page header: the product's name, the views the user's role can use as links (the
 * current one marked), the language switch and the signed-in user with "Logg ut".
 */
import { menuViewsFor } from '../state/roleViews.ts';
import type { ViewContext } from '../views/viewContext.ts';
import { h } from './h.ts';
import { navLink } from './navLink.ts';
import { userBar } from './userBar.ts';

export function siteHeader(ctx: ViewContext): HTMLElement[] {
  const { state, t } = ctx;
  return [
    h('div', { class: 'brand' }, h('p', { class: 'brand-name' }, t.appTitle), h('p', { class: 'brand-tagline' }, t.appSubtitle)),
    h(
      'nav',
      { class: 'view-nav', 'aria-label': t.viewNav },
      h(
        'ul',
        {},
        menuViewsFor(ctx.user.role).map((view) =>
          h('li', {}, navLink(state, { view }, ctx.navigate, t.navViews[view] ?? t.views[view], { id: `nav-${view}`, 'aria-current': view === state.view ? 'page' : null })),
        ),
      ),
    ),
    navLink(state, { lang: t.otherLanguageCode as typeof state.lang }, ctx.navigate, t.otherLanguage, {
      id: 'language-switch',
      class: 'language-switch',
      lang: t.otherLanguageCode,
      hreflang: t.otherLanguageCode,
    }),
    userBar(ctx.user, t, ctx.signOut),
  ];
}
