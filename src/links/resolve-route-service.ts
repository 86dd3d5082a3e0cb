// The service verb behind GET /resolve and the MCP `resolve_route` tool: where did this route go?
import { invalidInput, notFound } from '../errors.ts';
import { resolvePackage, resolveVersion } from '../services/catalog.ts';
import type { ServiceContext } from '../services/context.ts';
import { diffPair } from '../services/version-diff.ts';
import { compareVersions, listVersionRows } from '../store/versions.ts';
import { analyzePair } from './analyze-pair.ts';
import { conventionsFor } from './conventions.ts';
import { parseLinkTarget } from './link-target.ts';
import { loadVersionDocs } from './load-version-docs.ts';
import { resolveRoute as resolveInVersion } from './resolve-link.ts';
import { parentRoutes } from './route-index.ts';
import type { RouteMapEntry } from './route-map.ts';
import { versionsServingRoutes } from './route-versions.ts';
import { type Fix, followThroughMap } from './suggest-fix.ts';

export interface ResolveRouteRequest {
  package?: string | null;
  /** `/user-management/sso`, `/glossary/acs-url#x`, or a full URL under the docs' base URL. */
  route: string;
  /** Defaults to the oldest stored version that has a page at the route. */
  from?: string | null;
  /** Defaults to `latest`. */
  to?: string | null;
}

export interface RouteResolution {
  package: string;
  /** The route as understood: docs-relative, with its anchor. */
  route: string;
  from: string;
  to: string;
  /**
   * same: works in `to` as written. moved: its page moved (`inferred` when matched by folder and name).
   * changed: the page is there but the section or anchor is not. removed: its page is gone.
   */
  status: 'same' | 'moved' | 'changed' | 'removed';
  /** What to link to in `to`; null when nothing can be said for sure (see `candidate`). */
  target: string | null;
  inferred: boolean;
  /** The route map entry of the page the route lands on in `from` (null for folder routes). */
  page: RouteMapEntry | null;
  fix: Fix | null;
  reason: string | null;
}

const MAX_ROUTE_CHARS = 2048;

export async function resolveRoute(ctx: ServiceContext, request: ResolveRouteRequest): Promise<RouteResolution> {
  if (request.route.length > MAX_ROUTE_CHARS) throw invalidInput(`route is too long (${MAX_ROUTE_CHARS} characters at most)`);
  const pkg = await resolvePackage(ctx, request.package);
  const conventions = conventionsFor(pkg.name, pkg.options);
  const parsed = parseLinkTarget(request.route, { sourcePath: null, sourceRoute: null, baseUrl: conventions.baseUrl, rootRelativeTo: 'docs' });
  if (parsed.kind !== 'route') {
    throw invalidInput(`${JSON.stringify(request.route.slice(0, 100))} is not a docs route; give one such as /authkit/sso${conventions.baseUrl ? ` or ${conventions.baseUrl}/authkit/sso` : ''}`);
  }
  const written = `${parsed.route}${parsed.anchor ? `#${parsed.anchor}` : ''}`;
  const to = await resolveVersion(ctx, pkg, request.to ?? 'latest');
  let from;
  if (request.from) {
    from = await resolveVersion(ctx, pkg, request.from, to.version);
  } else {
    // The route itself as a page first; only when no version has that page, the pages a section route
    // could hang under (not `/`, which nearly every version has and which would say nothing).
    let serving = new Set(await versionsServingRoutes(ctx.db, pkg.id, [parsed.route]));
    if (serving.size === 0) serving = new Set(await versionsServingRoutes(ctx.db, pkg.id, parentRoutes(parsed.route).filter((route) => route !== '/')));
    from = (await listVersionRows(ctx.db, pkg.id)).filter((row) => serving.has(row.version)).sort(compareVersions)[0];
    if (!from) throw notFound(`no stored version of ${pkg.name} has a page at ${parsed.route} or above it; pass from= to check a folder route`);
  }

  const [diff, fromDocs, toDocs] = await Promise.all([diffPair(ctx, { pkg, from, to }), loadVersionDocs(ctx, from), loadVersionDocs(ctx, to)]);
  const analysis = analyzePair({ from: fromDocs, to: toDocs, diff, conventions });
  const before = resolveInVersion(analysis.fromIndex, parsed.route, parsed.anchor, conventions);
  if (!before.ok) throw notFound(`${written} does not resolve in ${pkg.name}@${from.version}: ${before.message}${request.from ? '' : '; pass from= a version that has it'}`);
  const page = before.page !== null ? (analysis.fixes.routeMap.get(before.page) ?? null) : null;
  const base = { package: pkg.name, route: written, from: from.version, to: to.version, page };
  const after = resolveInVersion(analysis.toIndex, parsed.route, parsed.anchor, conventions);
  if (after.ok) return { ...base, status: 'same', target: written, inferred: false, fix: null, reason: null };

  const fix = followThroughMap(before, parsed.route, analysis.fixes);
  const status = page?.status === 'removed' || (!page && !fix) ? 'removed' : page?.status === 'same' ? 'changed' : 'moved';
  return {
    ...base,
    status,
    target: fix && fix.kind !== 'candidate' ? fix.target : null,
    inferred: page?.inferred ?? false,
    fix,
    reason: status === 'removed' ? (page?.reason ?? after.message) : after.message,
  };
}
