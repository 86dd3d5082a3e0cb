/**
 * The migration link checker: "we upgrade from A to B — which links break, and where did each page go?"
 *
 * - `checkLinks(ctx, { package?, from, to, scanDir?, baseUrl? })` → `LinkReport`: the route map of every
 *   page of `from` (same / moved / removed with a candidate), the `to` docs' broken links, the targets that
 *   worked in `from` and fail in `to`, an optional scan of an outside folder, and a redirect plan.
 * - `resolveRoute(ctx, { package?, route, from?, to })` → `RouteResolution`: where one route went.
 * - The pure pieces, for other consumers and tests: `analyzePair`, `buildRouteMap`, `planRedirects`,
 *   `renderNetlify`, `renderNextjs`, `renderTable`, `parseLinkTarget`, `findAppLinks`.
 */
export { checkLinks, type CheckLinksRequest } from './check-links.ts';
export { resolveRoute, type ResolveRouteRequest, type RouteResolution } from './resolve-route-service.ts';
export type { LinkReport, LinkCounts, ScanReport } from './link-report.ts';
export type { BrokenLink, BrokenScope } from './broken-link.ts';
export type { Fix } from './suggest-fix.ts';
export type { ScanHit } from './check-scan.ts';
export { analyzePair, type PairAnalysis, type PairInput } from './analyze-pair.ts';
export { buildLinkReport } from './link-report.ts';
export { buildRouteMap, type RouteMapEntry, type RouteStatus } from './route-map.ts';
export { planRedirects, applyRedirects, type RedirectPlan, type RedirectRule, type RedirectWarning } from './redirect-plan.ts';
export { renderNetlify, type RedirectHeader } from './render-netlify.ts';
export { renderNextjs, nextRedirects, type NextRedirect } from './render-nextjs.ts';
export { renderTable } from './render-table.ts';
export { conventionsFor, DEFAULT_CONVENTIONS, type LinkConventions } from './conventions.ts';
export { parseLinkTarget, type LinkTarget } from './link-target.ts';
export { findAppLinks } from './scan-text.ts';
export type { VersionDocs, DocsPage, LinkSource } from './version-docs.ts';
