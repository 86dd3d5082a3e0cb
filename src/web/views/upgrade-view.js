// `/p/<package>/upgrade/<from>...<to>`: "we upgrade: which links break, and where did each page
// go?" — the redirects to paste (Netlify, Next.js, JSON; copy or download), the links that break
// with their fixes, a box to check one's own links, and the route map of every page of the old
// version. Data: GET /links.
import { getText } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { formatCount, percent, plural } from '../format.js';
import { historyUrl } from '../routes.js';
import { diffHeader } from './diff-header.js';
import { linkPastePanel } from './link-paste.js';
import { copyButton, downloadButton } from './text-export.js';

const FORMATS = [
  { id: 'netlify', label: 'Netlify _redirects', file: '_redirects', type: 'text/plain' },
  { id: 'nextjs', label: 'Next.js', file: 'docs-redirects.js', type: 'text/javascript' },
  { id: 'json', label: 'JSON', file: 'docs-redirects.json', type: 'application/json' },
];

/** `/a/*` for a splat rule, as Netlify writes it and as people read it. */
const ruleSource = (rule) => (rule.splat ? `${rule.from.replace(/\/$/, '')}/*` : rule.from);
const ruleTarget = (rule) => (rule.splat ? `${rule.to.replace(/\/$/, '')}/*` : rule.to);

function countsPanel(report) {
  const { counts } = report;
  const stat = (value, label, tone) => h('div', { class: ['stat', tone && `stat-${tone}`] }, h('strong', { text: formatCount(value) }), h('span', { text: label }));
  return h(
    'section',
    { class: 'panel stats', 'aria-label': 'Summary' },
    stat(counts.routes.moved, 'pages moved', 'renamed'),
    stat(counts.routes.removed, 'pages removed', 'removed'),
    stat(counts.routes.same, 'pages unchanged'),
    stat(report.redirects.rules.length, plural(report.redirects.rules.length, 'redirect rule').replace(/^\S+ /, ''), 'added'),
    stat(counts.upgrade, 'links the upgrade breaks', counts.upgrade ? 'removed' : null),
    stat(counts.internal, 'broken links inside the new docs', counts.internal ? 'removed' : null),
  );
}

const BASE_PATH = /^(\/[A-Za-z0-9._~-]+)*$/;

/** The path the docs are served under on the reader's site ('' for the root), or null if malformed. */
export function readBasePath(text) {
  const value = text.trim().replace(/\/+$/, '');
  return BASE_PATH.test(value) && value.length <= 200 ? value : null;
}

/** The redirect rules as JSON, their routes prefixed with the base path like the other formats. */
function redirectsJson(report, basePath) {
  const prefix = (route) => (basePath ? `${basePath}${route === '/' ? '' : route}` : route);
  const rules = report.redirects.rules.map((rule) => ({ ...rule, from: prefix(rule.from), to: prefix(rule.to) }));
  return `${JSON.stringify({ basePath, rules, warnings: report.redirects.warnings }, null, 2)}\n`;
}

function redirectsPanel(report, context, base) {
  const texts = new Map();
  const requested = new URLSearchParams(window.location.search).get('format');
  let shown = FORMATS.some((format) => format.id === requested) ? requested : 'netlify';
  const output = h('pre', { class: 'redirect-output', tabindex: '0', 'aria-live': 'polite' });
  const current = () => FORMATS.find((format) => format.id === shown);
  const baseNote = h('span', { class: 'error-message small', role: 'status' });

  const show = async (id) => {
    shown = id;
    for (const button of tabButtons) button.setAttribute('aria-selected', String(button.dataset.format === id));
    const params = new URLSearchParams(window.location.search);
    if (id === 'netlify') params.delete('format');
    else params.set('format', id);
    const query = params.toString();
    context.replaceUrl(`${window.location.pathname}${query ? `?${query}` : ''}`);
    const basePath = readBasePath(base.value);
    baseNote.textContent = basePath === null ? 'A base path looks like /docs.' : '';
    if (basePath === null) return;
    const key = `${id}\u0000${basePath}`;
    if (!texts.has(key)) {
      if (id === 'json') texts.set(key, redirectsJson(report, basePath));
      else {
        output.textContent = 'Loading…';
        try {
          texts.set(key, await getText('/links', { package: report.package, from: report.from, to: report.to, format: id, base_path: basePath || undefined }));
        } catch (error) {
          if (shown === id) output.textContent = `Could not load: ${error.message}`;
          return;
        }
      }
    }
    if (shown === id && readBasePath(base.value) === basePath) output.textContent = texts.get(key);
  };
  base.addEventListener('input', () => void show(shown));

  const tabButtons = FORMATS.map((format) =>
    h('button', { type: 'button', role: 'tab', class: 'segment', dataset: { format: format.id }, 'aria-selected': 'false', text: format.label, on: { click: () => show(format.id) } }),
  );
  const ruleRows = report.redirects.rules.map((rule) =>
    h(
      'tr',
      { class: rule.splat ? 'rule-splat' : null },
      h('td', {}, h('code', { class: 'rule-from', text: ruleSource(rule) })),
      h('td', { class: 'arrow', text: '→' }),
      h('td', {}, h('code', { class: 'rule-to', text: ruleTarget(rule) })),
      h('td', { class: 'muted', text: [rule.why.replace(/-/g, ' '), rule.inferred ? 'inferred' : null, rule.note].filter(Boolean).join(' · ') }),
    ),
  );
  const warnings = report.redirects.warnings.map((warning) => h('li', {}, h('code', { text: warning.route }), ' ', h('span', { text: warning.message.replace(warning.route, '').replace(/^\s+/, '') })));
  void show(shown);

  return h(
    'section',
    { class: 'panel redirects', 'aria-label': 'Redirects' },
    h('h2', { text: report.redirects.rules.length ? `Redirects to add (${report.redirects.rules.length})` : 'No redirect needed' }),
    ruleRows.length ? h('div', { class: 'table-scroll' }, h('table', { class: 'data-table rules' }, h('tbody', {}, ruleRows))) : null,
    warnings.length ? h('div', { class: 'warnings' }, h('h3', { text: 'Removed pages, deliberately not redirected' }), h('ul', {}, warnings)) : null,
    h('label', { class: 'muted small base-label' }, 'Docs served under ', base, ' on your site (empty: at its root) ', baseNote),
    h(
      'div',
      { class: 'export-bar' },
      h('span', { class: 'segmented', role: 'tablist', 'aria-label': 'Redirect format' }, tabButtons),
      h('span', { class: 'toolbar-spacer' }),
      copyButton(() => output.textContent),
      downloadButton(() => output.textContent, () => current().file, current().type),
    ),
    output,
  );
}

