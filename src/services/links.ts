// The service verb behind `docdelta links`, GET /links, the MCP `check_links` tool and the digest's count.
import { z } from 'zod';
import { invalidInput, notFound } from '../errors.ts';
import { readPagesOfAll } from './page-reading.ts';
import type { ServiceContext } from './context.ts';
import { diffPair, resolvePair } from './version-diff.ts';
import { analyzePair, type RouteMapEntry } from '../links/route-map.ts';
import { conventionsFor, type LinkConventions } from '../links/conventions.ts';
import { buildLinkReport, type LinkReport, type ReportInput } from '../links/link-report.ts';
import { findAppLinks, type FoundAppLink, walkApp } from '../links/app-scan.ts';
import { compareVersions, listVersionRows, versionsServingRoutes } from '../store/versions.ts';
import { loadPairDocs, loadVersionDocs } from './version-docs.ts';
import { pickVersion, resolvePackage } from './catalog.ts';
import { parseLinkTarget } from '../links/link-target.ts';
import { locateRoute, parentRoutes } from '../links/route-index.ts';
import { type Fix, followThroughMap } from '../links/suggest-fix.ts';

export interface CheckLinksRequest {
  package?: string | null;
  from: string;
  to: string;
  /** A folder of an app, help centre or site to scan for links into the docs. */
  scanDir?: string | null;
  /** Where the docs are published (`https://workos.com/docs`); defaults to the package's conventions. */
  baseUrl?: string | null;
}

const baseUrlSchema = z
  .string()
  .max(500)
  .url()
  .refine((value) => /^https?:\/\//i.test(value), 'must be an http(s) URL');

/** Links kept from a scan; past this the report would be too large to be of use anyway. */
const MAX_SCAN_LINKS = 200_000;

function effectiveBaseUrl(request: CheckLinksRequest, conventions: LinkConventions): string | null {
  if (request.baseUrl === undefined || request.baseUrl === null) return conventions.baseUrl;
  const parsed = baseUrlSchema.safeParse(request.baseUrl);
  if (!parsed.success) throw invalidInput(`base URL ${JSON.stringify(request.baseUrl.slice(0, 100))} ${parsed.error.issues[0]!.message}`);
  return parsed.data;
}

/** First route segments of both versions, to tell docs links from the app's own paths when the docs sit at a host's root. */
function docsSegments(routes: Iterable<string>): Set<string> {
  const segments = new Set<string>();
  for (const route of routes) {
    const first = route.split('/')[1];
    if (first) segments.add(first);
  }
  return segments;
}

export async function checkLinks(ctx: ServiceContext, request: CheckLinksRequest): Promise<LinkReport> {
  const pair = await resolvePair(ctx, request);
  const baseConventions = conventionsFor(pair.pkg.name, pair.pkg.options);
  const [diff, [from, to]] = await Promise.all([diffPair(ctx, pair), loadPairDocs(ctx, pair.pkg, pair.from, pair.to)]);
  // Asked for, else set or preset, else learned from the docs' own absolute links.
  const baseUrl = effectiveBaseUrl(request, baseConventions) ?? to.layout.baseUrl ?? from.layout.baseUrl;
  const conventions = { ...baseConventions, baseUrl };
  const analysis = analyzePair({ from, to, diff, conventions });

  let scan: ReportInput['scan'];
  if (request.scanDir) {
    const segments = docsSegments([...from.pages, ...to.pages].map((page) => page.route));
    const found: Array<FoundAppLink & { file: string }> = [];
    const stats = await walkApp(request.scanDir, (file) => {
      for (const link of findAppLinks(file.text, { baseUrl, docsSegments: segments })) {
        if (found.length < MAX_SCAN_LINKS) found.push({ ...link, file: file.path });
      }
    });
    scan = { dir: request.scanDir, baseUrl, stats, found };
  }
  return buildLinkReport({ package: pair.pkg.name, conventions, analysis, docs: { from, to }, scan });
}

// The service verb behind GET /resolve and the MCP `resolve_route` tool: where did this route go?

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
  // The package's versions, read once for `to`, `from` and the default `from`.
  const rows = await listVersionRows(ctx.db, pkg.id);
  const to = pickVersion(pkg, rows, request.to ?? 'latest');
  const configured = conventionsFor(pkg.name, pkg.options);
  // Read through the stored-version cache, not loadDocsLayout: loadPairDocs below reads `to` again.
  const conventions = { ...configured, baseUrl: configured.baseUrl ?? (await loadVersionDocs(ctx, pkg, to)).layout.baseUrl };
  const parsed = parseLinkTarget(request.route, { sourcePath: null, sourceRoute: null, baseUrl: conventions.baseUrl, rootRelativeTo: 'docs' });
  if (parsed.kind !== 'route') {
    throw invalidInput(`${JSON.stringify(request.route.slice(0, 100))} is not a docs route; give one such as /authkit/sso${conventions.baseUrl ? ` or ${conventions.baseUrl}/authkit/sso` : ''}`);
  }
  const written = `${parsed.route}${parsed.anchor ? `#${parsed.anchor}` : ''}`;
  let from;
  if (request.from) {
    from = pickVersion(pkg, rows, request.from, to.version);
  } else {
    // The route itself as a page first; only when no version has that page, the pages a section route
    // could hang under (not `/`, which nearly every version has and which would say nothing).
    // Routes are stored when a version's pages are read.
    await readPagesOfAll(ctx, pkg, rows);
    let serving = new Set(await versionsServingRoutes(ctx.db, pkg.id, [parsed.route]));
    if (serving.size === 0) serving = new Set(await versionsServingRoutes(ctx.db, pkg.id, parentRoutes(parsed.route).filter((route) => route !== '/')));
    from = rows.filter((row) => serving.has(row.version)).sort(compareVersions)[0];
    if (!from) throw notFound(`no stored version of ${pkg.name} has a page at ${parsed.route} or above it; pass from= to check a folder route`);
  }

  const [diff, [fromDocs, toDocs]] = await Promise.all([diffPair(ctx, { pkg, from, to }), loadPairDocs(ctx, pkg, from, to)]);
  const analysis = analyzePair({ from: fromDocs, to: toDocs, diff, conventions });
  const before = locateRoute(analysis.fromIndex, parsed.route, parsed.anchor, conventions);
  if (!before.ok) throw notFound(`${written} does not resolve in ${pkg.name}@${from.version}: ${before.message}${request.from ? '' : '; pass from= a version that has it'}`);
  const page = before.page !== null ? (analysis.fixes.routeMap.get(before.page) ?? null) : null;
  const base = { package: pkg.name, route: written, from: from.version, to: to.version, page };
  const after = locateRoute(analysis.toIndex, parsed.route, parsed.anchor, conventions);
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
