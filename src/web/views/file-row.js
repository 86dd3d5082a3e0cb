// One changed file in the list: status, name (renames folded as {old → new} with similarity),
// +/− counts and bar, the page-level changes of docs, a permalink, and a body opened on demand.
import { h } from '../dom.js';
import { percent, shortValue, splitRename } from '../format.js';
import { historyUrl } from '../routes.js';
import { FileBody } from './file-body.js';
import { wordDiffNodes } from './word-diff.js';

const STATUS_LETTER = { added: 'A', removed: 'D', modified: 'M', renamed: 'R' };
const MAX_LISTED = 6;

function pathLabel(change) {
  if (change.status !== 'renamed') {
    const slash = change.path.lastIndexOf('/');
    return h('span', { class: 'file-path', title: change.path }, h('span', { class: 'dir', text: change.path.slice(0, slash + 1) }), h('span', { class: 'base', text: change.path.slice(slash + 1) }));
  }
  const { head, before, after, tail } = splitRename(change.oldPath, change.path);
  const braces = Boolean(head || tail);
  return h(
    'span',
    { class: 'file-path', title: `${change.oldPath} → ${change.path}` },
    h('span', { class: 'dir', text: head }),
    braces ? '{' : null,
    h('span', { class: 'old-name', text: before }),
    h('span', { class: 'arrow', text: ' → ' }),
    h('span', { class: 'new-name', text: after }),
    braces ? '}' : null,
    h('span', { class: 'base', text: tail }),
  );
}

function changeBar(change, maxChanges) {
  const total = change.additions + change.deletions;
  const bar = h('span', { class: 'change-bar', 'aria-hidden': 'true' });
  if (change.binary || total === 0) return bar;
  // Square-root scale: a 3-line edit stays visible next to a 500-line rewrite.
  const width = Math.max(6, Math.round(Math.sqrt(total / maxChanges) * 100));
  const added = h('span', { class: 'bar-add' });
  const deleted = h('span', { class: 'bar-del' });
  added.style.width = `${(width * change.additions) / total}%`;
  deleted.style.width = `${(width * change.deletions) / total}%`;
  bar.append(added, deleted);
  return bar;
}

function listed(names, prefix = '') {
  const shown = names.slice(0, MAX_LISTED).map((name) => `${prefix}${name}`).join(', ');
  return names.length > MAX_LISTED ? `${shown} and ${names.length - MAX_LISTED} more` : shown;
}

function docChanges(change) {
  const doc = change.doc;
  if (!doc) return null;
  const items = [];
  const item = (label, ...content) => items.push(h('li', {}, h('span', { class: 'doc-label', text: label }), ...content));
  const beforeAfter = (before, after) => [h('del', { text: shortValue(before) }), h('span', { class: 'arrow', text: ' → ' }), h('ins', { text: shortValue(after) })];
  // A `title` frontmatter field already says it; the page title line would repeat it.
  const titleInFrontmatter = doc.frontmatter.some((field) => field.field === 'title');
  if (!titleInFrontmatter && doc.titleBefore !== doc.titleAfter && (doc.titleBefore || doc.titleAfter)) item('title', ...beforeAfter(doc.titleBefore, doc.titleAfter));
  // Values are compared word by word: cutting both at the same length could hide the change.
  for (const field of doc.frontmatter.slice(0, MAX_LISTED)) item(field.field, h('span', { class: 'word-diff' }, wordDiffNodes(field.before, field.after)));
  if (doc.frontmatter.length > MAX_LISTED) item('frontmatter', `${doc.frontmatter.length - MAX_LISTED} more fields changed`);
  if (doc.sections.added.length) item('sections added', h('span', { class: 'added-text', text: listed(doc.sections.added) }));
  if (doc.sections.removed.length) item('sections removed', h('span', { class: 'removed-text', text: listed(doc.sections.removed) }));
  if (doc.sections.changed.length) item('sections changed', listed(doc.sections.changed));
  if (doc.removedAnchors.length) item('anchors gone', h('code', { text: listed(doc.removedAnchors, '#') }));
  return items.length ? h('ul', { class: 'doc-changes' }, items) : null;
}

export class FileRow {
  constructor(change, { anchor, maxChanges, source, getView, getOptions }) {
    this.change = change;
    this.anchor = anchor;
    this.getView = getView;
    this.getOptions = getOptions;
    this.body = new FileBody(change, source);
    this.body.element.hidden = true;
    this.expanded = false;
    this.shownView = null;

    this.toggleButton = h('button', {
      type: 'button',
      class: 'toggle',
      'aria-expanded': 'false',
      'aria-label': `Show the diff of ${change.path}`,
      on: { click: () => this.toggle() },
    });
    const counts = change.binary
      ? h('span', { class: 'counts muted', text: 'binary' })
      : h('span', { class: 'counts' }, h('span', { class: 'added-text', text: `+${change.additions}` }), ' ', h('span', { class: 'removed-text', text: `−${change.deletions}` }));
    const head = h(
      'div',
      { class: 'file-head', on: { click: (event) => this.#onHeadClick(event) } },
      this.toggleButton,
      h('span', { class: `status status-${change.status}`, title: change.status, text: STATUS_LETTER[change.status] }),
      h('span', { class: 'file-name' }, pathLabel(change), change.title ? h('span', { class: 'file-title', text: change.title }) : null),
      change.status === 'renamed' ? h('span', { class: 'similarity', title: 'similarity to the old file', text: percent(change.similarity) }) : null,
      // Set by diff engines that can tell (`whitespaceOnly`); absent, nothing is claimed.
      change.whitespaceOnly ? h('span', { class: 'tag ws-tag', title: 'Only whitespace changed (spaces, tabs, no-break spaces)', text: 'whitespace only' }) : null,
      counts,
      changeBar(change, maxChanges),
      h('a', { class: 'history-link', href: historyUrl(source.package, change.path), 'data-nav': true, title: 'This page across every version', text: 'history' }),
      h('a', { class: 'permalink', href: `#${anchor}`, title: 'Permalink to this file', 'aria-label': `Permalink to ${change.path}`, text: '#' }),
    );
    this.element = h('li', { class: `file file-${change.status}`, id: anchor, dataset: { status: change.status } }, head, docChanges(change), this.body.element);
  }

  #onHeadClick(event) {
    // The toggle and the permalink do their own thing; the rest of the header opens the file.
    if (event.target instanceof window.Element && event.target.closest('a, button')) return;
    this.toggle();
  }

  toggle() {
    if (this.expanded) this.collapse();
    else this.expand();
  }

  expand() {
    this.expanded = true;
    this.element.classList.add('expanded');
    this.toggleButton.setAttribute('aria-expanded', 'true');
    this.body.element.hidden = false;
    this.refreshView();
  }

  collapse() {
    this.expanded = false;
    this.element.classList.remove('expanded');
    this.toggleButton.setAttribute('aria-expanded', 'false');
    this.body.element.hidden = true;
  }

  /** Redraws an open body when the unified/split choice or the whitespace setting changed. */
  refreshView() {
    const view = this.getView();
    const options = this.getOptions();
    const key = `${view}\u0000${options.ignoreWhitespace}`;
    if (!this.expanded || this.shownView === key) return;
    this.shownView = key;
    this.body.show(view, options);
  }
}
