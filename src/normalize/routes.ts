// Where a page is served, derived from its path the way file-based doc sites route.

const PAGE_EXTENSION = /\.mdx?$/i;

export function isMarkdownPath(path: string): boolean {
  return PAGE_EXTENSION.test(path);
}

/** `_navigation.mdx`, `_partials/x.mdx`: files a site imports or reads, never serves. */
export function isPartialPath(path: string): boolean {
  return path.split('/').some((segment) => segment.startsWith('_'));
}

/**
 * `''` is the package root; otherwise `a/b/`. Null when the root could escape the package,
 * so a bad override yields no routes rather than wrong ones.
 */
export function normalizeDocsRoot(root: string): string | null {
  const segments = root.replace(/\\/g, '/').split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) return null;
  return segments.length === 0 ? '' : `${segments.join('/')}/`;
}

/**
 * `authkit/index.mdx` → `/authkit`, `authkit/sso.mdx` → `/authkit/sso`, root `index.mdx` → `/`.
 * Null for files outside the root, non-Markdown files, and any path with an `_`-segment.
 */
export function routeFor(path: string, docsRoot: string | null): string | null {
  if (docsRoot === null) return null;
  const root = normalizeDocsRoot(docsRoot);
  if (root === null || !isMarkdownPath(path)) return null;
  const clean = path.replace(/^\.\//, '');
  if (!clean.startsWith(root)) return null;
  const segments = clean.slice(root.length).replace(PAGE_EXTENSION, '').split('/');
  if (segments.some((segment) => segment === '' || segment.startsWith('_') || segment.startsWith('.'))) return null;
  if (segments[segments.length - 1] === 'index') segments.pop();
  return `/${segments.join('/')}`;
}
