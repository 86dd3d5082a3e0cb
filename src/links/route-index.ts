// One version's routes, indexed for lookups: pages by route, folders that hold pages, files by path.
import type { LinkConventions } from './conventions.ts';
import { headingKeys } from './sections.ts';
import type { DocsPage, VersionDocs } from './version-docs.ts';

export interface IndexedPage extends DocsPage {
  /** Per heading, the keys it answers to (see `headingKeys`). */
  keys: Array<Set<string>>;
  /** Keys of every anchor the page has (compared with `looseKey`). */
  anchors: Set<string>;
}

export interface RouteIndex {
  version: string;
  docsRoot: string | null;
  caseSensitive: boolean;
  pages: Map<string, IndexedPage>;
  folders: Set<string>;
  routeByPath: Map<string, string>;
  paths: Set<string>;
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

export function buildRouteIndex(docs: VersionDocs, conventions: Pick<LinkConventions, 'caseSensitive'>): RouteIndex {
  const { caseSensitive } = conventions;
  const pages = new Map<string, IndexedPage>();
  const folders = new Set<string>();
  const routeByPath = new Map<string, string>();
  for (const page of docs.pages) {
    const keys = headingKeys(page.headings);
    const anchors = new Set<string>();
    for (const set of keys) for (const key of set) anchors.add(key);
    // Two files claiming one route (`x.mdx` and `x/index.mdx`): the first in path order serves it, as
    // file-based routers pick deterministically; the other is still indexed by path.
    const key = routeKey(page.route, caseSensitive);
    if (!pages.has(key)) pages.set(key, { ...page, keys, anchors });
    routeByPath.set(page.path, page.route);
    for (const parent of parentRoutes(page.route)) folders.add(routeKey(parent, caseSensitive));
  }
  return { version: docs.version, docsRoot: docs.docsRoot, caseSensitive, pages, folders, routeByPath, paths: new Set(docs.paths) };
}

export function pageAt(index: RouteIndex, route: string): IndexedPage | undefined {
  return index.pages.get(routeKey(route, index.caseSensitive));
}

export function isFolderRoute(index: RouteIndex, route: string): boolean {
  return index.folders.has(routeKey(route, index.caseSensitive));
}