function brokenTable(links, emptyText) {
  if (links.length === 0) return h('p', { class: 'muted', text: emptyText });
  const rows = links.map((link) =>
    h(
      'tr',
      {},
      h('td', {}, h('code', { class: 'link-target', text: link.target }), h('div', { class: 'muted small', text: link.reason })),
      h('td', {}, link.fix ? [h('code', { class: 'link-fix added-text', text: link.fix.target }), h('div', { class: 'muted small', text: [link.fix.kind.replace(/-/g, ' '), link.fix.confidence !== null ? percent(link.fix.confidence) : null, link.fix.note].filter(Boolean).join(' · ') })] : h('span', { class: 'muted', text: 'no fix found' })),
      h('td', { class: 'where' }, h('code', { text: `${link.file}:${link.line}` }), link.alsoAt ? h('span', { class: 'muted small', text: ` and ${plural(link.alsoAt, 'more place')}` }) : null),
    ),
  );
  return h(
    'div',
    { class: 'table-scroll' },
    h('table', { class: 'data-table broken' }, h('thead', {}, h('tr', {}, h('th', { text: 'Link' }), h('th', { text: 'Fix' }), h('th', { text: 'Where' }))), h('tbody', {}, rows)),
  );
}

function routeMapPanel(report) {
  const showSame = h('input', { type: 'checkbox', class: 'show-same' });
  const rows = report.routes.map((entry) => {
    const row = h(
      'tr',
      { class: `route route-${entry.status}`, dataset: { status: entry.status } },
      h('td', {}, h('code', { text: entry.route }), entry.title ? h('div', { class: 'muted small', text: entry.title }) : null),
      h('td', {}, h('span', { class: `status-word status-${entry.status === 'moved' ? 'renamed' : entry.status === 'same' ? 'same' : 'removed'}`, text: entry.status })),
      h(
        'td',
        {},
        entry.to ? h('code', { text: entry.to }) : h('span', { class: 'muted small', text: entry.reason ?? '' }),
        entry.similarity !== null && entry.status === 'moved' ? h('span', { class: 'similarity', text: percent(entry.similarity) }) : null,
        entry.removedAnchors.length ? h('div', { class: 'muted small', text: `anchors gone: ${entry.removedAnchors.map((anchor) => `#${anchor}`).join(', ')}` }) : null,
      ),
      h('td', {}, h('a', { href: historyUrl(report.package, entry.toPath ?? entry.path), 'data-nav': true, text: 'history' })),
    );
    row.hidden = entry.status === 'same';
    return row;
  });
  showSame.addEventListener('change', () => {
    for (const row of rows) if (row.dataset.status === 'same') row.hidden = !showSame.checked;
  });
  return h(
    'section',
    { class: 'panel route-map', 'aria-label': 'Route map' },
    h('h2', { text: `Where each page of ${report.from} went` }),
    h('label', { class: 'muted small' }, showSame, ` also show the ${plural(report.counts.routes.same, 'unchanged route')}`),
    h(
      'div',
      { class: 'table-scroll' },
      h('table', { class: 'data-table routes' }, h('thead', {}, h('tr', {}, h('th', { text: `Route in ${report.from}` }), h('th', { text: 'Status' }), h('th', { text: `In ${report.to}` }), h('th', {}))), h('tbody', {}, rows)),
    ),
  );
}

export async function renderUpgrade(main, context, data) {
  const report = await data;
  if (!context.isCurrent()) return null;
  document.title = `Links & redirects: ${report.package} ${report.from} → ${report.to} — docdelta`;
  // One base path for the redirect files and the pasted-links check.
  const base = h('input', { type: 'text', class: 'base-path', placeholder: '/docs', 'aria-label': 'Base path of the docs on your site', autocomplete: 'off', spellcheck: 'false' });
  replaceChildren(
    main,
    diffHeader(report, context, 'upgrade'),
    countsPanel(report),
    redirectsPanel(report, context, base),
    h(
      'section',
      { class: 'panel broken-links', 'aria-label': 'Broken links' },
      h('h2', { text: `Links into ${report.from} that break in ${report.to}` }),
      brokenTable(report.upgrade, 'None: every link that worked still lands somewhere.'),
      h('h2', { class: 'spaced', text: `Broken links inside the ${report.to} docs` }),
      brokenTable(report.internal, 'None.'),
    ),
    linkPastePanel(report, base),
    routeMapPanel(report),
  );
  window.scrollTo(0, 0);
  return null;
}
