// One version's routes, indexed for lookups: pages by route, folders that hold pages, files by path.
import { basePathOf, type LinkConventions, matchesExternalRoute } from './conventions.ts';
import { headingKeys, findSection, looseKey } from './sections.ts';
import type { DocsPage, VersionDocs } from './version-docs.ts';
import { type DocsLayout, folderRouteOf, rootOf } from '../normalize/index.ts';
import type { LinkTarget } from './link-target.ts';

export interface IndexedPage extends DocsPage {
  /** Per heading, the keys it answers to (see `headingKeys`). */
  keys: Array<Set<string>>;
  /** Keys of every anchor the page has (compared with `looseKey`). */
  anchors: Set<string>;
}

export interface RouteIndex {
  version: string;
  layout: DocsLayout;
  caseSensitive: boolean;
  pages: Map<string, IndexedPage>;
  folders: Set<string>;
  routeByPath: Map<string, string>;
  paths: Set<string>;
  /**
   * First route segments of the docs (of this version and, once paired, the other one too). A route
   * starting with none of them (`/blog/x`, `/pricing` on a site whose docs live at its root) is the
   * site's, outside the tracked docs: not checked, never called broken.
   */
  topSegments: Set<string>;
  /**
   * Whether `topSegments` decides what is outside: only where the site serves more than the docs at the
   * same level — docs at the root of their host (`https://mastra.ai`), or every docs folder under a prefix
   * (`/docs`, `/reference`). Where everything under the base URL is docs, an unknown route is broken.
   */
  scopedBySegment: boolean;
}

export function routeKey(route: string, caseSensitive: boolean): string {
  return caseSensitive ? route : route.toLowerCase();
}

/** `/a/b/c` → `/a`, `/a/b` (the folders a route sits in; `/` too when the route is not `/`). */
export function parentRoutes(route: string): string[] {
  const segments = route.split('/').filter(Boolean);
  const parents = segments.length > 0 ? ['/'] : [];
  for (let depth = 1; depth < segments.length; depth++) parents.push(`/${segments.slice(0, depth).join('/')}`);
  return parents;
}

export function buildRouteIndex(docs: VersionDocs, conventions: Pick<LinkConventions, 'caseSensitive'> & { baseUrl?: string | null }): RouteIndex {
  const { caseSensitive } = conventions;
  const pages = new Map<string, IndexedPage>();
  const folders = new Set<string>();
  const routeByPath = new Map<string, string>();
  for (const page of docs.pages) {
    const keys = headingKeys(page.headings);
    const anchors = new Set<string>();
    for (const set of keys) for (const key of set) anchors.add(key);
    for (const id of page.htmlAnchors ?? []) anchors.add(looseKey(id));
    // Two files claiming one route (`x.mdx` and `x/index.mdx`): the first in path order serves it, as
    // file-based routers pick deterministically; the other is still indexed by path.
    const key = routeKey(page.route, caseSensitive);
    if (!pages.has(key)) pages.set(key, { ...page, keys, anchors });
    routeByPath.set(page.path, page.route);
    for (const parent of parentRoutes(page.route)) folders.add(routeKey(parent, caseSensitive));
  }
  const topSegments = new Set([...pages.keys()].map(firstSegment));
  const hostRoot = conventions.baseUrl ? basePathOf(conventions.baseUrl) === '' : false;
  const scopedBySegment = hostRoot || (docs.layout.roots.length > 0 && docs.layout.roots.every((root) => root.route !== '/'));
  return { version: docs.version, layout: docs.layout, caseSensitive, pages, folders, routeByPath, paths: new Set(docs.paths), topSegments, scopedBySegment };
}

const firstSegment = (route: string) => route.split('/')[1] ?? '';

/** Outside the tracked docs: a route under no first segment the docs have (see `topSegments`). */
function isOutsideDocs(index: RouteIndex, route: string): boolean {
  return index.scopedBySegment && index.topSegments.size > 0 && !index.topSegments.has(routeKey(firstSegment(route), index.caseSensitive));
}

