// One file's diff, drawn by diff2html (word-level highlights) from the unified patch of /diff/file,
// fetched once when the file is first opened. The patch is kept as data (patch-model.js), so the
// viewer can reveal hidden lines between hunks and hide whitespace-only edits without asking again.
// The split view is rebuilt as one table (split-view.js): long lines wrap, both sides scroll as one.
import { getJson } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { plural } from '../format.js';
import { loadDiff2Html } from './diff2html-loader.js';
import { expandGap, formatPatch, gapAt, ignoreWhitespace, nbspOnlyChanges, parsePatch, textLines } from './patch-model.js';
import { sanitizedFragment } from './sanitize.js';
import { joinSplitSides, markNoBreakSpaces } from './split-view.js';

const MAX_CHANGED_LINES = 5000;
const EXPAND_STEP = 20;

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

function noContentNote(change, patch) {
  if (/^Binary files /m.test(patch)) return 'Binary file changed; no text diff to show.';
  if (change.status === 'renamed') return 'Renamed without content changes.';
  return 'No content changes.';
}

export class FileBody {
  constructor(change, source) {
    this.change = change;
    this.source = source;
    this.data = null;
    this.base = null; // the patch as served, parsed
    this.model = null; // what is shown: whitespace choice applied, gaps expanded
    this.modelKey = '';
    this.view = 'unified';
    this.element = h('div', { class: 'file-body' }, h('p', { class: 'loading', text: 'Loading diff…' }));
  }

  async show(view, options = {}) {
    this.view = view;
    try {
      this.data ??= await getJson('/diff/file', { ...this.source, path: this.change.path, format: 'json' });
      this.newLines ??= textLines(this.data.newText);
      this.base ??= parsePatch(this.data.patch);
      const key = options.ignoreWhitespace ? 'w' : '';
      if (!this.model || this.modelKey !== key) {
        this.model = options.ignoreWhitespace ? ignoreWhitespace(this.base) : this.base;
        this.modelKey = key;
      }
      await this.#draw();
    } catch (error) {
      replaceChildren(this.element, h('p', { class: 'error-message', role: 'alert', text: `Could not load this file's diff: ${error.message}` }));
    }
  }

  async #draw() {
    if (this.base.hunks.length === 0) {
      replaceChildren(this.element, h('p', { class: 'muted note', text: noContentNote(this.change, this.data.patch) }));
      return;
    }
    if (this.model.hunks.length === 0) {
      replaceChildren(this.element, h('p', { class: 'muted note whitespace-note', text: 'Only whitespace changed. Turn off “hide whitespace” to see it.' }));
      return;
    }
    const changed = this.change.additions + this.change.deletions;
    if (changed > MAX_CHANGED_LINES) {
      replaceChildren(this.element, h('p', { class: 'muted note', text: `This file changed ${changed} lines, too many to draw here.` }));
      return;
    }
    const Diff2Html = await loadDiff2Html();
    const fragment = sanitizedFragment(Diff2Html.html(formatPatch(this.model), diffOptions(this.view)));
    const holder = h('div', { class: 'diff-holder' }, fragment);
    if (this.view === 'split') joinSplitSides(holder);
    markNoBreakSpaces(holder);
    this.#addExpanders(holder);
    const nbsp = nbspOnlyChanges(this.model);
    replaceChildren(
      this.element,
      nbsp ? h('p', { class: 'note nbsp-note', text: `${plural(nbsp, 'changed line differs', 'changed lines differ')} only in no-break spaces (marked ⍽).` }) : null,
      holder,
    );
  }

  /** A "show hidden lines" button on each hunk header, and one after the last hunk. */
  #addExpanders(holder) {
    const table = holder.querySelector('.d2h-diff-table');
    if (!table || !this.data.newText) return;
    const headers = [...table.querySelectorAll('tr')].filter((row) => row.querySelector('td.d2h-info:not(.d2h-code-linenumber):not(.d2h-code-side-linenumber)'));
    headers.forEach((row, index) => {
      const { count } = gapAt(this.model, index, this.newLines.length);
      if (count === 0) return;
      const cell = row.querySelector('td.d2h-info:not(.d2h-code-linenumber):not(.d2h-code-side-linenumber)');
      // Inside the line's box, which diff2html pads clear of its line-number columns.
      (cell.querySelector('.d2h-code-line, .d2h-code-side-line') ?? cell).prepend(this.#expander(index, count, '↑'));
    });
    const last = this.model.hunks.length;
    const tail = gapAt(this.model, last, this.newLines.length).count;
    if (tail > 0) {
      const columns = Math.max(1, table.querySelector('tr')?.children.length ?? 2);
      table.querySelector('tbody')?.append(h('tr', { class: 'expand-row' }, h('td', { class: 'd2h-info', colspan: String(columns) }, this.#expander(last, tail, '↓'))));
    }
  }

  #expander(index, hidden, arrow) {
    const step = Math.min(EXPAND_STEP, hidden);
    return h('button', {
      type: 'button',
      class: 'expand-button',
      title: `Show ${plural(step, 'more unchanged line')}`,
      text: hidden > EXPAND_STEP ? `${arrow} ${step} of ${hidden} hidden lines` : `${arrow} ${plural(hidden, 'hidden line')}`,
      on: {
        click: () => {
          this.model = expandGap(this.model, index, this.newLines, EXPAND_STEP);
          void this.#draw();
        },
      },
    });
  }
}
