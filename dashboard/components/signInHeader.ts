/**
 * The sign-in page's header: the product's name, so the reader knows where they are, and the
 * language switch (the form's words in the other language; the URL keeps the choice).
 */
import type { Strings } from '../i18n/strings.ts';
import { h } from './h.ts';

export function signInHeader(t: Strings, switchLanguage: () => void): HTMLElement {
  const query = new URLSearchParams(location.search);
  if (t.otherLanguageCode === 'nb') query.delete('lang');
  else query.set('lang', t.otherLanguageCode);
  return h(
    'header',
    { class: 'site-header signin-header' },
    h('div', { class: 'brand' }, h('p', { class: 'brand-name' }, t.appTitle), h('p', { class: 'brand-tagline' }, t.appSubtitle)),
    h(
      'a',
      {
        id: 'language-switch',
        class: 'language-switch',
        href: `?${query.toString()}`,
        lang: t.otherLanguageCode,
        hreflang: t.otherLanguageCode,
        onclick: (event: Event) => {
          event.preventDefault();
          switchLanguage();
        },
      },
      t.otherLanguage,
    ),
  );
}
