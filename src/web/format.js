// Small presentation helpers: numbers, dates, and git's `{old → new}` name for a rename.

const numberFormat = new Intl.NumberFormat('en');
const dateFormat = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });

export const formatCount = (n) => numberFormat.format(n);

export function formatDate(iso) {
  if (!iso) return 'date unknown';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? 'date unknown' : dateFormat.format(date);
}

export const plural = (n, one, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

export const percent = (ratio) => `${Math.round(ratio * 100)}%`;

/**
 * Splits a rename into the shared leading folders, the differing middle of each side and the shared
 * tail, the way `git diff --stat` folds it: docs/{user-management → authkit}/users.mdx.
 */
export function splitRename(oldPath, newPath) {
  let prefix = 0;
  for (let i = 0; i < oldPath.length && i < newPath.length && oldPath[i] === newPath[i]; i++) {
    if (oldPath[i] === '/') prefix = i + 1;
  }
  const floor = prefix > 0 ? prefix - 1 : 0;
  let suffix = 0;
  for (let i = oldPath.length, j = newPath.length; i >= floor && j >= floor; i--, j--) {
    const x = i === oldPath.length ? '' : oldPath[i];
    const y = j === newPath.length ? '' : newPath[j];
    if (x !== y) break;
    if (x === '/') suffix = oldPath.length - i;
  }
  if (prefix + suffix === 0) return { head: '', before: oldPath, after: newPath, tail: '' };
  return {
    head: oldPath.slice(0, prefix),
    before: oldPath.slice(prefix, Math.max(prefix, oldPath.length - suffix)),
    after: newPath.slice(prefix, Math.max(prefix, newPath.length - suffix)),
    tail: oldPath.slice(oldPath.length - suffix),
  };
}

export function foldRename(oldPath, newPath) {
  const { head, before, after, tail } = splitRename(oldPath, newPath);
  return head || tail ? `${head}{${before} → ${after}}${tail}` : `${before} → ${after}`;
}

/** A value from frontmatter, shown as short text. */
export function shortValue(value) {
  if (value === null || value === undefined) return '(none)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}
