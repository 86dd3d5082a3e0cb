// Which folders of a version hold its pages, and under which routes the site serves them — detected
// from the files and from the docs' own links, per version, with settings that override each guess.
//
// The rule, in order:
// 1. Settings name the roots (`docs.roots`): those folders, at the routes given (or learned, else `/`).
// 2. Links teach the routes: every internal link (`/docs/agents/overview`, or an absolute URL) is matched
//    to the page file whose path ends the same way (`.docs/raw/agents/overview.mdx`). The part before
//    the shared tail is a vote: folder `.docs/raw` is served at `/docs`. The folder most links agree on
//    becomes a root; a section folder whose links disagree (`.docs/raw/reference` at `/reference`)
//    becomes a root of its own.
// 3. Without enough links: the conventionally named folder with the most pages (`docs/`, `raw/`, …).
// 4. Else the package's Markdown itself (a README-style package), served at `/`.
import { learnMounts, type LinkedFile } from './learn-routes.ts';
import { DEFAULT_INDEX_NAMES, type DocsLayout, type DocsRoot, isMarkdownPath, isPartialPath, joinRoute, normalizeDocsRoot, rootOf, routeOf } from './routes.ts';

/** The layout part of a package's settings (validated by the settings schema before it gets here). */
export interface LayoutSettings {
  roots?: Array<{ folder: string; route?: string | null }> | null;
  routeGroups?: boolean;
  indexNames?: string[];
  /** False: never learn routes from links (every root is served at `/` unless a setting says otherwise). */
  learnRoutes?: boolean;
  /** Where the docs are published, when known; absolute links under it are internal. */
  baseUrl?: string | null;
}

/** Folder names doc sites and packages use for their pages. */
const CONVENTIONAL_NAMES = new Set(['docs', 'doc', 'documentation', 'content', 'pages', 'guides', 'raw']);
const IGNORED_FOLDERS = new Set(['node_modules', 'dist', 'build', 'test', 'tests', '__tests__', 'fixtures']);

/** Markdown files that could be pages: no partials, nothing in dependency or build folders. */
function candidatePaths(paths: readonly string[]): string[] {
  return paths.filter((path) => isMarkdownPath(path) && !isPartialPath(path) && !path.split('/').slice(0, -1).some((segment) => IGNORED_FOLDERS.has(segment)));
}

/**
 * The conventionally named folder holding the most pages; on a tie the deeper one, which is the more
 * specific. Null when no such folder holds a page.
 */
