/**
 * The sign-in form, shown when the server answers 401: username and password with labels,
 * and the reason when it fails (wrong credentials, too many attempts, no server).
 */
import { ApiError } from '../api/http.ts';
import { signIn } from '../api/sessionEndpoints.ts';
import type { SessionUser } from '../api/types.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Strings } from '../i18n/strings.ts';
import { providerSignInStrings } from '../i18n/providerSignInStrings.ts';
import { h } from './h.ts';
import { providerButtons } from './providerButtons.ts';

function failureText(t: Strings, error: unknown): string {
  if (error instanceof ApiError && error.status === 429) return t.auth.tooMany;
  if (error instanceof ApiError && (error.status === 401 || error.status === 400)) return t.auth.failed;
  return t.auth.unreachable;
}

export function signInForm(t: Strings, lang: Lang, onSignedIn: (user: SessionUser) => void): HTMLElement {
  const problem = h('p', { class: 'field-problem', id: 'signin-error', role: 'alert' });
  const username = h('input', { id: 'signin-username', name: 'username', type: 'text', autocomplete: 'username', required: true, class: 'text-input' });
  const password = h('input', { id: 'signin-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true, class: 'text-input' });
  const submit = h('button', { type: 'submit', class: 'button button-primary', id: 'signin-submit' }, t.auth.submit);
  const form = h(
    'form',
    { class: 'signin-form', 'aria-labelledby': 'signin-heading', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'signin-username' }, t.auth.username), username),
    h('div', { class: 'field' }, h('label', { for: 'signin-password' }, t.auth.password), password),
    problem,
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    problem.textContent = '';
    submit.disabled = true;
    submit.textContent = t.auth.signingIn;
    signIn(username.value.trim(), password.value)
      .then(onSignedIn)
      .catch((error: unknown) => {
        problem.textContent = failureText(t, error);
        password.value = '';
        password.setAttribute('aria-describedby', 'signin-error');
        password.focus();
      })
      .finally(() => {
        submit.disabled = false;
        submit.textContent = t.auth.submit;
      });
  });
  return h(
    'main',
    { id: 'main', class: 'signin', tabindex: -1 },
    h(
      'div',
      { class: 'panel signin-panel' },
      h('h1', { id: 'signin-heading' }, t.auth.heading),
      h('p', {}, t.auth.intro),
      providerButtons(providerSignInStrings(lang)),
      form,
    ),
  );
}
