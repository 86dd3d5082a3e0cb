// `/p/<package>/history?path=…`: one page across every stored version, following renames — which
// name it had in each version, and what changed (with a link into that version's diff). Data:
// GET /history (the versions where it changed) and GET /versions (all of them, with dates).
import { getJson } from '../api.js';
import { fileAnchor } from '../anchors.js';
import { h, replaceChildren } from '../dom.js';
import { formatDate, plural } from '../format.js';
import { diffUrl, packageUrl } from '../routes.js';

const VERB = { added: 'added', removed: 'removed', modified: 'edited', renamed: 'renamed' };

/**
 * Walks the versions newest first, carrying the page's name back through each rename: every
 * version gets the name the page had there, or null where it did not exist. `entries` (newest
 * first) name the page in their version (`path`; for a removal, its name before) and before it
 * (`oldPath` of a rename).
 */
export function pageTimeline(versions, entries, path) {
  const byVersion = new Map(entries.map((entry) => [entry.version, entry]));
  const newest = entries[0];
  let name = newest ? (newest.status === 'removed' ? null : newest.path) : path;
  const rows = [];
  for (const version of [...versions].reverse()) {
    const entry = byVersion.get(version.version);
    if (entry) name = entry.status === 'removed' ? null : entry.path;
    rows.push({ version, name, entry: entry ?? null });
    // What the page was called (and whether it existed) in the versions before this change.
    if (entry) name = entry.status === 'added' ? null : entry.status === 'renamed' ? entry.oldPath : entry.path;
  }
  return rows;
}

function changeCell(pkg, row) {
  const { entry } = row;
  if (!entry) return h('span', { class: 'muted', text: row.name ? 'unchanged' : '' });
  const what = entry.status === 'renamed' ? [h('span', { text: 'from ' }), h('code', { class: 'old-name', text: entry.oldPath })] : null;
  return h(
    'span',
    {},
    h('span', { class: `status-word status-${entry.status}`, text: VERB[entry.status] }),
    ' ',
    what,
    entry.additions || entry.deletions ? h('span', { class: 'counts-inline' }, ' ', h('span', { class: 'added-text', text: `+${entry.additions}` }), ' ', h('span', { class: 'removed-text', text: `−${entry.deletions}` })) : null,
    ' · ',
    h('a', { href: `${diffUrl(pkg, entry.previous, entry.version)}#${fileAnchor(entry.path)}`, 'data-nav': true, text: `diff ${entry.previous} → ${entry.version}` }),
  );
}

export async function renderHistory(main, context, data) {
  const history = await data;
  if (!context.isCurrent()) return null;
  let versions;
  try {
    versions = (await getJson('/versions', { package: history.package })).versions;
  } catch {
    versions = [];
  }
  if (!context.isCurrent()) return null;
  document.title = `History of ${history.path} — docdelta`;
  const rows = versions.length ? pageTimeline(versions, history.entries, history.path) : history.entries.map((entry) => ({ version: { version: entry.version }, name: entry.path, entry }));
  const names = [];
  for (const row of rows) if (row.name && !names.includes(row.name)) names.push(row.name);

  const table = h(
    'table',
    { class: 'data-table history' },
    h('thead', {}, h('tr', {}, h('th', { text: 'Version' }), h('th', { text: 'Published' }), h('th', { text: 'Name in that version' }), h('th', { text: 'Change' }))),
    h(
      'tbody',
      {},
      rows.map((row) =>
        h(
          'tr',
          { class: row.entry ? 'changed' : 'quiet', dataset: { version: row.version.version } },
          h('td', {}, h('code', { text: row.version.version })),
          h('td', { class: 'date', text: row.version.publishedAt === undefined ? '' : formatDate(row.version.publishedAt) }),
          h('td', { class: 'page-name' }, row.name ? h('code', { text: row.name }) : h('span', { class: 'muted', text: 'not in this version' })),
          h('td', {}, changeCell(history.package, row)),
        ),
      ),
    ),
  );

  replaceChildren(
    main,
    h('nav', { class: 'crumbs' }, h('a', { href: '/', 'data-nav': true, text: 'Packages' }), ' / ', h('a', { href: packageUrl(history.package), 'data-nav': true, text: history.package }), ' / history'),
    h('h1', {}, 'History of ', h('code', { class: 'history-path', text: history.path })),
    h(
      'p',
      { class: 'muted' },
      `Changed in ${plural(history.entries.length, 'version')}`,
      names.length > 1 ? [`; known under ${names.length} names: `, names.map((name, index) => [index ? ', ' : '', h('code', { class: 'known-name', text: name })])] : '',
      '.',
    ),
    h('section', { class: 'panel' }, h('div', { class: 'table-scroll' }, table)),
  );
  window.scrollTo(0, 0);
  return null;
}
