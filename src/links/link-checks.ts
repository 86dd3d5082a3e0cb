// A link that does not work, where it is written, why, and what to write instead.
import type { DocLink } from '../types.ts';
import { type BrokenCode, type Resolution, resolveTarget, type RouteIndex, locateRoute } from './route-index.ts';
import { joinRoute } from '../normalize/index.ts';
import { type Fix, type FixContext, followThroughMap, nearestRoute } from './suggest-fix.ts';
import type { LinkConventions } from './conventions.ts';
import { type LinkTarget, parseLinkTarget } from './link-target.ts';
import type { VersionDocs } from './version-docs.ts';

export type BrokenScope = 'internal' | 'upgrade' | 'scan';

export interface BrokenLink {
  /**
   * internal: a link in the `to` docs that does not resolve in `to`;
   * upgrade: a target the `from` docs link to that worked in `from` and fails in `to`;
   * scan: a link in the scanned folder that fails in `to`.
   */
  scope: BrokenScope;
  /** Where the link is written; for upgrade, the first place in the `from` docs. */
  file: string;
  line: number;
  /** How many more places link to the same target (upgrade and scan group by target). */
  alsoAt: number;
  target: string;
  kind: DocLink['kind'] | 'app';
  code: BrokenCode;
  reason: string;
  fix: Fix | null;
}

// Frontmatter `url:` values inside metadata subtrees (API reference entries declaring their own URL) are
// descriptions of the page, not links a reader follows; this counts them so the checker can set them apart.

const URL_KEYS = new Set(['url', 'href', 'link']);
const MAX_NODES = 20_000;

/** Target → how many times it appears as a `url:` value under one of `keys` of the frontmatter. */
function metadataUrlCounts(frontmatter: Record<string, unknown>, keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  let budget = MAX_NODES;
  const visit = (node: unknown, key: string | null): void => {
    if (--budget < 0) return;
    if (typeof node === 'string') {
      if (key !== null && URL_KEYS.has(key.toLowerCase())) counts.set(node.trim(), (counts.get(node.trim()) ?? 0) + 1);
    } else if (Array.isArray(node)) {
      for (const item of node) visit(item, key);
    } else if (node !== null && typeof node === 'object') {
      for (const [childKey, child] of Object.entries(node as Record<string, unknown>)) visit(child, childKey);
    }
  };
  for (const key of keys) if (Object.hasOwn(frontmatter, key)) visit(frontmatter[key], null);
  return counts;
}

// Every link of every page and navigation file of one version, resolved against that same version.

export interface CheckedLink {
  /** Package path of the file holding the link. */
  file: string;
  line: number;
  kind: DocLink['kind'];
  target: string;
  parsed: LinkTarget;
  /** Null for links that are not ours to check (other sites, mail, templates). */
  resolution: Resolution | null;
  /** A `url:` the page declares about itself in a metadata subtree of its frontmatter. */
  metadata: boolean;
}

export function checkVersionLinks(docs: VersionDocs, index: RouteIndex, conventions: LinkConventions): CheckedLink[] {
  const checked: CheckedLink[] = [];
  for (const source of docs.sources) {
    const metadata = metadataUrlCounts(source.frontmatter, conventions.frontmatterMetadataKeys);
    for (const link of source.links) {
      let isMetadata = false;
      const remaining = link.kind === 'frontmatter' ? (metadata.get(link.target) ?? 0) : 0;
      if (remaining > 0) {
        metadata.set(link.target, remaining - 1);
        isMetadata = true;
      }
      const parsed = parseLinkTarget(link.target, {
        sourcePath: source.path,
        sourceRoute: source.route,
        baseUrl: conventions.baseUrl,
        rootRelativeTo: 'docs',
      });
      checked.push({ file: source.path, line: link.line, kind: link.kind, target: link.target, parsed, resolution: resolveTarget(index, parsed, conventions), metadata: isMetadata });
    }
  }
  return checked;
}

export function isBroken(link: CheckedLink): link is CheckedLink & { resolution: Extract<Resolution, { ok: false }> } {
  return link.resolution !== null && !link.resolution.ok && !link.metadata;
}

// The `to` docs' own broken links, each with a fix: through the route map when the target worked in
// `from` (an author who missed a move), else the nearest existing route.

function routeOf(link: CheckedLink): string {
  if (link.parsed.kind === 'route' || link.parsed.kind === 'asset') return link.parsed.route;
  if (link.parsed.kind === 'file') return link.parsed.path;
  return link.target;
}

export function internalBrokenLinks(checked: readonly CheckedLink[], context: FixContext): BrokenLink[] {
  const out: BrokenLink[] = [];
  for (const link of checked) {
    if (!isBroken(link)) continue;
    const route = routeOf(link);
    const before = resolveTarget(context.from, link.parsed, context.conventions);
    const fix = before?.ok ? followThroughMap(before, route, context) : nearestRoute(link.resolution, route, context.to);
    out.push({
      scope: 'internal',
      file: link.file,
      line: link.line,
      alsoAt: 0,
      target: link.target,
      kind: link.kind,
      code: link.resolution.code,
      reason: link.resolution.message,
      fix,
    });
  }
  return out;
}

// The cross-version check: every target the `from` docs link to that worked in `from` and fails in `to`,
// once per target, with where it was used and what it should become.

/** The target as a docs route with its anchor, whatever way the `from` page wrote it. */
function canonicalTarget(link: CheckedLink, located: Extract<Resolution, { ok: true }>): { route: string; anchor: string | null } | null {
  if (link.parsed.kind === 'route') return { route: link.parsed.route, anchor: link.parsed.anchor };
  if (link.parsed.kind === 'file' && located.page !== null) return { route: joinRoute(located.page, located.section), anchor: link.parsed.anchor };
  return null;
}

export function upgradeBrokenLinks(fromChecked: readonly CheckedLink[], context: FixContext): BrokenLink[] {
  const groups = new Map<string, { link: CheckedLink; located: Extract<Resolution, { ok: true }>; route: string; anchor: string | null; uses: number }>();
  for (const link of fromChecked) {
    if (link.metadata || link.resolution === null || !link.resolution.ok) continue;
    const canonical = canonicalTarget(link, link.resolution);
    if (!canonical) continue;
    const key = `${canonical.route}#${canonical.anchor ?? ''}`;
    const group = groups.get(key);
    if (group) group.uses++;
    else groups.set(key, { link, located: link.resolution, ...canonical, uses: 1 });
  }
  const out: BrokenLink[] = [];
  for (const group of groups.values()) {
    const after = locateRoute(context.to, group.route, group.anchor, context.conventions);
    if (after.ok) continue;
    out.push({
      scope: 'upgrade',
      file: group.link.file,
      line: group.link.line,
      alsoAt: group.uses - 1,
      target: `${group.route}${group.anchor ? `#${group.anchor}` : ''}`,
      kind: group.link.kind,
      code: after.code,
      reason: after.message,
      fix: followThroughMap(group.located, group.route, context),
    });
  }
  return out.sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
}
