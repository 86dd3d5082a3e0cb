// One file's diff, drawn by diff2html (side-by-side or unified, word-level highlights) from the
// unified patch of /diff/file. Fetched only when the file is first opened.
import { getText } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { loadDiff2Html } from './diff2html-loader.js';
import { sanitizedFragment } from './sanitize.js';

const MAX_CHANGED_LINES = 5000;

function diffOptions(view) {
  return {
    outputFormat: view === 'split' ? 'side-by-side' : 'line-by-line',
    drawFileList: false,
    matching: 'lines',
    diffStyle: 'word',
    colorScheme: 'auto',
    renderNothingWhenEmpty: false,
    diffMaxChanges: MAX_CHANGED_LINES,
    diffMaxLineLength: 10000,
  };
}

function hasHunks(patch) {
  return /^@@ /m.test(patch);
}

function noContentNote(change, patch) {
  if (/^Binary files /m.test(patch)) return 'Binary file changed; no text diff to show.';
  if (change.status === 'renamed') return 'Renamed without content changes.';
  return 'No content changes.';
}

export class FileBody {
  constructor(change, source) {
    this.change = change;
    this.source = source;
    this.patch = null;
    this.element = h('div', { class: 'file-body' }, h('p', { class: 'loading', text: 'Loading diff…' }));
  }

  async show(view) {
    try {
      this.patch ??= await getText('/diff/file', { ...this.source, path: this.change.path, format: 'patch' });
      if (!hasHunks(this.patch)) {
        replaceChildren(this.element, h('p', { class: 'muted note', text: noContentNote(this.change, this.patch) }));
        return;
      }
      const changed = this.change.additions + this.change.deletions;
      if (changed > MAX_CHANGED_LINES) {
        replaceChildren(this.element, h('p', { class: 'muted note', text: `This file changed ${changed} lines, too many to draw here.` }));
        return;
      }
      const Diff2Html = await loadDiff2Html();
      replaceChildren(this.element, sanitizedFragment(Diff2Html.html(this.patch, diffOptions(view))));
    } catch (error) {
      replaceChildren(this.element, h('p', { class: 'error-message', role: 'alert', text: `Could not load this file's diff: ${error.message}` }));
    }
  }
}
