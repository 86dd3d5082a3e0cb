// Title of a diff page: the package and the two versions, each switchable in place.
import { getJson } from '../api.js';
import { h } from '../dom.js';
import { formatDate } from '../format.js';
import { diffUrl, packageUrl } from '../routes.js';

function versionSelect(label, current) {
  return h('select', { class: 'version-select', 'aria-label': label }, h('option', { value: current, text: current }));
}

export function diffHeader(diff, context) {
  const fromSelect = versionSelect('From version', diff.from);
  const toSelect = versionSelect('To version', diff.to);
  const dates = h('p', { class: 'muted dates' });
  const go = (from, to) => context.navigate(diffUrl(diff.package, from, to));
  fromSelect.addEventListener('change', () => go(fromSelect.value, toSelect.value));
  toSelect.addEventListener('change', () => go(fromSelect.value, toSelect.value));
  const swap = h('button', { type: 'button', class: 'icon-button', title: 'Swap versions', 'aria-label': 'Swap versions', text: '⇄', on: { click: () => go(diff.to, diff.from) } });

  // The version list only fills the pickers, so the diff itself does not wait for it.
  getJson('/versions', { package: diff.package })
    .then(({ versions }) => {
      const newestFirst = [...versions].reverse();
      for (const select of [fromSelect, toSelect]) {
        const current = select.value;
        select.replaceChildren(...newestFirst.map((entry) => h('option', { value: entry.version, text: entry.version, selected: entry.version === current })));
      }
      const byVersion = new Map(versions.map((entry) => [entry.version, entry]));
      const describe = (version) => {
        const entry = byVersion.get(version);
        return entry ? `${version} published ${formatDate(entry.publishedAt)} (${entry.files} files)` : version;
      };
      dates.textContent = `${describe(diff.from)} → ${describe(diff.to)}`;
    })
    .catch(() => {
      // Without the list the pickers keep the two current versions; the diff is still usable.
    });

  return h(
    'header',
    { class: 'diff-header' },
    h('nav', { class: 'crumbs' }, h('a', { href: '/', 'data-nav': true, text: 'Packages' }), ' / ', h('a', { href: packageUrl(diff.package), 'data-nav': true, text: diff.package })),
    h('h1', {}, h('span', { class: 'pkg-name', text: diff.package }), h('span', { class: 'versions' }, fromSelect, h('span', { class: 'arrow', text: '→' }), toSelect, swap)),
    dates,
  );
}
