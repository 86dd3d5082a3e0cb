// Title of a version pair's pages (the diff and the upgrade view): the package and the two
// versions, each switchable in place, and tabs between what changed and what it breaks.
import { getJson } from '../api.js';
import { h } from '../dom.js';
import { formatDate } from '../format.js';
import { changelogUrl, diffUrl, packageUrl, upgradeUrl } from '../routes.js';

function versionSelect(label, current) {
  return h('select', { class: 'version-select', 'aria-label': label }, h('option', { value: current, text: current }));
}

const TABS = [
  { id: 'diff', label: 'Files changed', urlFor: diffUrl },
  { id: 'upgrade', label: 'Links & redirects', urlFor: upgradeUrl },
];

/** `pair` is {package, from, to}; `tab` names the page shown ('diff' or 'upgrade'). */
export function diffHeader(pair, context, tab = 'diff') {
  const current = TABS.find((entry) => entry.id === tab) ?? TABS[0];
  const fromSelect = versionSelect('From version', pair.from);
  const toSelect = versionSelect('To version', pair.to);
  const dates = h('p', { class: 'muted dates' });
  const go = (from, to) => context.navigate(current.urlFor(pair.package, from, to));
  fromSelect.addEventListener('change', () => go(fromSelect.value, toSelect.value));
  toSelect.addEventListener('change', () => go(fromSelect.value, toSelect.value));
  const swap = h('button', { type: 'button', class: 'icon-button', title: 'Swap versions', 'aria-label': 'Swap versions', text: '⇄', on: { click: () => go(pair.to, pair.from) } });

  // The version list only fills the pickers, so the page itself does not wait for it.
  getJson('/versions', { package: pair.package })
    .then(({ versions }) => {
      const newestFirst = [...versions].reverse();
      for (const select of [fromSelect, toSelect]) {
        const chosen = select.value;
        select.replaceChildren(...newestFirst.map((entry) => h('option', { value: entry.version, text: entry.version, selected: entry.version === chosen })));
      }
      const byVersion = new Map(versions.map((entry) => [entry.version, entry]));
      const describe = (version) => {
        const entry = byVersion.get(version);
        return entry ? `${version} published ${formatDate(entry.publishedAt)} (${entry.files} files)` : version;
      };
      dates.textContent = `${describe(pair.from)} → ${describe(pair.to)}`;
    })
    .catch(() => {
      // Without the list the pickers keep the two current versions; the page is still usable.
    });

  const tabs = h(
    'nav',
    { class: 'tabs', 'aria-label': 'Views of this version pair' },
    TABS.map((entry) =>
      h('a', {
        class: ['tab', entry.id === tab && 'tab-current'],
        href: entry.urlFor(pair.package, pair.from, pair.to),
        'data-nav': true,
        'aria-current': entry.id === tab ? 'page' : null,
        text: entry.label,
      }),
    ),
    h('a', { class: 'tab', href: changelogUrl(pair.package), 'data-nav': true, text: 'Changelog' }),
  );

  return h(
    'header',
    { class: 'diff-header' },
    h('nav', { class: 'crumbs' }, h('a', { href: '/', 'data-nav': true, text: 'Packages' }), ' / ', h('a', { href: packageUrl(pair.package), 'data-nav': true, text: pair.package })),
    h('h1', {}, h('span', { class: 'pkg-name', text: pair.package }), h('span', { class: 'versions' }, fromSelect, h('span', { class: 'arrow', text: '→' }), toSelect, swap)),
    dates,
    tabs,
  );
}
