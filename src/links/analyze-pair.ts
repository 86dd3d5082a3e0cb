// The link analysis of a version pair, as a pure function of the two versions' docs and their diff:
// both route indexes, the route map, and the context fixes are computed in.
import type { FileChange, FolderMove } from '../types.ts';
import { type CandidateFinder, createCandidateFinder } from './candidate-finder.ts';
import type { LinkConventions } from './conventions.ts';
import { buildRouteIndex, type RouteIndex } from './route-index.ts';
import { buildRouteMap, type RouteMapEntry, type RouteMove, routeMoves } from './route-map.ts';
import type { FixContext } from './suggest-fix.ts';
import type { VersionDocs } from './version-docs.ts';

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
  const moves = routeMoves(input.diff.moves, fromIndex.docsRoot, toIndex.docsRoot);
  return {
    fromIndex,
    toIndex,
    routeMap,
    moves,
    fixes: { from: fromIndex, to: toIndex, routeMap: new Map(routeMap.map((entry) => [entry.route, entry])), moves, conventions },
  };
}
