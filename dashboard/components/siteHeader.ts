/**
 * The page header: the product's name, the views the user's role can use as links (the
 * current one marked), the language switch (links to the two other languages) and the signed-in user with "Logg ut".
 */
import { languageNames, otherLanguages } from '../i18n/lang.ts';
import { menuViewsFor } from '../state/roleViews.ts';
import type { ViewContext } from '../views/viewContext.ts';
import { h } from './h.ts';
import { languageSwitchId } from './languageSwitchId.ts';
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
    h(
      'div',
      { class: 'language-switches' },
      otherLanguages(state.lang).map((lang, i) =>
        navLink(state, { lang }, ctx.navigate, languageNames[lang], { id: languageSwitchId(i), class: 'language-switch', lang, hreflang: lang }),
      ),
    ),
    userBar(ctx.user, t, ctx.signOut),
  ];
}
