// "Which of *our* links break?" in the browser: paste text that links into the docs (a help-centre
// article, an email, code) and each link is checked against the upgrade's route map — the web
// cousin of `docdelta links --scan`. Everything happens in the page, from the report it already
// has; nothing pasted is sent anywhere.
import { h, replaceChildren } from '../dom.js';
import { plural } from '../format.js';

const MAX_TEXT = 200_000;
const MAX_LINKS = 2000;

/** Absolute URLs and site paths (`/a/b#c`) found in free text, in order, without repeats. */
export function findLinks(text) {
  const found = [];
  const seen = new Set();
  const pattern = /https?:\/\/[^\s"'<>()[\]]+|(?<![\w/.:-])\/[A-Za-z0-9][^\s"'<>()[\]]*/g;
  for (const match of text.slice(0, MAX_TEXT).matchAll(pattern)) {
    const raw = match[0].replace(/[.,;:!?*_`]+$/, '');
    if (seen.has(raw)) continue;
    seen.add(raw);
    found.push(raw);
    if (found.length >= MAX_LINKS) break;
  }
  return found;
}

function splitLink(raw, basePath) {
  let url;
  try {
    url = new URL(raw, 'http://pasted.invalid');
  } catch {
    return null;
  }
  let route = decodeURI(url.pathname).replace(/\/+$/, '') || '/';
  if (basePath) {
    if (route !== basePath && !route.startsWith(`${basePath}/`)) return null;
    route = route.slice(basePath.length) || '/';
  }
  return { route, hash: url.hash.replace(/^#/, '') };
}

/** Where one pasted link lands after the upgrade: { state: 'ok' | 'moved' | 'removed' | 'unknown', … }. */
export function checkPastedLink(raw, report, basePath = '') {
  const parts = splitLink(raw, basePath);
  if (!parts) return { raw, state: 'unknown', note: basePath ? `not under ${basePath}` : 'not a link' };
  const entry = report.routes.find((candidate) => candidate.route === parts.route);
  const anchorGone = Boolean(parts.hash && entry?.removedAnchors.includes(parts.hash));
  const withHash = (route) => (parts.hash ? `${route}#${parts.hash}` : route);
  if (!entry) {
    return { raw, route: parts.route, state: 'unknown', note: `not a page of ${report.from}` };
  }
  if (entry.status === 'same') return { raw, route: parts.route, state: anchorGone ? 'moved' : 'ok', fix: anchorGone ? entry.to : null, note: anchorGone ? `#${parts.hash} is gone from the page` : null };
  if (entry.status === 'moved') return { raw, route: parts.route, state: 'moved', fix: anchorGone ? entry.to : withHash(entry.to), note: anchorGone ? `moved; #${parts.hash} is gone` : 'moved' };
  return { raw, route: parts.route, state: 'removed', fix: null, note: entry.reason ?? 'removed' };
}

const LABEL = { ok: 'works', moved: 'update', removed: 'broken', unknown: 'not checked' };
const TONE = { ok: 'same', moved: 'renamed', removed: 'removed', unknown: 'same' };

/** `base` is the upgrade view's base-path input, shared with the redirect files. */
export function linkPastePanel(report, base) {
  const area = h('textarea', { class: 'paste-box', rows: '5', spellcheck: 'false', placeholder: 'Paste text with links into the docs: a help article, an email, code…', 'aria-label': 'Text with links to check' });
  const results = h('div', { class: 'paste-results', 'aria-live': 'polite' });
  const check = () => {
    const basePath = base.value.trim().replace(/\/+$/, '');
    if (!area.value.trim()) {
      replaceChildren(results);
      return;
    }
    const checked = findLinks(area.value).map((raw) => checkPastedLink(raw, report, basePath));
    if (checked.length === 0) {
      replaceChildren(results, area.value.trim() ? h('p', { class: 'muted', text: 'No links found in the text.' }) : null);
      return;
    }
    const broken = checked.filter((item) => item.state === 'moved' || item.state === 'removed').length;
    replaceChildren(
      results,
      h('p', { class: 'paste-summary' }, `${plural(checked.length, 'link')} found; `, h('strong', { text: broken ? `${broken} need attention` : 'none breaks' }), '.'),
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: 'data-table pasted' },
          h('thead', {}, h('tr', {}, h('th', { text: 'Link' }), h('th', { text: 'After the upgrade' }), h('th', { text: 'Change it to' }))),
          h(
            'tbody',
            {},
            checked.map((item) =>
              h(
                'tr',
                { class: `pasted-${item.state}` },
                h('td', {}, h('code', { text: item.raw })),
                h('td', {}, h('span', { class: `status-word status-${TONE[item.state]}`, text: LABEL[item.state] }), item.note ? h('div', { class: 'muted small', text: item.note }) : null),
                h('td', {}, item.fix ? h('code', { class: 'added-text', text: item.fix }) : null),
              ),
            ),
          ),
        ),
      ),
    );
  };
  area.addEventListener('input', check);
  base.addEventListener('input', check);
  return h(
    'section',
    { class: 'panel link-paste', 'aria-label': 'Check your own links' },
    h('h2', { text: 'Check your own links' }),
    h('p', { class: 'muted small', text: `Links are checked here, in the page, against where each page of ${report.from} went; nothing you paste leaves your browser.` }),
    area,
    h('p', { class: 'muted small', text: 'Links are read under the base path set above for the redirects.' }),
    results,
  );
}
