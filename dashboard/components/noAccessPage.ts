/**
 * "Ingen tilgang ennå" (`/auth/no-access?ref=…`): where the server sends someone who signed
 * in at an identity provider but has no mapping here. Laid out like the sign-in page (its
 * header and language switch, one panel), it names whom to ask (the server's
 * RT_ACCESS_CONTACT) and the account reference an administrator maps (the first 12 hex
 * digits of the pseudonymised subject), and why when the server says the provider's groups
 * could not be fetched (`reason=groups_unavailable`); anything else in the URL is not shown.
 */
import { getAccessContact } from '../api/sessionEndpoints.ts';
import type { NoAccessStrings } from '../i18n/noAccessStrings.ts';
import { h } from './h.ts';

/** The page, and a promise settled once the contact is in it. */
export function noAccessPage(t: NoAccessStrings, signInHref: string): { element: HTMLElement; ready: Promise<void> } {
  const query = new URLSearchParams(location.search);
  const ref = query.get('ref');
  const reason = query.get('reason');
  const ask = h('p', { id: 'no-access-ask' }, t.askAdministrator);
  const ready = getAccessContact()
    .then((contact) => {
      if (contact) ask.replaceChildren(t.askBefore, h('strong', { id: 'no-access-contact' }, contact), t.askAfter);
    })
    .catch(() => undefined);
  const main = h(
    'main',
    { id: 'main', class: 'signin no-access', tabindex: -1 },
    h(
      'div',
      { class: 'panel signin-panel' },
      h('h1', { id: 'no-access-heading' }, t.heading),
      h('p', {}, t.signedInThere),
      // Only the one known reason is shown; any other value in the URL is ignored.
      ...(reason === 'groups_unavailable' ? [h('p', { id: 'no-access-reason', role: 'status' }, t.groupsUnavailable)] : []),
      ask,
      ...(ref && /^[0-9a-f]{12}$/.test(ref) ? [h('p', {}, `${t.reference} `, h('strong', {}, h('code', { id: 'no-access-ref' }, ref)))] : []),
      h('p', {}, h('a', { href: signInHref, id: 'no-access-back' }, t.back)),
    ),
  );
  return { element: main, ready };
}
