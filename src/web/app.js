// Entry point: picks the view for the current URL and keeps in-page navigation client-side.
// The data request starts before the view's modules are even loaded, so the two travel together
// (index.html preloads the modules; this keeps the API round trip off the critical path).
import { ApiError, getJson } from './api.js';
import { h, replaceChildren } from './dom.js';
import { packageUrl, parseLocation } from './routes.js';

const main = document.getElementById('main');
let currentView = null;
let currentKey = '';
let renderCount = 0;

function navigate(url) {
  window.history.pushState(null, '', url);
  render();
}

/** A request started before anyone awaits it; its failure is reported by the view that awaits it. */
function early(promise) {
  promise.catch(() => {});
  return promise;
}

function showError(error, route) {
  const message = error instanceof ApiError ? error.message : 'Something went wrong while drawing this page.';
  if (!(error instanceof ApiError)) console.error(error);
  document.title = 'docdelta — error';
  replaceChildren(
    main,
    h(
      'section',
      { class: 'panel error-panel', role: 'alert' },
      h('h1', { text: error instanceof ApiError && error.status === 404 ? 'Not found' : 'Could not load this page' }),
      h('p', { class: 'error-message', text: message }),
      h('p', {}, route?.pkg ? h('a', { href: packageUrl(route.pkg), 'data-nav': true, text: `Back to ${route.pkg}` }) : h('a', { href: '/', 'data-nav': true, text: 'Back to all packages' })),
    ),
  );
}

async function render() {
  const token = ++renderCount;
  currentView?.dispose?.();
  currentView = null;
  currentKey = `${window.location.pathname}${window.location.search}`;
  const route = parseLocation(window.location);
  const context = { navigate, isCurrent: () => token === renderCount };
  try {
    if (route.view === 'home') {
      const data = early(getJson('/packages'));
      const { renderHome } = await import('./views/home-view.js');
      currentView = await renderHome(main, context, data);
    } else if (route.view === 'package') {
      const data = early(getJson('/versions', { package: route.pkg }));
      const { renderPackage } = await import('./views/package-view.js');
      currentView = await renderPackage(main, context, data);
    } else if (route.view === 'diff') {
      const data = early(getJson('/diff', { package: route.pkg, from: route.from, to: route.to }));
      replaceChildren(main, h('p', { class: 'loading', text: `Comparing ${route.pkg} ${route.from} → ${route.to}…` }));
      const { renderDiff } = await import('./views/diff-view.js');
      currentView = await renderDiff(main, context, data);
    } else {
      throw new ApiError(404, 'NOT_FOUND', `There is no page at ${window.location.pathname}.`);
    }
  } catch (error) {
    if (token === renderCount) showError(error, route);
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
  if (`${window.location.pathname}${window.location.search}` === currentKey) currentView?.onHash?.(window.location.hash);
  else render();
});
window.addEventListener('hashchange', () => currentView?.onHash?.(window.location.hash));

render();
