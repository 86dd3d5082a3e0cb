// The list of changed files. Rows are added in chunks between frames, so the summary paints at
// once and a 600-file diff never blocks the page; file bodies load only when opened.
import { assignAnchors } from '../anchors.js';
import { h } from '../dom.js';
import { formatCount } from '../format.js';
import { FileRow } from './file-row.js';

const CHUNK = 120;

function nextFrame() {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    window.requestAnimationFrame(() => {
      clearTimeout(fallback);
      setTimeout(resolve, 0);
    });
  });
}

export class FileList {
  constructor(diff, filters, getView) {
    // The list applies a filter change before anyone else hears of it (the counter, "open all",
    // the tree all read which rows are shown), so it subscribes first, here.
    filters.onChange((_filters, kind) => (kind === 'whitespace' ? this.refreshViews() : this.applyFilter()));
    this.diff = diff;
    this.filters = filters;
    this.anchors = assignAnchors(diff.files);
    this.rows = [];
    this.rowsByAnchor = new Map();
    this.disposed = false;
    this.current = null;
    this.maxChanges = Math.max(1, ...diff.files.map((change) => change.additions + change.deletions));
    this.source = { package: diff.package, from: diff.from, to: diff.to };
    this.getView = getView;
    this.counter = h('span', { class: 'muted counter', 'aria-live': 'polite' });
    this.element = h('ol', { class: 'file-list' });
    this.noMatch = h('p', { class: 'panel muted no-match', hidden: true, text: 'No file matches the filter.' });
    this.ready = this.#renderRows();
  }

  async #renderRows() {
    const files = this.diff.files;
    // The summary and the folder moves paint first; rows follow from the next frame on.
    await nextFrame();
    for (let start = 0; start < files.length; start += CHUNK) {
      if (this.disposed) return;
      const fragment = document.createDocumentFragment();
      for (const change of files.slice(start, start + CHUNK)) {
        const anchor = this.anchors.byPath.get(change.path);
        const row = new FileRow(change, {
          anchor,
          maxChanges: this.maxChanges,
          source: this.source,
          getView: this.getView,
          getOptions: () => ({ ignoreWhitespace: this.filters.ignoreWhitespace }),
        });
        row.element.hidden = !this.filters.matches(change);
        this.rows.push(row);
        this.rowsByAnchor.set(anchor, row);
        fragment.append(row.element);
      }
      this.element.append(fragment);
      this.#updateCounter();
      if (start + CHUNK < files.length) await nextFrame();
    }
  }

  #updateCounter() {
    const shown = this.rows.filter((row) => !row.element.hidden).length;
    const total = this.diff.files.length;
    this.counter.textContent = shown === total ? `${formatCount(total)} files` : `${formatCount(shown)} of ${formatCount(total)} files`;
    this.noMatch.hidden = !(this.rows.length === total && shown === 0 && total > 0);
  }

  applyFilter() {
    for (const row of this.rows) row.element.hidden = !this.filters.matches(row.change);
    this.#updateCounter();
  }

  refreshViews() {
    for (const row of this.rows) row.refreshView();
  }

  /** How many files the filter shows, counted from the diff itself (rows may still be coming). */
  shownCount() {
    return this.diff.files.reduce((count, change) => count + (this.filters.matches(change) ? 1 : 0), 0);
  }

  visibleRows() {
    return this.rows.filter((row) => !row.element.hidden);
  }

  setExpanded(expanded, limit = Infinity) {
    const rows = this.visibleRows();
    if (expanded && rows.length > limit) return false;
    for (const row of rows) {
      if (expanded) row.expand();
      else row.collapse();
    }
    return true;
  }

  /** Moves to the next (+1) or previous (−1) shown file: opens it and brings it to the top. */
  step(direction) {
    const rows = this.visibleRows();
    if (rows.length === 0) return null;
    let index = rows.indexOf(this.current);
    index = index === -1 ? (direction > 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, index + direction));
    this.focus(rows[index]);
    return rows[index];
  }

  focus(row) {
    this.current?.element.classList.remove('current');
    this.current = row;
    row.element.classList.add('current');
    row.expand();
    row.element.scrollIntoView({ block: 'start' });
    row.toggleButton.focus({ preventScroll: true });
  }

  /** Follows a permalink: `#file-…` of the new path, or of a renamed file's old path. */
  async openAnchor(hash) {
    let id = hash.replace(/^#/, '');
    try {
      id = decodeURIComponent(id);
    } catch {
      return false;
    }
    if (!id.startsWith('file-')) return false;
    await this.ready;
    const row = this.rowsByAnchor.get(id) ?? this.rowsByAnchor.get(this.anchors.aliases.get(id));
    if (!row) return false;
    if (row.element.hidden) this.filters.reset();
    this.current?.element.classList.remove('current');
    this.current = row;
    row.element.classList.add('current');
    row.expand();
    row.element.scrollIntoView({ block: 'start' });
    row.element.classList.remove('flash');
    void row.element.offsetWidth;
    row.element.classList.add('flash');
    return true;
  }

  dispose() {
    this.disposed = true;
  }
}
