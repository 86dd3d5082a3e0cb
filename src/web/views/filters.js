// What the file list shows: statuses toggled in the summary, the text typed in the filter box
// (matched against new and old paths and page titles), and whether whitespace-only edits count.
// All of it lives in the address too (`?q=authkit&status=added,renamed&w=1`), so a reload or a
// shared link shows the same list.
export const STATUSES = ['added', 'removed', 'modified', 'renamed'];

export class Filters {
  constructor() {
    this.statuses = new Set(STATUSES);
    this.text = '';
    this.ignoreWhitespace = false;
    this.listeners = new Set();
  }

  /** Filters as given by a URL's query (unknown statuses are ignored, never an error). */
  static fromQuery(search) {
    const filters = new Filters();
    const params = new URLSearchParams(search);
    filters.text = (params.get('q') ?? '').trim().slice(0, 200);
    const statuses = params.get('status');
    if (statuses !== null) filters.statuses = new Set(statuses.split(',').filter((status) => STATUSES.includes(status)));
    filters.ignoreWhitespace = params.get('w') === '1';
    return filters;
  }

  /** `search` with this filter's parameters set (and other parameters kept). */
  toQuery(search) {
    const params = new URLSearchParams(search);
    if (this.text) params.set('q', this.text);
    else params.delete('q');
    if (this.statuses.size === STATUSES.length) params.delete('status');
    else params.set('status', STATUSES.filter((status) => this.statuses.has(status)).join(','));
    if (this.ignoreWhitespace) params.set('w', '1');
    else params.delete('w');
    const text = params.toString();
    return text ? `?${text}` : '';
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

  setIgnoreWhitespace(ignore) {
    this.ignoreWhitespace = ignore;
    this.#changed('whitespace');
  }

  reset() {
    this.statuses = new Set(STATUSES);
    this.text = '';
    this.#changed('reset');
  }

  onChange(listener) {
    this.listeners.add(listener);
  }

  /** Listeners learn what changed: 'text', 'status', 'whitespace' or 'reset'. */
  #changed(kind) {
    for (const listener of this.listeners) listener(this, kind);
  }
}
