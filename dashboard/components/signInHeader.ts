/**
 * The sign-in page's header: the product's name, so the reader knows where they are, and the
 * language switch (the form's words in each other language; the URL keeps the choice).
 */
import { languageNames, otherLanguages, type Lang } from '../i18n/lang.ts';
import type { Strings } from '../i18n/strings.ts';
import { h } from './h.ts';
import { languageSwitchId } from './languageSwitchId.ts';

function languageHref(lang: Lang): string {
  const query = new URLSearchParams(location.search);
  if (lang === 'nb') query.delete('lang');
  else query.set('lang', lang);
  return `?${query.toString()}`;
}

export function signInHeader(t: Strings, lang: Lang, switchLanguage: (to: Lang) => void): HTMLElement {
  return h(
    'header',
    { class: 'site-header signin-header' },
    h('div', { class: 'brand' }, h('p', { class: 'brand-name' }, t.appTitle), h('p', { class: 'brand-tagline' }, t.appSubtitle)),
    h(
      'div',
      { class: 'language-switches' },
      otherLanguages(lang).map((to, i) =>
        h(
          'a',
          {
            id: languageSwitchId(i),
            class: 'language-switch',
            href: languageHref(to),
            lang: to,
            hreflang: to,
            onclick: (event: Event) => {
              event.preventDefault();
              switchLanguage(to);
            },
          },
          languageNames[to],
        ),
      ),
    ),
  );
}
