// Where every page of `from` went in `to`: still there, moved (a git rename, or — for pages git did not
// pair — the same name under a folder that moved), or removed, with the likeliest replacement.
import type { FileChange, FolderMove } from '../types.ts';
import { type DocsLayout, folderRouteOf } from '../normalize/index.ts';
import { type Candidate, type CandidateFinder, createCandidateFinder } from './candidate-finder.ts';
import { type IndexedPage, pageAt, type RouteIndex, buildRouteIndex } from './route-index.ts';
import type { LinkConventions } from './conventions.ts';
import type { FixContext } from './suggest-fix.ts';
import type { VersionDocs } from './version-docs.ts';

export type RouteStatus = 'same' | 'moved' | 'removed';

export interface RouteMapEntry {
  /** The page's route in `from`. */
  route: string;
  path: string;
  title: string | null;
  status: RouteStatus;
  /** Its route in `to` (equal to `route` when `same`; null when `removed`). */
  to: string | null;
  toPath: string | null;
  /** How the new place is known: unchanged route, git's rename pairing, or a folder move. */
  via: 'route' | 'rename' | 'folder-move' | null;
  /** True when no rename said so: the page was matched by name under a moved folder. */
  inferred: boolean;
  /** git's similarity of the renamed file, 0–1. */
  similarity: number | null;
  /** For removed pages: the best replacement by title and content, or null when nothing is close. */
  candidate: Candidate | null;
  /** For removed pages: why no new place was found. */
  reason: string | null;
  /** Headings (anchors, section routes) of the old page that the new page no longer has. */
  removedAnchors: string[];
}

/** A folder move in route terms: `/user-management` → `/authkit`. */
export interface RouteMove {
  from: string;
  to: string;
  files: number;
}

export function routeMoves(moves: readonly FolderMove[], fromLayout: DocsLayout, toLayout: DocsLayout): RouteMove[] {
  const out: RouteMove[] = [];
  for (const move of moves) {
    const from = folderRouteOf(move.from, fromLayout);
    const to = folderRouteOf(move.to, toLayout);
    if (from !== null && to !== null && from !== '/' && from !== to) out.push({ from, to, files: move.files });
  }
  return out;
}

export function isUnder(route: string, folder: string): boolean {
  return folder === '/' || route === folder || route.startsWith(`${folder}/`);
}

function removedAnchors(before: IndexedPage, after: IndexedPage | undefined): string[] {
  if (!after) return [];
  const gone: string[] = [];
  before.headings.forEach((heading, index) => {
    const keys = before.keys[index]!;
    if (![...keys].some((key) => after.anchors.has(key))) gone.push(heading.slug);
  });
  return gone;
}

/** The folder move that explains `route`, deepest first: the page at the same name under its new folder. */
function inferFromMoves(route: string, to: RouteIndex, moves: readonly RouteMove[]): IndexedPage | null {
  const ordered = [...moves].sort((a, b) => b.from.length - a.from.length || b.files - a.files);
  for (const move of ordered) {
    if (!isUnder(route, move.from)) continue;
    const page = pageAt(to, `${move.to}${route.slice(move.from.length)}`);
    if (page) return page;
  }
  return null;
}

export interface RouteMapInput {
  from: RouteIndex;
  to: RouteIndex;
  files: readonly FileChange[];
  moves: readonly FolderMove[];
  /**
   * The best replacement of a removed page; `movedTo` are the new folders of the folders it was in.
   * Asked only for removed pages, so page texts are needed only when there are some.
   */
  candidates: (page: IndexedPage, movedTo: string[]) => Candidate | null;
}