/**
 * A relative `.mdx` link whose file is not in the package, read the way the site's build read it: from
 * the source folder's route (`../../docs/x.mdx` in `reference/core/` is `/docs/x` when the package
 * flattened `docs/` into its root folder). Null when the folder has no route.
 */
function routesThroughFolder(index: RouteIndex, target: Extract<LinkTarget, { kind: 'file' }>): string[] {
  const slash = target.sourcePath.lastIndexOf('/');
  const folderRoute = folderRouteOf(slash === -1 ? '' : target.sourcePath.slice(0, slash), index.layout);
  const pageRoute = index.routeByPath.get(target.sourcePath);
  const out: string[] = [];
  // From the folder (as the build resolved source files), then from the page's URL (as a browser does:
  // an index page's URL is its folder's, so `./providers/x.mdx` there is a sibling of the folder).
  const bases = [folderRoute === null ? null : `${folderRoute === '/' ? '' : folderRoute}/`, pageRoute ?? null];
  for (const base of bases) {
    if (base === null) continue;
    const joined = new URL(target.written, `https://docs.invalid${base}`).pathname.replace(/\.mdx?$/i, '');
    const segments = decodeURI(joined).split('/');
    if (index.layout.indexNames.includes((segments.at(-1) ?? '').toLowerCase())) segments.pop();
    out.push(segments.join('/').replace(/\/+$/, '') || '/');
  }
  return out;
}

export function pageAt(index: RouteIndex, route: string): IndexedPage | undefined {
  return index.pages.get(routeKey(route, index.caseSensitive));
}

export function isFolderRoute(index: RouteIndex, route: string): boolean {
  return index.folders.has(routeKey(route, index.caseSensitive));
}

// Does a link target exist in one version? Pages, then routes served elsewhere, then folders the site
// lists, then section routes into a page's headings; anchors are checked against the page they land on.

export type BrokenCode = 'no-page' | 'no-section' | 'no-anchor' | 'no-file';

interface Located {
  /** The page the link lands on (null for folders, routes served elsewhere and assets). */
  page: string | null;
  /** Section route segments after the page route. */
  section: string[];
  anchor: string | null;
}

export type Resolution =
  | (Located & { ok: true; via: 'page' | 'section' | 'folder' | 'external-route' | 'file' | 'asset' })
  | (Located & { ok: false; code: BrokenCode; message: string });

type Conventions = Pick<LinkConventions, 'sectionRoutes' | 'folderRoutes' | 'externalRoutes' | 'checkAnchors'>;

/** The longest page route that `route` starts with, and the segments after it. */
function pagePrefix(index: RouteIndex, route: string): { page: IndexedPage; rest: string[] } | null {
  const segments = route.split('/').filter(Boolean);
  for (let length = segments.length - 1; length >= 0; length--) {
    const page = pageAt(index, `/${segments.slice(0, length).join('/')}`);
    if (page) return { page, rest: segments.slice(length) };
  }
  return null;
}

function withAnchor(page: IndexedPage, located: Located, via: 'page' | 'section' | 'file', conventions: Conventions): Resolution {
  if (located.anchor === null || !conventions.checkAnchors || page.anchors.has(looseKey(located.anchor))) return { ...located, ok: true, via };
  return { ...located, ok: false, code: 'no-anchor', message: `${page.route} has no heading #${located.anchor}` };
}

const MAX_VARIANT_SEGMENTS = 3;

/** The segments name a heading, possibly after the page's variant values (`/authkit/vanilla/nodejs/…`). */
export function sectionExists(page: IndexedPage, segments: readonly string[]): boolean {
  let skip = 0;
  while (skip < segments.length && skip < MAX_VARIANT_SEGMENTS && page.variants.includes(segments[skip]!)) skip++;
  for (let start = 0; start <= skip; start++) {
    if (start === segments.length) return true;
    if (findSection(page.headings, segments.slice(start), page.keys) !== null) return true;
  }
  return false;
}

