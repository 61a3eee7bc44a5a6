// Entry point: sign-in, the session line, hash routing (#/ and #/endpoint/NAME: the key never enters a URL) and
// the poll that keeps whichever view is open up to date.
import { ApiError, call, credentials, prefix } from './api.js';
import { forgetVerbs } from './actions.js';
import { h, refresh } from './dom.js';
import { renderEndpoint } from './endpoint.js';
import { renderOverview } from './overview.js';
import { reset, start, state, subscribe } from './store.js';

const main = document.getElementById('main');
let currentView = null;

subscribe((current) => {
  renderFreshness(current);
  if (current.errors.endpoints instanceof ApiError && current.errors.endpoints.status === 401) {
    signOut('Your key was refused (401). Sign in again.');
    return;
  }
  currentView?.(current);
});

document.getElementById('sign-out').addEventListener('click', () => signOut('Signed out.'));
window.addEventListener('hashchange', route);

async function boot() {
  if (!credentials.get()) {
    showSignIn();
    return;
  }
  try {
    state.session = await call(`${prefix}/session`);
  } catch (failure) {
    credentials.clear();
    showSignIn(failure instanceof ApiError && (failure.status === 401 || failure.status === 403)
      ? 'That key was refused: it is unknown, or its role may not read the rollout.' : `Could not sign in: ${failure.message}`);
    return;
  }
  refresh(document.getElementById('who'), 'Signed in as ', h('strong', { id: 'who-name' }, state.session.name),
    ` (${state.session.roles.join(', ') || 'no role'}${state.session.can_change_rollout ? '' : ', read-only'})`);
  document.getElementById('session').hidden = false;
  route();
  start();
}

function route() {
  if (!state.session) return;
  const match = /^#\/endpoint\/(.+)$/.exec(location.hash);
  currentView = match ? renderEndpoint(main, state, decodeURIComponent(match[1])) : renderOverview(main, state);
  document.title = match ? `${decodeURIComponent(match[1])} · Rollout console` : 'Rollout console · CameraMonitor';
}

function showSignIn(message) {
  currentView = null;
  document.getElementById('session').hidden = true;
  const key = h('input', { id: 'api-key', name: 'api-key', type: 'password', autocomplete: 'off', required: true, 'aria-describedby': 'api-key-help' });
  const error = h('p', { class: 'error', role: 'alert', id: 'sign-in-error' }, message ?? '');
  const form = h('form', { class: 'sign-in', id: 'sign-in' },
    h('h2', {}, 'Sign in'),
    h('label', { for: 'api-key' }, 'API key or bearer token'),
    key,
    h('p', { id: 'api-key-help', class: 'help' }, 'Kept in this tab\'s session storage only and sent in the Authorization header; closing the tab forgets it. Readers see everything; changes need an operator key.'),
    error,
    h('button', { type: 'submit', class: 'primary' }, 'Sign in'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!key.value.trim()) {
      error.textContent = 'Enter a key.';
      key.focus();
      return;
    }
    credentials.set(key.value.trim());
    boot();
  });
  main.replaceChildren(form);
  key.focus();
}

function signOut(message) {
  credentials.clear();
  forgetVerbs();
  reset();
  location.hash = '#/';
  showSignIn(message);
}

function renderFreshness(current) {
  const errors = Object.keys(current.errors);
  refresh(document.getElementById('freshness'), current.lastUpdated
    ? `updated ${current.lastUpdated.toISOString().slice(11, 19)} UTC${errors.length ? ` · failed: ${errors.join(', ')}` : ''}` : '');
}

boot();
