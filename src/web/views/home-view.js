// `/`: the tracked packages, each leading to its versions, its latest change, its changelog and its
// link check; the Atom feed of every package's changelog is advertised here (and in <head>).
import { h, replaceChildren } from '../dom.js';
import { plural } from '../format.js';
import { changelogUrl, diffUrl, packageUrl, STATUS_URL, upgradeUrl } from '../routes.js';

export const FEED_URL = '/changelog.xml';

function packageCard(pkg) {
  const comparable = pkg.versions >= 2;
  return h(
    'li',
    { class: 'card package-card' },
    h('a', { class: 'card-title', href: packageUrl(pkg.name), 'data-nav': true, text: pkg.name }),
    h('p', { class: 'muted' }, `${plural(pkg.versions, 'version')} stored`, pkg.latest ? ` · latest ${pkg.latest}` : '', ` · from ${pkg.source}`),
    comparable
      ? h('a', { class: 'button', href: diffUrl(pkg.name, 'previous', 'latest'), 'data-nav': true, text: 'What changed in the latest version →' })
      : h('p', { class: 'muted', text: 'Needs two versions to compare.' }),
    h(
      'p',
      { class: 'card-links' },
      h('a', { href: changelogUrl(pkg.name), 'data-nav': true, text: 'Changelog' }),
      comparable ? [' · ', h('a', { href: upgradeUrl(pkg.name, 'previous', 'latest'), 'data-nav': true, text: 'Links & redirects' })] : null,
      ' · ',
      h('a', { href: `${FEED_URL}?${new URLSearchParams({ package: pkg.name })}`, class: 'feed-link', type: 'application/atom+xml', text: 'Atom feed' }),
    ),
  );
}

export async function renderHome(main, context, data) {
  const { packages } = await data;
  if (!context.isCurrent()) return null;
  document.title = 'docdelta';
  replaceChildren(
    main,
    h(
      'div',
      { class: 'page-head' },
      h('h1', { text: 'Tracked packages' }),
      h('a', { class: 'button feed-button', href: FEED_URL, type: 'application/atom+xml', title: 'Every package’s changelog as an Atom feed', text: 'Subscribe: Atom feed' }),
    ),
    packages.length === 0
      ? h('section', { class: 'panel' }, h('p', {}, 'No package is tracked yet. Run ', h('code', { text: 'docdelta sync' }), ' and reload.'))
      : h('ul', { class: 'card-list' }, packages.map(packageCard)),
    h(
      'p',
      { class: 'muted footnote' },
      'Packages are added and removed with the command line (',
      h('code', { text: 'docdelta sync PACKAGE' }),
      '); this server has no HTTP verb for it yet. Scheduled syncs and digests: ',
      h('a', { href: STATUS_URL, 'data-nav': true, text: 'job status' }),
      '.',
    ),
  );
  return null;
}
