// Sign-in with an API key: checked against the service before it is kept (sessionStorage only).
import { api, session } from './api.js';
import { fill, h, message } from './dom.js';

export function renderSignIn(root, { reason, signedIn }) {
  const status = h('div', { id: 'sign-in-status' }, reason ? message('info', reason) : null);
  const input = h('input', { id: 'api-key', name: 'api-key', type: 'password', autocomplete: 'off', required: true, spellcheck: 'false' });
  const submit = async (event) => {
    event.preventDefault();
    const key = input.value.trim();
    if (!key) return fill(status, message('error', 'Enter the API key.'));
    fill(status, message('info', 'Checking the key…'));
    try {
      await api('GET', '/v1/severities', undefined, { key });
    } catch (error) {
      const text =
        error.status === 401 ? 'This key was refused: it is not a valid API key. Check it and try again.'
        : error.status === 429 ? `Too many refused keys from here. ${error.message}`
        : error.message;
      input.select();
      return fill(status, message('error', text));
    }
    session.set(key);
    input.value = '';
    await signedIn();
  };
  fill(
    root,
    h(
      'section',
      { class: 'card narrow', 'aria-labelledby': 'sign-in-title' },
      h('h1', { id: 'sign-in-title' }, 'Sign in'),
      h('p', {}, 'Paste your API key. It stays in this tab only and is forgotten when the tab closes.'),
      h('form', { onsubmit: submit, novalidate: true }, h('label', { for: 'api-key' }, 'API key'), input, h('button', { type: 'submit', class: 'primary' }, 'Sign in')),
      status,
    ),
  );
  input.focus();
}
