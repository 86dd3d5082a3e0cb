// What a broken link should say instead: follow the page through the route map (sections and anchors
// follow their page), or, for a link that never worked, the page whose route looks most like it.
import { joinRoute } from '../normalize/index.ts';
import type { Resolution } from './route-index.ts';
import { locateRoute, sectionExists } from './route-index.ts';
import type { LinkConventions } from './conventions.ts';
import { type IndexedPage, pageAt, type RouteIndex } from './route-index.ts';
import { isUnder, type RouteMapEntry, type RouteMove } from './route-map.ts';
import { findSection, looseKey, sectionPath } from './sections.ts';

export interface Fix {
  /** The replacement link, root-relative to the docs (`/authkit/sso#setup`). */
  target: string;
  kind: 'moved' | 'moved-inferred' | 'section' | 'candidate' | 'similar-route' | 'folder-move';
  /** For guesses (candidates, similar routes): 0–1. Moves known from git carry none. */
  confidence: number | null;
  /** What the fix could not carry over (a section or anchor that is gone). */
  note: string | null;
}

type Conventions = Pick<LinkConventions, 'sectionRoutes' | 'folderRoutes' | 'externalRoutes' | 'checkAnchors'>;

export interface FixContext {
  from: RouteIndex;
  to: RouteIndex;
  routeMap: ReadonlyMap<string, RouteMapEntry>;
  moves: readonly RouteMove[];
  conventions: Conventions;
}

/** A heading of the new page for a heading of the old one: same key anywhere, else one whose key extends it. */
function matchHeading(page: IndexedPage, key: string): number | null {
  const exact = page.keys.findIndex((keys) => keys.has(key));
  if (exact !== -1) return exact;
  const extended = page.keys.flatMap((keys, index) => ([...keys].some((candidate) => candidate.startsWith(key)) ? [index] : []));
  return extended.length === 1 ? extended[0]! : null;
}

/** Carries a section route and an anchor from `before` (if known) onto `after`. */
function carryOver(after: IndexedPage, before: IndexedPage | null, section: readonly string[], anchor: string | null): { target: string; lost: string[] } {
  const lost: string[] = [];
  let route = after.route;
  if (section.length > 0) {
    if (sectionExists(after, section)) {
      route = joinRoute(after.route, section);
    } else {
      const oldIndex = before ? findSection(before.headings, section, before.keys) : null;
      const key = oldIndex !== null ? looseKey(before!.headings[oldIndex]!.slug) : looseKey(section.at(-1)!);
      const newIndex = matchHeading(after, key);
      if (newIndex !== null) route = joinRoute(after.route, sectionPath(after.headings, newIndex));
      else lost.push(`section ${section.join('/')}`);
    }
  }
  let hash = '';
  if (anchor !== null) {
    const newIndex = matchHeading(after, looseKey(anchor));
    if (newIndex !== null) hash = `#${after.headings[newIndex]!.slug}`;
    else lost.push(`anchor #${anchor}`);
  }
  return { target: `${route}${hash}`, lost };
}

const noteOf = (lost: string[]) => (lost.length > 0 ? `${lost.join(' and ')} no longer exists; linking to the page` : null);

/** Where a target that worked in `from` (as `located` there) lives in `to`. */
export function followThroughMap(located: Pick<Resolution, 'page' | 'section' | 'anchor'>, route: string, context: FixContext): Fix | null {
  if (located.page === null) {
    // A folder route or a route served elsewhere: follow the folder's move, if it moved.
    const move = [...context.moves].sort((a, b) => b.from.length - a.from.length).find((candidate) => isUnder(route, candidate.from));
    if (!move) return null;
    const moved = `${move.to}${route.slice(move.from.length)}`;
    return locateRoute(context.to, moved, null, context.conventions).ok ? { target: moved, kind: 'folder-move', confidence: null, note: null } : null;
  }
  const entry = context.routeMap.get(located.page);
  if (!entry) return null;
  const before = pageAt(context.from, entry.route) ?? null;
  if (entry.status === 'removed') {
    if (!entry.candidate) return null;
    const after = pageAt(context.to, entry.candidate.route);
    const lost = [...(located.section.length > 0 ? [`section ${located.section.join('/')}`] : []), ...(located.anchor ? [`anchor #${located.anchor}`] : [])];
    if (!after) return null;
    return { target: after.route, kind: 'candidate', confidence: entry.candidate.confidence, note: lost.length > 0 ? `${located.page} was removed; ${lost.join(' and ')} not carried over` : `${located.page} was removed` };
  }
  const after = pageAt(context.to, entry.to!);
  if (!after) return null;
  const carried = carryOver(after, before, located.section, located.anchor);
  const kind = entry.status === 'same' ? 'section' : entry.inferred ? 'moved-inferred' : 'moved';
  return { target: carried.target, kind, confidence: null, note: noteOf(carried.lost) };
}

function commonPrefixSegments(a: string, b: string): number {
  const left = a.split('/');
  const right = b.split('/');
  let shared = 0;
  while (shared < left.length && shared < right.length && left[shared] === right[shared]) shared++;
  return shared;
}

/**
 * For a link that does not resolve and has no history: a page of `to` with the same last segment (the
 * one sharing most of the route when several do), or a heading of the page it reaches into.
 */
export function nearestRoute(broken: Extract<Resolution, { ok: false }>, route: string, to: RouteIndex): Fix | null {
  if (broken.code === 'no-section' || broken.code === 'no-anchor') {
    const page = pageAt(to, broken.page!);
    if (page) {
      const carried = carryOver(page, null, broken.section, broken.anchor);
      if (carried.lost.length === 0) return { target: carried.target, kind: 'section', confidence: null, note: null };
    }
  }
  const last = route.slice(route.lastIndexOf('/') + 1);
  if (last === '') return null;
  const sameName = [...to.pages.values()].filter((page) => page.route.slice(page.route.lastIndexOf('/') + 1) === last);
  if (sameName.length === 0) return null;
  const ranked = sameName
    .map((page) => ({ page, shared: commonPrefixSegments(page.route, route) }))
    .sort((a, b) => b.shared - a.shared || a.page.route.length - b.page.route.length);
  const best = ranked[0]!;
  if (ranked.length > 1 && ranked[1]!.shared === best.shared) return null;
  const depth = Math.max(route.split('/').length, best.page.route.split('/').length) - 1;
  const confidence = Math.round((0.5 + (0.5 * (best.shared - 1)) / Math.max(1, depth)) * 100) / 100;
  return { target: best.page.route, kind: 'similar-route', confidence, note: null };
}
