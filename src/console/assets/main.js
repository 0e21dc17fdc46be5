// The console: signs in, keeps the pauses it knows up to date from the live events, and shows
// one screen at a time by the address's hash (#/ or #/pauses/<id>/<tab>).
import { api, session, whenSignedOut } from './api.js';
import { h, fill } from './dom.js';
import { connectEvents } from './events.js';
import { renderNow } from './now.js';
import { renderPauseDetail } from './pause-detail.js';
import { renderSignIn } from './sign-in.js';

const main = document.getElementById('main');

/** What every screen reads: the ladder, the pauses by id, and a way to hear of changes. */
const app = {
  severities: [],
  /** who the key is ({id, name, role}): a viewer follows, a lead acts */
  me: null,
  pauses: new Map(),
  listeners: new Set(),
  /** the screen's hook for live changes: (view) => void */
  onChange(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  },
  /** a pause as the API answered it (after an action, or from an event) */
  update(view) {
    this.pauses.set(view.id, view);
    for (const listener of this.listeners) listener(view);
  },
  auditListeners: new Set(),
};

let events = null;
let screen = null;

function signOut(reason) {
  events?.close();
  events = null;
  session.clear();
  app.pauses.clear();
  fill(document.getElementById('account'));
  fill(document.getElementById('live-state'));
  renderSignIn(main, { reason, signedIn: start });
}
whenSignedOut(signOut);

async function start() {
  try {
    app.me = await api('GET', '/v1/me');
    app.severities = (await api('GET', '/v1/severities')).data;
    for (const view of (await api('GET', '/v1/pauses?limit=50')).data) app.pauses.set(view.id, view);
  } catch (error) {
    if (error.status === 401) return signOut('This key was refused. Sign in again.');
    return fill(main, h('p', { class: 'msg error', role: 'alert' }, `The console cannot load: ${error.message}`));
  }
  fill(document.getElementById('account'), h('button', { type: 'button', class: 'link', onclick: () => signOut('Signed out.') }, 'Sign out'));
  events = connectEvents({
    pause: (view) => app.update(view),
    audit: (entry) => app.auditListeners.forEach((listener) => listener(entry)),
    status: (state) => fill(document.getElementById('live-state'), state === 'live' ? '● live' : '○ reconnecting…'),
    refused: () => signOut('The service no longer accepts this key. Sign in again.'),
  });
  show();
}

function show() {
  if (!session.key()) return;
  screen?.dispose?.();
  app.listeners.clear();
  app.auditListeners.clear();
  window.scrollTo(0, 0);
  const [, where, id, tab] = location.hash.split('/');
  screen = where === 'pauses' && id ? renderPauseDetail(main, app, id, tab || 'review') : renderNow(main, app);
}

window.addEventListener('hashchange', show);
if (session.key()) void start();
else renderSignIn(main, { signedIn: start });