export function detectDocsRoot(paths: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const path of candidatePaths(paths)) {
    const segments = path.split('/');
    for (let depth = 1; depth < segments.length; depth++) {
      if (!CONVENTIONAL_NAMES.has(segments[depth - 1]!.toLowerCase())) continue;
      const folder = `${segments.slice(0, depth).join('/')}/`;
      counts.set(folder, (counts.get(folder) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [folder, count] of counts) {
    const deeper = best !== null && count === bestCount && (folder.split('/').length > best.split('/').length || (folder.split('/').length === best.split('/').length && folder < best));
    if (best === null || count > bestCount || deeper) {
      best = folder;
      bestCount = count;
    }
  }
  return best;
}

function countPages(layout: DocsLayout, paths: readonly string[]): DocsLayout {
  const counts = new Map<DocsRoot, number>();
  let pages = 0;
  for (const path of paths) {
    if (routeOf(path, layout) === null) continue;
    const found = rootOf(path, layout)!;
    counts.set(found.root, (counts.get(found.root) ?? 0) + 1);
    pages++;
  }
  return { ...layout, roots: layout.roots.map((root) => ({ ...root, pages: counts.get(root) ?? 0 })), pages };
}

/** The route links taught for a folder: its own mount's, or the one of the mount it sits in. */
function learnedRouteOf(folder: string, mounts: ReadonlyArray<{ folder: string; route: string; why: string }>, conventions: { routeGroups: boolean }): { route: string; why: string } | null {
  const around = mounts.filter((mount) => folder.startsWith(mount.folder)).sort((a, b) => b.folder.length - a.folder.length)[0];
  if (!around) return null;
  const rest = folder.slice(around.folder.length).split('/').filter((segment) => segment !== '' && !(conventions.routeGroups && /^\(.*\)$/.test(segment)));
  return { route: joinRoute(around.route, rest), why: around.why };
}

const byDepth = (a: DocsRoot, b: DocsRoot) => b.folder.split('/').length - a.folder.split('/').length || (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0);

/**
 * The layout of one version. `files` are every path of the version, with the link targets written in
 * its Markdown files (empty for other files).
 */
export function detectDocsLayout(files: readonly LinkedFile[], settings: LayoutSettings = {}): DocsLayout {
  const paths = files.map((file) => file.path);
  const candidates = candidatePaths(paths);
  const base = {
    routeGroups: settings.routeGroups ?? true,
    indexNames: (settings.indexNames ?? DEFAULT_INDEX_NAMES).map((name) => name.toLowerCase()),
  };
  const learned = settings.learnRoutes === false ? null : learnMounts(files, candidates, { ...base, baseUrl: settings.baseUrl ?? null });
  const warnings: string[] = [];
  let roots: DocsRoot[];
  let source: DocsLayout['source'] = 'detected';

  if (settings.roots && settings.roots.length > 0) {
    source = 'settings';
    roots = settings.roots.flatMap((configured) => {
      const folder = normalizeDocsRoot(configured.folder);
      if (folder === null) return [];
      const learnedRoute = learnedRouteOf(folder, learned?.mounts ?? [], base);
      const route = configured.route ?? learnedRoute?.route ?? '/';
      const why = configured.route ? 'set in the package settings' : learnedRoute ? `set in the package settings; served at ${route}: ${learnedRoute.why}` : 'set in the package settings';
      return [{ folder, route, pages: 0, why, basis: 'settings' as const }];
    });
  } else if (learned && learned.mounts.length > 0) {
    roots = learned.mounts.map((mount) => ({ folder: mount.folder, route: mount.route, pages: 0, why: mount.why, basis: 'links' as const }));
  } else {
    const named = detectDocsRoot(paths);
    if (named !== null) {
      roots = [{ folder: named, route: '/', pages: 0, why: `the conventionally named folder (${[...CONVENTIONAL_NAMES].join(', ')}) with the most Markdown pages`, basis: 'folder-name' }];
    } else if (candidates.length > 0) {
      roots = [{ folder: '', route: '/', pages: 0, why: 'no docs folder found: every Markdown file of the package (README-style docs)', basis: 'package-root' }];
    } else {
      roots = [];
    }
    if (learned && learned.linksSeen > 0 && roots.length > 0) warnings.push(`routes are served at / by assumption: none of ${learned.linksSeen} internal links matched a page file`);
  }
  const layout = countPages(
    {
      roots: roots.sort(byDepth),
      ...base,
      baseUrl: settings.baseUrl ?? learned?.baseUrl ?? null,
      baseUrlWhy: settings.baseUrl ? 'set in the package settings' : (learned?.baseUrlWhy ?? null),
      source,
      pages: 0,
      warnings,
    },
    paths,
  );
  if (layout.pages === 0) {
    const looked = source === 'settings' ? `under ${layout.roots.map((root) => root.folder || '(package root)').join(', ') || 'the configured roots'}` : 'in folders named docs, doc, documentation, content, pages, guides or raw, in the folders the docs\' own links point to, and at the package root';
    warnings.push(`no pages found: ${paths.length} files, ${candidates.length} Markdown; looked for .md/.mdx files ${looked}`);
  }
  return layout;
}

export type { LinkedFile } from './learn-routes.ts';

/**
 * The same scheme for both versions of a pair where only one of them could learn it: a version whose
 * links taught nothing (its roots are a guess by folder name) is read with the roots and publication
 * URL its partner's links taught, when those folders exist in it. Without this, a release that added
 * one absolute link would look like every page moved.
 */
export function reconcileLayouts(a: DocsLayout, b: DocsLayout, aPaths: readonly string[], bPaths: readonly string[]): [DocsLayout, DocsLayout] {
  const guessed = (layout: DocsLayout) => layout.source === 'detected' && layout.roots.length > 0 && layout.roots.every((root) => root.basis === 'folder-name' || root.basis === 'package-root');
  const learned = (layout: DocsLayout) => layout.source === 'detected' && layout.roots.some((root) => root.basis === 'links');
  const adopt = (target: DocsLayout, targetPaths: readonly string[], teacher: DocsLayout): DocsLayout => {
    if (!guessed(target) || !learned(teacher)) return target;
    if (!teacher.roots.every((root) => targetPaths.some((path) => path.startsWith(root.folder)))) return target;
    const roots = teacher.roots.map((root) => ({ ...root, why: `as in the other version of the pair: ${root.why}` }));
    return countPages({ ...target, roots, baseUrl: target.baseUrl ?? teacher.baseUrl, baseUrlWhy: target.baseUrl ? target.baseUrlWhy : teacher.baseUrlWhy }, targetPaths);
  };
  return [adopt(a, aPaths, b), adopt(b, bPaths, a)];
}
