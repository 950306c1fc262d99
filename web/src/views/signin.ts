import { h } from '../dom';

/** The sign-in form: a bearer token, checked by the caller before it is kept in session storage. */
export function signInView(onSubmit: (token: string) => Promise<string | undefined>, message?: string): HTMLElement {
  const input = h('input', {
    id: 'token',
    name: 'token',
    type: 'password',
    autocomplete: 'off',
    spellcheck: 'false',
    required: true,
    'aria-describedby': 'token-help sign-in-error',
  });
  const error = h('p', { id: 'sign-in-error', class: 'field-error', role: 'alert' }, message ?? '');
  const button = h('button', { type: 'submit', class: 'button button-primary' }, 'Sign in');
  const form = h(
    'form',
    { class: 'sign-in panel', method: 'post', novalidate: true },
    h('h1', {}, 'Sign in to the dashboard'),
    h('label', { for: 'token' }, 'API token'),
    input,
    h('p', { id: 'token-help', class: 'muted' }, 'Your bearer token. It is kept in this tab only (session storage) and sent in a header, never in an address.'),
    error,
    button,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const token = input.value.trim();
    if (!token) {
      error.textContent = 'Enter your API token.';
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    const problem = await onSubmit(token);
    button.disabled = false;
    button.removeAttribute('aria-busy');
    if (problem) {
      error.textContent = problem;
      input.setAttribute('aria-invalid', 'true');
      input.select();
    }
  });
  queueMicrotask(() => input.focus());
  return h('main', { id: 'main', class: 'sign-in-page' }, form);
}
