import './styles.css';
import { ViewerDocument, type ViewerQuery } from '../generated/graphql';
import { checkToken, createApi, SessionEndedError, type Api, type ConnectionState } from './api';
import { h, replaceChildren } from './dom';
import { forgetSession, storeBusiness, storedBusiness, storedToken, storeToken } from './session';
import { approvalsView } from './views/approvals';
import { campaignView } from './views/campaign';
import { overviewView } from './views/overview';
import { signInView } from './views/signin';
import { errorMessage, type View, type ViewContext } from './view';

const root = document.getElementById('app')!;

interface Session {
  api: Api;
  view: View | undefined;
  stop(): void;
}

let session: Session | undefined;

function connectionText(state: ConnectionState): { text: string; lost: boolean } {
  switch (state.kind) {
    case 'connected':
      return { text: 'Live', lost: false };
    case 'connecting':
      return { text: 'Connecting…', lost: false };
    case 'lost':
      return { text: `Connection lost, reconnecting (attempt ${state.attempt})…`, lost: true };
  }
}

function showSignIn(message?: string): void {
  replaceChildren(root, signInView(signIn, message));
}

async function signIn(token: string): Promise<string | undefined> {
  let data: ViewerQuery;
  try {
    data = await checkToken(ViewerDocument, token);
  } catch (error) {
    if (error instanceof SessionEndedError) return 'That token is not valid: check it for typos; it may also have expired or been revoked.';
    return errorMessage(error);
  }
  if (!data.viewer) return 'That token is not valid.';
  storeToken(token);
  enter(token, data);
  return undefined;
}

function endSession(message: string): void {
  session?.stop();
  session = undefined;
  forgetSession();
  showSignIn(message);
}

function enter(token: string, data: ViewerQuery): void {
  const viewer = data.viewer!;
  const businesses = data.businesses.edges.map((edge) => edge.node);
  const connection = h('span', { class: 'connection', role: 'status', 'data-state': 'connecting' }, 'Connecting…');
  const banner = h('div', { class: 'banner', role: 'alert', hidden: true });
  const status = h('p', { class: 'status-line', role: 'status', 'aria-live': 'polite' });
  const alert = h('p', { class: 'status-line error', role: 'alert' });
  const main = h('main', { id: 'main', tabindex: -1 });

  const api = createApi(token, {
    onSessionEnded: () => endSession('Your session has ended: the token is no longer valid. Sign in again.'),
    onConnection: (state) => {
      const { text, lost } = connectionText(state);
      connection.textContent = text;
      connection.dataset.state = state.kind;
      banner.hidden = !lost;
      banner.textContent = lost ? `Live updates are interrupted. ${text} The numbers catch up when the connection is back.` : '';
    },
  });

  let businessId = storedBusiness();
  if (!businesses.some((business) => business.id === businessId)) businessId = businesses[0]?.id;
  const businessSelect = h(
    'select',
    { id: 'business', name: 'business' },
    ...businesses.map((business) => h('option', { value: business.id, selected: business.id === businessId }, `${business.name} (${business.city})`)),
  );

  const context = (): ViewContext => ({
    api,
    viewer,
    business: businesses.find((business) => business.id === businessId),
    announce: (message, kind = 'info') => {
      const target = kind === 'error' ? alert : status;
      (kind === 'error' ? status : alert).textContent = '';
      target.textContent = message;
    },
    navigate: (hash) => {
      location.hash = hash;
    },
  });

  const current: Session = {
    api,
    view: undefined,
    stop: () => {
      window.removeEventListener('hashchange', route);
      current.view?.dispose();
      api.close();
    },
  };
  session = current;

  function route(): void {
    const hash = location.hash;
    // Only "#/…" addresses are routes; "#main" and the like are in-page links.
    if (hash && !hash.startsWith('#/')) return;
    current.view?.dispose();
    const campaignMatch = /^#\/campaigns\/([^/]+)$/.exec(hash);
    const view =
      campaignMatch && campaignMatch[1]
        ? campaignView(context(), decodeURIComponent(campaignMatch[1]))
        : hash === '#/approvals' && viewer.role === 'ADMIN'
          ? approvalsView(context())
          : overviewView(context());
    current.view = view;
    for (const link of nav.querySelectorAll('a')) {
      if (link.getAttribute('href') === (hash || '#/')) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    replaceChildren(main, view.element);
    status.textContent = '';
    alert.textContent = '';
  }

  businessSelect.addEventListener('change', () => {
    businessId = businessSelect.value;
    storeBusiness(businessId);
    if (location.hash && location.hash !== '#/') location.hash = '#/';
    else route();
  });

  const nav = h(
    'nav',
    { 'aria-label': 'Dashboard' },
    h('a', { href: '#/' }, 'Overview'),
    viewer.role === 'ADMIN' ? h('a', { href: '#/approvals' }, 'Approval queue') : null,
  );
  const signOut = h('button', { type: 'button', class: 'button' }, 'Sign out');
  signOut.addEventListener('click', () => endSession('You signed out.'));

  replaceChildren(
    root,
    h(
      'header',
      { class: 'topbar' },
      h('p', { class: 'brand' }, 'campaign-graph'),
      nav,
      businesses.length > 1 ? h('span', { class: 'business-picker' }, h('label', { for: 'business' }, 'Business '), businessSelect) : null,
      connection,
      h('span', { class: 'viewer' }, `${viewer.name} · ${viewer.role.toLowerCase().replace('_', ' ')}`),
      signOut,
    ),
    banner,
    status,
    alert,
    main,
  );
  window.addEventListener('hashchange', route);
  route();
}

const token = storedToken();
if (token) {
  void signIn(token).then((problem) => {
    if (problem) {
      forgetSession();
      showSignIn(problem);
    }
  });
} else {
  showSignIn();
}
