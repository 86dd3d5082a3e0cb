// What the file list shows: statuses toggled in the summary, and the text typed in the filter box
// (matched against new and old paths and page titles).
export const STATUSES = ['added', 'removed', 'modified', 'renamed'];

export class Filters {
  constructor() {
    this.statuses = new Set(STATUSES);
    this.text = '';
    this.listeners = new Set();
  }

  matches(change) {
    if (!this.statuses.has(change.status)) return false;
    if (!this.text) return true;
    const needle = this.text.toLowerCase();
    return (
      change.path.toLowerCase().includes(needle) ||
      (change.status === 'renamed' && change.oldPath.toLowerCase().includes(needle)) ||
      (typeof change.title === 'string' && change.title.toLowerCase().includes(needle))
    );
  }

  setText(text) {
    this.text = text.trim();
    this.#changed('text');
  }

  toggleStatus(status) {
    if (this.statuses.has(status)) this.statuses.delete(status);
    else this.statuses.add(status);
    this.#changed('status');
  }

  reset() {
    this.statuses = new Set(STATUSES);
    this.text = '';
    this.#changed('reset');
  }

  onChange(listener) {
    this.listeners.add(listener);
  }

  /** Listeners learn what changed: 'text', 'status' or 'reset'. */
  #changed(kind) {
    for (const listener of this.listeners) listener(this, kind);
  }
}