export function locateRoute(index: RouteIndex, route: string, anchor: string | null, conventions: Conventions): Resolution {
  const page = pageAt(index, route);
  if (page) return withAnchor(page, { page: page.route, section: [], anchor }, 'page', conventions);
  if (matchesExternalRoute(route, conventions.externalRoutes)) return { ok: true, via: 'external-route', page: null, section: [], anchor };
  if (conventions.folderRoutes && isFolderRoute(index, route)) return { ok: true, via: 'folder', page: null, section: [], anchor };
  const prefix = pagePrefix(index, route);
  if (prefix && conventions.sectionRoutes) {
    const located = { page: prefix.page.route, section: prefix.rest, anchor };
    if (conventions.checkAnchors === false) return { ...located, ok: true, via: 'section' };
    if (sectionExists(prefix.page, prefix.rest)) return withAnchor(prefix.page, located, 'section', conventions);
    // `/fga/local-development` under the page `/fga` was a page of its own, not a section of `/fga`:
    // it is a section route only when it starts at a heading the page has.
    const startsAtHeading = prefix.page.anchors.has(looseKey(prefix.rest[0]!));
    return startsAtHeading
      ? { ...located, ok: false, code: 'no-section', message: `${prefix.page.route} has no section ${prefix.rest.join('/')}` }
      : { ...located, ok: false, code: 'no-page', message: `no page ${route} (nor a section ${prefix.rest.join('/')} of ${prefix.page.route})` };
  }
  return { ok: false, code: 'no-page', page: null, section: [], anchor, message: `no page ${route}` };
}

export function resolveTarget(index: RouteIndex, target: LinkTarget, conventions: Conventions): Resolution | null {
  switch (target.kind) {
    case 'ignored':
      return null;
    case 'route': {
      // `/docs/Reference/Hooks.md` written from the repository root, as GitHub reads it: that file's page.
      const fileRoute = target.file !== undefined ? index.routeByPath.get(target.file) : undefined;
      if (fileRoute !== undefined && !pageAt(index, target.route)) return locateRoute(index, fileRoute, target.anchor, conventions);
      if (isOutsideDocs(index, target.route) && !matchesExternalRoute(target.route, conventions.externalRoutes)) return null;
      return locateRoute(index, target.route, target.anchor, conventions);
    }
    case 'file': {
      const route = index.routeByPath.get(target.path);
      if (route !== undefined) return locateRoute(index, route, target.anchor, conventions);
      if (index.paths.has(target.path)) return { ok: true, via: 'file', page: null, section: [], anchor: target.anchor };
      let nearest: Resolution | null = null;
      const routes = routesThroughFolder(index, target);
      for (const route of routes) {
        if (isOutsideDocs(index, route)) continue;
        const located = locateRoute(index, route, target.anchor, conventions);
        if (located.ok) return located;
        if (located.page !== null) nearest ??= located;
      }
      if (nearest) return nearest;
      // `../../examples/x.mdx` where the site serves /examples but the package ships none: outside.
      if (routes.length > 0 && routes.every((route) => isOutsideDocs(index, route))) return null;
      // A file outside every docs folder is outside what is tracked (`../readme.md` from a repository's
      // docs folder): it may well exist, so it is not ours to call broken.
      if (rootOf(target.path, index.layout) === null) return null;
      return { ok: false, code: 'no-file', page: null, section: [], anchor: target.anchor, message: `no file ${target.path}` };
    }
    case 'asset':
      // Images and downloads are served by the site, not shipped in the package: they cannot be checked
      // here, and calling them broken would be a false alarm.
      return { ok: true, via: 'asset', page: null, section: [], anchor: null };
  }
}
