// `/`: the tracked packages, each leading to its versions or straight to its latest change.
import { h, replaceChildren } from '../dom.js';
import { plural } from '../format.js';
import { diffUrl, packageUrl } from '../routes.js';

function packageCard(pkg) {
  return h(
    'li',
    { class: 'card package-card' },
    h('a', { class: 'card-title', href: packageUrl(pkg.name), 'data-nav': true, text: pkg.name }),
    h('p', { class: 'muted' }, `${plural(pkg.versions, 'version')} stored`, pkg.latest ? ` · latest ${pkg.latest}` : '', ` · from ${pkg.source}`),
    pkg.versions >= 2
      ? h('a', { class: 'button', href: diffUrl(pkg.name, 'previous', 'latest'), 'data-nav': true, text: 'What changed in the latest version →' })
      : h('p', { class: 'muted', text: 'Needs two versions to compare.' }),
  );
}

export async function renderHome(main, context, data) {
  const { packages } = await data;
  if (!context.isCurrent()) return null;
  document.title = 'docdelta';
  replaceChildren(
    main,
    h('h1', { text: 'Tracked packages' }),
    packages.length === 0
      ? h('section', { class: 'panel' }, h('p', { text: 'No package is tracked yet. Run ' }, h('code', { text: 'docdelta sync' }), ' and reload.'))
      : h('ul', { class: 'card-list' }, packages.map(packageCard)),
  );
  return null;
}