export function buildRouteMap(input: RouteMapInput): RouteMapEntry[] {
  const { from, to } = input;
  const renamedFrom = new Map<string, Extract<FileChange, { status: 'renamed' }>>();
  for (const change of input.files) if (change.status === 'renamed') renamedFrom.set(change.oldPath, change);
  const moves = routeMoves(input.moves, from.layout, to.layout);

  const entries: RouteMapEntry[] = [];
  for (const page of from.pages.values()) {
    const base = { route: page.route, path: page.path, title: page.title, candidate: null, reason: null };
    const rename = renamedFrom.get(page.path);
    const similarity = rename ? rename.similarity : null;
    const same = pageAt(to, page.route);
    if (same) {
      entries.push({ ...base, status: 'same', to: same.route, toPath: same.path, via: rename ? 'rename' : 'route', inferred: false, similarity, removedAnchors: removedAnchors(page, same) });
      continue;
    }
    const renamedRoute = rename ? to.routeByPath.get(rename.path) : undefined;
    const renamedPage = renamedRoute !== undefined ? pageAt(to, renamedRoute) : undefined;
    if (renamedPage) {
      entries.push({ ...base, status: 'moved', to: renamedPage.route, toPath: renamedPage.path, via: 'rename', inferred: false, similarity, removedAnchors: removedAnchors(page, renamedPage) });
      continue;
    }
    const inferred = inferFromMoves(page.route, to, moves);
    if (inferred) {
      entries.push({ ...base, status: 'moved', to: inferred.route, toPath: inferred.path, via: 'folder-move', inferred: true, similarity: null, removedAnchors: removedAnchors(page, inferred) });
      continue;
    }
    entries.push({
      ...base,
      status: 'removed',
      to: null,
      toPath: null,
      via: null,
      inferred: false,
      similarity: null,
      candidate: input.candidates(
        page,
        moves.filter((move) => isUnder(page.route, move.from)).map((move) => move.to),
      ),
      reason: removalReason(page, rename, moves),
      removedAnchors: [],
    });
  }
  return entries.sort((a, b) => (a.route < b.route ? -1 : a.route > b.route ? 1 : 0));
}

function removalReason(page: IndexedPage, rename: Extract<FileChange, { status: 'renamed' }> | undefined, moves: readonly RouteMove[]): string {
  if (rename) return `git renamed ${page.path} to ${rename.path}, which is not a page`;
  const move = moves.find((candidate) => isUnder(page.route, candidate.from));
  if (move) {
    return `deleted: git paired it with no new file, and ${move.to}${page.route.slice(move.from.length)} does not exist although ${move.from} moved to ${move.to}`;
  }
  return 'deleted: git paired it with no new file and no folder move covers it';
}

// The link analysis of a version pair, as a pure function of the two versions' docs and their diff:
// both route indexes, the route map, and the context fixes are computed in.

export interface PairInput {
  from: VersionDocs;
  to: VersionDocs;
  diff: { files: readonly FileChange[]; moves: readonly FolderMove[] };
  conventions: LinkConventions;
}

export interface PairAnalysis {
  fromIndex: RouteIndex;
  toIndex: RouteIndex;
  routeMap: RouteMapEntry[];
  moves: RouteMove[];
  fixes: FixContext;
}

export function analyzePair(input: PairInput): PairAnalysis {
  const { conventions } = input;
  const fromIndex = buildRouteIndex(input.from, conventions);
  const toIndex = buildRouteIndex(input.to, conventions);
  // A link into a section one version still has is the docs', whichever version it is checked in.
  const segments = new Set([...fromIndex.topSegments, ...toIndex.topSegments]);
  fromIndex.topSegments = segments;
  toIndex.topSegments = segments;
  const fromTexts = new Map(input.from.pages.map((page) => [page.path, page.text]));
  // Built on the first removed page only: most pairs remove nothing and never pay for the tf-idf index.
  let finder: CandidateFinder | undefined;
  const routeMap = buildRouteMap({
    from: fromIndex,
    to: toIndex,
    files: input.diff.files,
    moves: input.diff.moves,
    candidates: (page, movedTo) => {
      finder ??= createCandidateFinder(input.to.pages.map((candidate) => ({ route: candidate.route, title: candidate.title, text: candidate.text })));
      return finder.best({ route: page.route, title: page.title, text: fromTexts.get(page.path) ?? '' }, movedTo);
    },
  });
  const moves = routeMoves(input.diff.moves, fromIndex.layout, toIndex.layout);
  return {
    fromIndex,
    toIndex,
    routeMap,
    moves,
    fixes: { from: fromIndex, to: toIndex, routeMap: new Map(routeMap.map((entry) => [entry.route, entry])), moves, conventions },
  };
}
