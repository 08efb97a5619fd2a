/** The signed-in user in the header: username, role in words, scope, and the sign-out button. */
import type { SessionUser } from '../api/types.ts';
import type { Strings } from '../i18n/strings.ts';
import { h } from './h.ts';

export function scopeText(user: SessionUser, t: Strings): string {
  if (user.school_name) return `${user.school_name}${user.municipality ? `, ${user.municipality}` : ''}`;
  return user.municipality ?? t.auth.allSchools;
}

export function userBar(user: SessionUser, t: Strings, onSignOut: () => void): HTMLElement {
  return h(
    'div',
    { class: 'user-bar', role: 'group', 'aria-label': t.auth.userArea },
    h(
      'p',
      { class: 'user-who', id: 'signed-in-user' },
      // The user administration is off the menu (which fits one row at 1,366 px): a link floated
      // to the right of the name, on the line the role and scope below it make wide anyway.
      ...(user.role === 'admin' || user.role === 'municipality' ? [h('a', { class: 'user-admin-link', id: 'users-link', href: '?view=users' }, t.views.users), ' '] : []),
      h('span', { class: 'visually-hidden' }, `${t.auth.signedInAs} `),
      h('strong', { class: 'user-name' }, user.username),
      // On screen the role and scope stand under the name (the header fits one row at 1,366 px).
      h('span', { class: 'user-sep' }, ' · '),
      h('span', { class: 'user-detail' }, h('span', { class: 'user-role' }, t.auth.roles[user.role]), ' · ', h('span', { class: 'user-scope' }, scopeText(user, t))),
    ),
    h('button', { type: 'button', class: 'button button-small button-on-dark', id: 'sign-out', onclick: onSignOut }, t.auth.signOut),
  );
}
