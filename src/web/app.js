// Entry point: picks the view for the current URL and keeps in-page navigation client-side.
// The data request starts before the view's modules are even loaded, so the two travel together
// (index.html preloads the modules; this keeps the API round trip off the critical path).
import { ApiError, getJson, getText } from './api.js';
import { h, replaceChildren } from './dom.js';
import { packageUrl, parseLocation } from './routes.js';
import { installShortcutHelp } from './views/shortcuts.js';

const main = document.getElementById('main');
let currentView = null;
let currentKey = '';
let renderCount = 0;

const locationKey = () => `${window.location.pathname}${window.location.search}`;

function navigate(url) {
  window.history.pushState(null, '', url);
  render();
}

/** Rewrites the address (a filter typed, a tab picked) without drawing the page again. */
function replaceUrl(url) {
  window.history.replaceState(null, '', url);
  currentKey = locationKey();
}

/** A request started before anyone awaits it; its failure is reported by the view that awaits it. */
function early(promise) {
  promise.catch(() => {});
  return promise;
}

/** Where "back" should lead: the package's page only if that package exists (never to itself). */
async function backLink(route) {
  const home = h('a', { href: '/', 'data-nav': true, text: 'Back to all packages' });
  if (!route?.pkg || route.view === 'package') return home;
  try {
    const { packages } = await getJson('/packages');
    if (!packages.some((pkg) => pkg.name === route.pkg)) return home;
  } catch {
    return home;
  }
  return h('a', { href: packageUrl(route.pkg), 'data-nav': true, text: `Back to ${route.pkg}` });
}

async function showError(error, route, token) {
  const message = error instanceof ApiError ? error.message : 'Something went wrong while drawing this page.';
  if (!(error instanceof ApiError)) console.error(error);
  const back = await backLink(route);
  if (token !== renderCount) return;
  document.title = 'docdelta — error';
  replaceChildren(
    main,
    h(
      'section',
      { class: 'panel error-panel', role: 'alert' },
      h('h1', { text: error instanceof ApiError && error.status === 404 ? 'Not found' : 'Could not load this page' }),
      h('p', { class: 'error-message', text: message }),
      h('p', {}, back),
    ),
  );
}

/** Each view: the data it needs (started at once) and the module that draws it. */
const VIEWS = {
  home: () => ({ data: getJson('/packages'), load: () => import('./views/home-view.js'), name: 'renderHome' }),
  status: () => ({ data: getJson('/jobs'), load: () => import('./views/status-view.js'), name: 'renderStatus' }),
  package: (route) => ({ data: getJson('/versions', { package: route.pkg }), load: () => import('./views/package-view.js'), name: 'renderPackage' }),
  diff: (route) => ({
    data: getJson('/diff', { package: route.pkg, from: route.from, to: route.to }),
    load: () => import('./views/diff-view.js'),
    name: 'renderDiff',
    loading: `Comparing ${route.pkg} ${route.from} → ${route.to}…`,
  }),
  upgrade: (route) => ({
    data: getJson('/links', { package: route.pkg, from: route.from, to: route.to }),
    load: () => import('./views/upgrade-view.js'),
    name: 'renderUpgrade',
    loading: `Checking links from ${route.from} to ${route.to}…`,
  }),
  history: (route) => ({ data: getJson('/history', { package: route.pkg, path: route.path }), load: () => import('./views/history-view.js'), name: 'renderHistory' }),
  changelog: (route) => ({ data: getText('/changelog', { package: route.pkg }), load: () => import('./views/changelog-view.js'), name: 'renderChangelog' }),
};

async function render() {
  const token = ++renderCount;
  currentView?.dispose?.();
  currentView = null;
  currentKey = locationKey();
  const route = parseLocation(window.location);
  const context = { navigate, replaceUrl, route, isCurrent: () => token === renderCount };
  try {
    const view = VIEWS[route.view];
    if (!view) throw new ApiError(404, 'NOT_FOUND', `There is no page at ${window.location.pathname}.`);
    const { data, load, name, loading } = view(route);
    early(data);
    if (loading) replaceChildren(main, h('p', { class: 'loading', text: loading }));
    const module = await load();
    currentView = await module[name](main, context, data);
  } catch (error) {
    if (token === renderCount) await showError(error, route, token);
  }
}

document.addEventListener('click', (event) => {
  const link = event.target instanceof window.Element ? event.target.closest('a[data-nav]') : null;
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(link.getAttribute('href'));
});

window.addEventListener('popstate', () => {
  // Following a permalink (#file-…) changes only the fragment: the view handles it in place.
  if (locationKey() === currentKey) currentView?.onHash?.(window.location.hash);
  else render();
});
window.addEventListener('hashchange', () => currentView?.onHash?.(window.location.hash));

installShortcutHelp();
render();
