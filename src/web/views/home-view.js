// `/`: the tracked packages, each leading to its versions, its latest change, its changelog and its
// link check; the Atom feed of every package's changelog is advertised here (and in <head>). Where
// the server takes POST/DELETE /packages, packages are tracked and untracked here too.
import { getJson } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { plural } from '../format.js';
import { changelogUrl, diffUrl, FEED_URL, feedUrl, packageUrl, STATUS_URL, upgradeUrl } from '../routes.js';
import { canManagePackages, packageAdmin } from './package-admin.js';

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
      h('a', { href: feedUrl(pkg.name), class: 'feed-link', type: 'application/atom+xml', text: 'Atom feed' }),
    ),
  );
}

function packageList(packages, admin) {
  if (packages.length === 0) {
    return h('section', { class: 'panel' }, h('p', {}, 'No package is tracked yet. ', admin ? 'Track one below, or run ' : 'Run ', h('code', { text: 'docdelta sync' }), '.'));
  }
  return h(
    'ul',
    { class: 'card-list' },
    packages.map((pkg) => {
      const card = packageCard(pkg);
      if (admin) card.append(h('p', { class: 'card-admin' }, admin.untrackButton(pkg.name)));
      return card;
    }),
  );
}

export async function renderHome(main, context, data) {
  const [{ packages }, manageable] = await Promise.all([data, canManagePackages()]);
  if (!context.isCurrent()) return null;
  document.title = 'docdelta';
  const list = h('div', { class: 'package-list' });
  // Redraws the list in place after a track or untrack, keeping the panel (and its messages).
  const admin = manageable
    ? packageAdmin(async () => {
        const fresh = await getJson('/packages');
        if (context.isCurrent()) replaceChildren(list, packageList(fresh.packages, admin));
      })
    : null;
  replaceChildren(list, packageList(packages, admin));
  replaceChildren(
    main,
    h(
      'div',
      { class: 'page-head' },
      h('h1', { text: 'Tracked packages' }),
      h('a', { class: 'button feed-button', href: FEED_URL, type: 'application/atom+xml', title: 'Every package’s changelog as an Atom feed', text: 'Subscribe: Atom feed' }),
    ),
    list,
    admin?.panel,
    h(
      'p',
      { class: 'muted footnote' },
      admin
        ? 'Tracking needs the server’s API token; the next scheduled sync stores the versions. '
        : ['Packages are tracked and untracked with the command line (', h('code', { text: 'docdelta sync PACKAGE' }), '); this server has no HTTP verb for it. '],
      'Scheduled syncs and digests: ',
      h('a', { href: STATUS_URL, 'data-nav': true, text: 'job status' }),
      '.',
    ),
  );
  return null;
}
