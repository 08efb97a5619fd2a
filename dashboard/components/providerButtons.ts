/**
 * One button per identity provider the server is configured with (GET /api/session/providers),
 * above the local sign-in form. Each is a plain link to the server's start URL: the sign-in
 * goes through the provider and back by redirects, so it needs no script. Nothing is shown
 * when there is no provider. After a refused provider sign-in (`?signin=failed`) it says so.
 */
import { getProviders } from '../api/sessionEndpoints.ts';
import type { ProviderSignInStrings } from '../i18n/providerSignInStrings.ts';
import { h } from './h.ts';

export function providerButtons(t: ProviderSignInStrings): HTMLElement {
  const section = h('section', { class: 'signin-providers', 'aria-labelledby': 'signin-providers-heading', hidden: true });
  const failed = new URLSearchParams(location.search).get('signin') === 'failed';
  getProviders()
    .then((providers) => {
      if (providers.length === 0 && !failed) return;
      const list = h('ul', { class: 'provider-list' }, ...providers.map((p) => h('li', {}, h('a', { class: 'button button-primary provider-button', href: p.start_url, 'data-provider': p.id }, p.label))));
      section.replaceChildren(
        h('h2', { id: 'signin-providers-heading' }, t.heading),
        ...(failed ? [h('p', { class: 'field-problem', role: 'alert', id: 'provider-signin-failed' }, t.failed)] : []),
        h('p', {}, t.intro),
        list,
        h('h2', { class: 'signin-or' }, t.orLocal),
      );
      section.hidden = false;
    })
    .catch(() => undefined);
  return section;
}
