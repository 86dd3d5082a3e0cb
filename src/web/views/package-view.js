// `/p/<package>`: the stored versions, newest first, with dates and file counts; pick any two.
import { h, replaceChildren } from '../dom.js';
import { formatCount, formatDate, plural } from '../format.js';
import { changelogUrl, diffUrl, feedUrl, upgradeUrl } from '../routes.js';

export async function renderPackage(main, context, data) {
  const result = await data;
  if (!context.isCurrent()) return null;
  document.title = `${result.package} — docdelta`;
  const newestFirst = [...result.versions].reverse();
  const picked = { from: newestFirst[1]?.version, to: newestFirst[0]?.version };

  const compare = h('button', { type: 'submit', class: 'button primary', text: 'Compare' });
  const hint = h('span', { class: 'muted compare-hint' });
  const refresh = () => {
    const same = !picked.from || !picked.to || picked.from === picked.to;
    compare.disabled = same;
    hint.textContent = same ? 'Pick two different versions.' : `${picked.from} → ${picked.to}`;
  };

  const radio = (side, version) =>
    h('input', {
      type: 'radio',
      name: side,
      value: version,
      'aria-label': `${side} ${version}`,
      checked: picked[side] === version,
      on: { change: () => { picked[side] = version; refresh(); } },
    });

  const rows = newestFirst.map((entry, index) => {
    const older = newestFirst[index + 1];
    return h(
      'tr',
      {},
      h('td', { class: 'pick' }, radio('from', entry.version)),
      h('td', { class: 'pick' }, radio('to', entry.version)),
      h('td', { class: 'version' }, h('code', { text: entry.version }), entry.deprecated ? h('span', { class: 'tag deprecated', title: entry.deprecated, text: 'deprecated' }) : null),
      h('td', { class: 'date', text: formatDate(entry.publishedAt) }),
      h('td', { class: 'num', text: formatCount(entry.files) }),
      h('td', {}, older ? h('a', { href: diffUrl(result.package, older.version, entry.version), 'data-nav': true, text: `changes since ${older.version}` }) : h('span', { class: 'muted', text: 'first stored' })),
    );
  });

  const form = h(
    'form',
    {
      class: 'panel',
      on: {
        submit: (event) => {
          event.preventDefault();
          if (!compare.disabled) context.navigate(diffUrl(result.package, picked.from, picked.to));
        },
      },
    },
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'versions' },
        h('thead', {}, h('tr', {}, h('th', { text: 'From' }), h('th', { text: 'To' }), h('th', { text: 'Version' }), h('th', { text: 'Published' }), h('th', { class: 'num', text: 'Files' }), h('th', {}))),
        h('tbody', {}, rows),
      ),
    ),
    h('div', { class: 'form-actions' }, compare, hint),
  );

  replaceChildren(
    main,
    h('nav', { class: 'crumbs' }, h('a', { href: '/', 'data-nav': true, text: 'Packages' }), ' / ', h('span', { text: result.package })),
    h('h1', { text: result.package }),
    h(
      'p',
      { class: 'muted package-links' },
      `${plural(result.versions.length, 'version')} stored · `,
      h('a', { href: changelogUrl(result.package), 'data-nav': true, text: 'Changelog' }),
      newestFirst.length >= 2 ? [' · ', h('a', { href: upgradeUrl(result.package, newestFirst[1].version, newestFirst[0].version), 'data-nav': true, text: 'Links & redirects' })] : null,
      ' · ',
      h('a', { href: feedUrl(result.package), type: 'application/atom+xml', text: 'Atom feed' }),
    ),
    newestFirst.length ? form : h('section', { class: 'panel' }, h('p', { text: 'No versions stored yet.' })),
  );
  refresh();
  return null;
}
