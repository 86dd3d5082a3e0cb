// Where a page is served, derived from its path the way file-based doc sites route: a version's docs
// layout says which folders hold pages and under which route each folder is served.

const PAGE_EXTENSION = /\.mdx?$/i;
const ROUTE_GROUP = /^\(.*\)$/;
/** Package-root files about the package rather than pages of its docs (README-style layouts). */
const NOT_PAGES = /^(changelog|changes|history|license|licence|contributing|code_of_conduct|security|governance|sponsors)$/i;

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

/** One folder of pages and the route it is served at: `.docs/raw/reference/` at `/reference`. */
export interface DocsRoot {
  /** `a/b/` (with its slash) or `''` for the package root. */
  folder: string;
  /** `/` or `/docs`: the route of the folder itself. */
  route: string;
  /** Pages found under it (in this version). */
  pages: number;
  /** How it was found, in words, for `docdelta versions`. */
  why: string;
  /** What it rests on: the docs' own links, the package settings, a folder name, or the package root. */
  basis: 'links' | 'settings' | 'folder-name' | 'package-root';
}

/** What a version's files say about its pages: the page folders and the routing conventions. */
export interface DocsLayout {
  /** Deepest folder first, so a nested root wins over the one around it. */
  roots: DocsRoot[];
  /** Next.js route groups: a `(name)` folder is not a URL segment. */
  routeGroups: boolean;
  /** Lower-case page names (no extension) that are their folder's route: `index`, `readme`. */
  indexNames: string[];
  /** Where the docs are published, when the docs' own absolute links said so (or a setting did). */
  baseUrl: string | null;
  baseUrlWhy: string | null;
  /** `detected`, or `settings` when the package's settings named the roots. */
  source: 'detected' | 'settings';
  /** Total pages under the roots. */
  pages: number;
  /** What could make the layout wrong (no pages found, few links to learn from). */
  warnings: string[];
}

export const DEFAULT_INDEX_NAMES = ['index', 'readme'];

/** The layout of a single folder served at `/`: what a configured docs root alone means. */
export function singleRootLayout(folder: string | null): DocsLayout {
  const root = folder === null ? null : normalizeDocsRoot(folder);
  return {
    roots: root === null ? [] : [{ folder: root, route: '/', pages: 0, why: 'configured', basis: 'settings' }],
    routeGroups: false,
    indexNames: ['index'],
    baseUrl: null,
    baseUrlWhy: null,
    source: 'settings',
    pages: 0,
    warnings: [],
  };
}

/** `/docs` + [`a`, `b`] → `/docs/a/b`; `/` + [] → `/`. */
export function joinRoute(base: string, segments: readonly string[]): string {
  const head = base === '/' ? '' : base.replace(/\/+$/, '');
  return segments.length === 0 ? head || '/' : `${head}/${segments.join('/')}`;
}

/** The root a path sits in (the deepest one), with the path's segments under it. */
export function rootOf(path: string, layout: DocsLayout): { root: DocsRoot; rest: string[] } | null {
  const clean = path.replace(/^\.\//, '');
  for (const root of layout.roots) {
    if (!clean.startsWith(root.folder)) continue;
    return { root, rest: clean.slice(root.folder.length).split('/') };
  }
  return null;
}

/** Segments a URL keeps: route groups dropped when the layout says so. */
function urlSegments(segments: readonly string[], layout: DocsLayout): string[] {
  return layout.routeGroups ? segments.filter((segment) => !ROUTE_GROUP.test(segment)) : [...segments];
}

/**
 * The page's route under the layout: `authkit/index.mdx` → `/authkit`, `(guides)/setup.md` → `/setup`,
 * `guides/README.md` → `/guides`. Null for files outside every root, non-Markdown files, and any path
 * with an `_`- or `.`-segment under its root (partials, drafts).
 */
export function routeOf(path: string, layout: DocsLayout): string | null {
  if (!isMarkdownPath(path)) return null;
  const found = rootOf(path, layout);
  if (!found) return null;
  const segments = [...found.rest];
  segments[segments.length - 1] = segments.at(-1)!.replace(PAGE_EXTENSION, '');
  if (segments.some((segment) => segment === '' || segment.startsWith('_') || segment.startsWith('.') || segment === 'node_modules')) return null;
  if (found.root.folder === '' && segments.length === 1 && NOT_PAGES.test(segments[0]!)) return null;
  if (layout.indexNames.includes(segments.at(-1)!.toLowerCase())) segments.pop();
  return joinRoute(found.root.route, urlSegments(segments, layout));
}

/** A folder's route (`.docs/organized/docs/user-management` → `/user-management`); null outside the roots. */
export function folderRouteOf(folder: string, layout: DocsLayout): string | null {
  const withSlash = `${folder.replace(/\/+$/, '')}/`;
  const found = rootOf(withSlash, layout);
  if (!found) return null;
  const segments = found.rest.filter((segment) => segment !== '');
  if (segments.some((segment) => segment.startsWith('_') || segment.startsWith('.'))) return null;
  return joinRoute(found.root.route, urlSegments(segments, layout));
}

/**
 * `authkit/index.mdx` → `/authkit`, `authkit/sso.mdx` → `/authkit/sso`, root `index.mdx` → `/`.
 * Null for files outside the root, non-Markdown files, and any path with an `_`-segment.
 * The single-root form of `routeOf`, for a configured folder served at `/`.
 */
export function routeFor(path: string, docsRoot: string | null): string | null {
  return routeOf(path, singleRootLayout(docsRoot));
}
